package org.pagateway.intake;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Channel;
import org.pagateway.model.Disposition;
import org.pagateway.security.TradingPartners;
import org.pagateway.store.ControlNumbers;
import org.pagateway.x12.AcknowledgmentWriter;
import org.pagateway.x12.GroupHeader;
import org.pagateway.x12.InterchangeHeader;
import org.pagateway.x12.ReadTransaction;
import org.pagateway.x12.ResponseWriter;
import org.pagateway.x12.X12Listener;
import org.pagateway.x12.X12RequestReader;
import org.pagateway.x12.ack.GroupAck;
import org.pagateway.x12.ack.InterchangeAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * X12 in, answers out: reads every interchange of an input, accepts each valid transaction's patient
 * events as authorizations, writes the 278 responses as they come and, at the end of each interchange,
 * its TA1/999. Works on streams, so a file and an HTTP body go the same way.
 */
public final class X12Intake {

    private static final Logger LOG = LoggerFactory.getLogger(X12Intake.class);

    /**
     * Accepted transactions are stored and queued this many requests at a time: one database transaction
     * and one broker transaction (one disk sync each) per batch instead of per transaction set. Their 278
     * responses are written right after, so nothing is answered before it is stored.
     */
    static final int BATCH_REQUESTS = 100;
    /** A large batch says how far it got this often, in transaction sets. */
    static final int PROGRESS_EVERY = 1_000;

    private final X12RequestReader reader;
    private final AuthorizationIntake intake;
    private final ControlNumbers controlNumbers;
    private final TradingPartners partners;
    private final AcknowledgmentWriter acknowledgments = new AcknowledgmentWriter();

    /** With the shipped (made-up) trading partners. */
    public X12Intake(X12RequestReader reader, AuthorizationIntake intake, ControlNumbers controlNumbers) {
        this(reader, intake, controlNumbers, TradingPartners.shipped());
    }

    /** Interchanges from senders that are not {@code partners} get a TA1 R 006 and nothing else. */
    public X12Intake(X12RequestReader reader, AuthorizationIntake intake, ControlNumbers controlNumbers,
            TradingPartners partners) {
        this.reader = reader;
        this.intake = intake;
        this.controlNumbers = controlNumbers;
        this.partners = partners;
    }

    /**
     * Processes one input. The output streams are asked for only when there is something to write, so an
     * input with nothing accepted leaves no empty response file behind.
     */
    public X12Summary process(InputStream input, Channel channel, String sourceName, Supplier<OutputStream> ackOut,
            Supplier<OutputStream> responseOut) {
        return process(input, channel, sourceName, null, ackOut, responseOut);
    }

    /**
     * @param scope whose resends these are, for a caller held to its own requests (an HTTP client of some sites): a
     *              request is then recognised as a resend only of what the same caller sent. Null: of anyone's.
     */
    public X12Summary process(InputStream input, Channel channel, String sourceName, String scope,
            Supplier<OutputStream> ackOut, Supplier<OutputStream> responseOut) {
        Run run = new Run(channel, sourceName, scope, ackOut, responseOut);
        reader.read(input, run);
        X12Summary summary = run.summary();
        LOG.info("{} {}: {} interchange(s), {} transaction(s) accepted, {} rejected, {} authorization(s)", channel,
                sourceName, summary.interchanges(), summary.acceptedTransactions(), summary.rejectedTransactions(),
                summary.authorizations().size());
        return summary;
    }

    /**
     * What an input asks for, read but not taken: the requests of the transaction sets that would be accepted, from
     * trading partners. Nothing is stored, queued or answered; for deciding whether a caller may send it at all.
     */
    public List<AuthorizationRequest> requests(InputStream input) {
        List<AuthorizationRequest> requests = new ArrayList<>();
        reader.read(input, new X12Listener() {
            @Override
            public boolean knownSender(String qualifier, String senderId) {
                return partners.knows(qualifier, senderId);
            }

            @Override
            public void transaction(ReadTransaction transaction) {
                requests.addAll(transaction.requests());
            }

            @Override
            public void groupEnded(GroupHeader header, GroupAck ack) {
                // nothing is answered
            }

            @Override
            public void interchangeEnded(InterchangeHeader header, InterchangeAck ack) {
                // nothing is answered
            }
        });
        return requests;
    }

