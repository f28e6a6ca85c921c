package org.pagateway.http;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.pagateway.metrics.GatewayMetrics;

/**
 * The only Camel-aware piece of the HTTP layer: copies a bean's {@link HttpAnswer} onto the reply. Every answer
 * passes here, so here each request's time is taken, by the route that answered it.
 */
public final class HttpAnswerWriter implements Processor {

    private final GatewayMetrics metrics;

    public HttpAnswerWriter(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        HttpAnswer answer = message.getBody(HttpAnswer.class);
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        message.setHeader(Exchange.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(message::setHeader);
        message.setBody(answer.body());
        Route route = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getRoute();
        metrics.http(method, route == null ? exchange.getFromRouteId() : route.getRouteId(), answer.status(),
                exchange.getClock().elapsed());
    }
}
