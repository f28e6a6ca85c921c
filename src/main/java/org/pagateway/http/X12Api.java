package org.pagateway.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

import org.pagateway.intake.X12Intake;
import org.pagateway.intake.X12Summary;
import org.pagateway.model.Channel;
import org.pagateway.security.Client;

/**
 * POST /x12/278: X12 in (normally one interchange), X12 out. An accepted request gets its 278 response; a rejected one
 * its 999 (or TA1 when the interchange itself was refused); a mixed one both, the acknowledgment first.
 */
public final class X12Api {

    public static final String X12 = "application/edi-x12";

    private final X12Intake intake;
    private final AccessControl access;

    public X12Api(X12Intake intake, AccessControl access) {
        this.intake = intake;
        this.access = access;
    }

    /**
     * A client held to sites may send requests for their requesters, and revisions of their authorizations, only: the
     * input is read once without taking anything to see what it asks for, and refused whole (403, or 404 for another
     * site's authorization) before any of it is taken. The body is in memory already, under its size limit.
     */
    public HttpAnswer submit(byte[] body, Client client) {
        if (body == null || body.length == 0) {
            return Problem.of(400, "empty-body", "Empty body", "Send one X12 278 interchange, starting with ISA.").answer();
        }
        if (client == null || !client.allSites()) {
            Optional<HttpAnswer> refused = access.refusal(client,
                    client == null ? List.of() : intake.requests(new ByteArrayInputStream(body)));
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        ByteArrayOutputStream acks = new ByteArrayOutputStream();
        ByteArrayOutputStream responses = new ByteArrayOutputStream();
        X12Summary summary = intake.process(new ByteArrayInputStream(body), Channel.X12_HTTP, "http",
                AccessControl.resendScope(client), () -> acks, () -> responses);
        if (summary.clean() && summary.wroteResponses()) {
            return HttpAnswer.of(200, X12, responses.toByteArray());
        }
        // something to say besides the responses (a rejected set, a TA1): the acknowledgments come first,
        // then the 278 responses of what was accepted, as interchanges one after the other
        acks.writeBytes(responses.toByteArray());
        return HttpAnswer.of(200, X12, acks.toByteArray());
    }
}
