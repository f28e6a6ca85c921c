package org.pagateway.http;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.jetty.JettyHttpEndpoint;
import org.pagateway.security.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's side of {@link AccessControl}: runs before every HTTP route (the interceptFrom of routes/http.yaml's
 * http-errors route configuration). A refused request gets its answer here and goes no further; an allowed one goes on
 * with its {@link Client} in the exchange property {@value #CLIENT}, and without the key headers.
 */
public final class AccessGate implements Processor {

    public static final String CLIENT = "gatewayClient";
    private static final Logger LOG = LoggerFactory.getLogger(AccessGate.class);

    private final AccessControl access;
    private final HttpAnswerWriter writer;

    /** @param writer the one that writes every answer (and counts it): refusals are answers too */
    public AccessGate(AccessControl access, HttpAnswerWriter writer) {
        this.access = access;
        this.writer = writer;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        // the path as the REST DSL declares it (/api/v1/authorizations/{id}): the endpoint that took the request knows it
        String template = exchange.getFromEndpoint() instanceof JettyHttpEndpoint endpoint ? endpoint.getPath() : null;
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        String id = template != null && template.contains("{id}") ? message.getHeader("id", String.class) : null;
        AccessControl.Verdict verdict = access.decide(new AccessControl.Call(method, template,
                message.getHeader("Authorization", String.class), message.getHeader("X-API-Key", String.class), id,
                message.getBody() instanceof UnreadRequest unread ? unread : null));
        // no bean, log or answer sees the key past this point
        message.removeHeader("Authorization");
        message.removeHeader("X-API-Key");
        exchange.removeProperty(CLIENT);
        if (!verdict.allowed()) {
            int status = verdict.refusal().status();
            String who = verdict.client() == null ? "(no valid key)" : verdict.client().name();
            if (status == 403 || status == 404) {
                LOG.info("{}: {} {} refused {}", who, method, template, status);
            } else {
                LOG.debug("{}: {} {} refused {}", who, method, template, status);
            }
            message.setBody(verdict.refusal());
            writer.process(exchange);
            exchange.setRouteStop(true);
            return;
        }
        if (verdict.client() != null) {
            exchange.setProperty(CLIENT, verdict.client());
        }
    }
}
