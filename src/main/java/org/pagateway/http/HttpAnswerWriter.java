package org.pagateway.http;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** The only Camel-aware piece of the HTTP layer: copies a bean's {@link HttpAnswer} onto the reply. */
public final class HttpAnswerWriter implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        HttpAnswer answer = message.getBody(HttpAnswer.class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        message.setHeader(Exchange.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(message::setHeader);
        message.setBody(answer.body());
    }
}