    private final class Run implements X12Listener {
        private final Channel channel;
        private final String sourceName;
        private final String scope;
        private final Lazy ackOut;
        private final Lazy responseOut;

        private final List<GroupHeader> groups = new ArrayList<>();
        private final List<GroupAck> groupAcks = new ArrayList<>();
        private ResponseWriter responses;
        private InterchangeHeader current;
        private final List<ReadTransaction> pending = new ArrayList<>();
        private int pendingRequests;

        private int interchanges;
        private int accepted;
        private int answered;
        private int rejected;
        private final List<String> authorizationIds = new ArrayList<>();
        private final List<InterchangeAck> interchangeProblems = new ArrayList<>();
        private boolean clean = true;

        Run(Channel channel, String sourceName, String scope, Supplier<OutputStream> ackOut,
                Supplier<OutputStream> responseOut) {
            this.channel = channel;
            this.sourceName = sourceName;
            this.scope = scope;
            this.ackOut = new Lazy(ackOut);
            this.responseOut = new Lazy(responseOut);
        }

        @Override
        public void interchangeStarted(InterchangeHeader header) {
            current = header;
        }

        @Override
        public boolean knownSender(String qualifier, String senderId) {
            return partners.knows(qualifier, senderId);
        }

        @Override
        public void transaction(ReadTransaction transaction) {
            if (!transaction.ack().accepted()) {
                rejected++;
                return;
            }
            accepted++;
            if (transaction.requests().isEmpty()) {
                return;
            }
            pending.add(transaction);
            pendingRequests += transaction.requests().size();
            if (pendingRequests >= BATCH_REQUESTS) {
                flush();
            }
        }

        /** Stores and queues the pending transactions' requests together, then writes their responses in order. */
        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<AuthorizationRequest> requests = new ArrayList<>(pendingRequests);
            pending.forEach(t -> requests.addAll(t.requests()));
            List<Disposition> dispositions = intake.accept(requests, channel, sourceName, null, scope);
            dispositions.forEach(d -> d.authorizations().forEach(a -> authorizationIds.add(a.id())));
            int next = 0;
            for (ReadTransaction transaction : pending) {
                if (responses == null) {
                    responses = new ResponseWriter(responseOut.get(), transaction.interchange(), controlNumbers.next());
                }
                int count = transaction.requests().size();
                responses.write(transaction.group(), dispositions.subList(next, next + count));
                next += count;
            }
            int before = answered;
            answered += pending.size();
            if (answered / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                LOG.info("{} {}: {} transaction(s) stored, queued and answered so far", channel, sourceName, answered);
            }
            pending.clear();
            pendingRequests = 0;
        }

        @Override
        public void groupEnded(GroupHeader header, GroupAck ack) {
            flush();
            clean &= "A".equals(ack.status());
            groups.add(header);
            groupAcks.add(ack);
        }

        @Override
        public void interchangeEnded(InterchangeHeader header, InterchangeAck ack) {
            flush();
            interchanges++;
            if (responses != null) {
                responses.finish();
                responses = null;
            }
            // a TA1 the sender asked for is something to send back too
            clean &= ack.accepted() && !ack.requested();
            if (!ack.accepted()) {
                interchangeProblems.add(ack);
                LOG.warn("{} {}: interchange {} refused, TA105 {}: {}", channel, sourceName, ack.controlNumber(),
                        ack.noteCode(), ack.description());
            }
            if (ack.shouldSend() || !groupAcks.isEmpty()) {
                acknowledgments.write(ackOut.get(), header != null ? header : current, ack, groups, groupAcks,
                        controlNumbers.next());
            }
            groups.clear();
            groupAcks.clear();
            current = null;
        }

        X12Summary summary() {
            return new X12Summary(interchanges, accepted, rejected, authorizationIds, interchangeProblems,
                    responseOut.used(), clean);
        }
    }

    /** Opens an output on first use only. */
    private static final class Lazy {
        private final Supplier<OutputStream> supplier;
        private OutputStream stream;

        Lazy(Supplier<OutputStream> supplier) {
            this.supplier = supplier;
        }

        OutputStream get() {
            if (stream == null) {
                stream = supplier.get();
            }
            return stream;
        }

        boolean used() {
            return stream != null;
        }
    }
}
