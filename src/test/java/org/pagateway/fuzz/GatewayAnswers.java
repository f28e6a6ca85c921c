package org.pagateway.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Channel;
import org.pagateway.model.Decision;
import org.pagateway.model.Disposition;
import org.pagateway.rules.DecisionEngine;
import org.pagateway.rules.Ruling;
import org.pagateway.x12.AcknowledgmentWriter;
import org.pagateway.x12.GroupHeader;
import org.pagateway.x12.InterchangeHeader;
import org.pagateway.x12.ReadTransaction;
import org.pagateway.x12.ResponseWriter;
import org.pagateway.x12.X12Listener;
import org.pagateway.x12.X12RequestReader;
import org.pagateway.x12.ack.GroupAck;
import org.pagateway.x12.ack.InterchangeAck;

/**
 * What the gateway writes back for one X12 input, without a database or a broker: the same listener steps as
 * {@code X12Intake} (responses of a group written when the group ends, the TA1/999 when the interchange ends).
 * Each accepted request is ruled on by the gateway's {@link DecisionEngine} as {@code AuthorizationIntake} does,
 * its authorizations all under one fixed number instead of being stored and queued. A revision (REF*BB) needs
 * the stored authorization it revises, so it gets no 278 here; its set still gets its 999.
 */
final class GatewayAnswers implements X12Listener {

    static final String AUTHORIZATION_ID = "26334R00001";
    // a Monday morning: outside the payer's maintenance window, so the rules answer
    static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");
    private static final long CONTROL_NUMBER = 1;
    private static final DecisionEngine DECISIONS = DecisionEngine.standard();

    private final AcknowledgmentWriter acknowledgments = new AcknowledgmentWriter();

    /** One stream per interchange written, so each answer can be read back on its own. */
    final List<byte[]> acks = new ArrayList<>();
    final List<byte[]> responses = new ArrayList<>();

    private final List<GroupHeader> groups = new ArrayList<>();
    private final List<GroupAck> groupAcks = new ArrayList<>();
    private final List<ReadTransaction> pending = new ArrayList<>();
    private ByteArrayOutputStream responseBytes;
    private ResponseWriter responseWriter;
    private InterchangeHeader current;

    static GatewayAnswers to(X12RequestReader reader, byte[] input) {
        GatewayAnswers answers = new GatewayAnswers();
        reader.read(new ByteArrayInputStream(input), answers);
        return answers;
    }

    boolean any() {
        return !acks.isEmpty() || !responses.isEmpty();
    }

    @Override
    public void interchangeStarted(InterchangeHeader header) {
        current = header;
    }

    @Override
    public void transaction(ReadTransaction transaction) {
        if (transaction.ack().accepted() && !transaction.requests().isEmpty()) {
            pending.add(transaction);
        }
    }

    @Override
    public void groupEnded(GroupHeader header, GroupAck ack) {
        flush();
        groups.add(header);
        groupAcks.add(ack);
    }

    @Override
    public void interchangeEnded(InterchangeHeader header, InterchangeAck ack) {
        flush();
        if (responseWriter != null) {
            responseWriter.finish();
            responses.add(responseBytes.toByteArray());
            responseWriter = null;
        }
        if (ack.shouldSend() || !groupAcks.isEmpty()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            acknowledgments.write(out, header != null ? header : current, ack, groups, groupAcks, CONTROL_NUMBER);
            acks.add(out.toByteArray());
        }
        groups.clear();
        groupAcks.clear();
        current = null;
    }

    private void flush() {
        for (ReadTransaction transaction : pending) {
            if (responseWriter == null) {
                responseBytes = new ByteArrayOutputStream();
                responseWriter = new ResponseWriter(responseBytes, transaction.interchange(), CONTROL_NUMBER);
            }
            responseWriter.write(transaction.group(), dispose(transaction.requests()));
        }
        pending.clear();
    }

    private static List<Disposition> dispose(List<AuthorizationRequest> requests) {
        return requests.stream().filter(request -> !request.isRevision()).map(GatewayAnswers::dispose).toList();
    }

    /** One request as AuthorizationIntake answers a new one: the ruling, and its authorizations made out. */
    static Disposition dispose(AuthorizationRequest request) {
        Ruling ruling = DECISIONS.decide(request, NOW);
        Decision decision = ruling.faxContents() == null ? ruling.decision()
                : DECISIONS.faxFallback().complete(ruling.decision(), ruling.faxContents(), AUTHORIZATION_ID, NOW);
        List<Authorization> made = ruling.authorizations().stream()
                .map(authorized -> new Authorization(AUTHORIZATION_ID, Channel.X12_FILE, "fuzz", authorized, decision, NOW))
                .toList();
        return new Disposition(request, decision, made);
    }
}
