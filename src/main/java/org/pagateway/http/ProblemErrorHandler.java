package org.pagateway.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers itself, before or outside any route (a path no route serves, a request it cannot parse): problem+json
 * like every other refusal, instead of its HTML page. Never a message or stack of the cause: those stay in the log.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    public ProblemErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        HttpAnswer answer = problem(code).answer();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    static Problem problem(int code) {
        return switch (code) {
            case 404 -> Problem.of(404, "no-such-endpoint", "Not found",
                    "No endpoint is at this path; /openapi.json lists them.");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    "This path does not take that method; /openapi.json lists what it takes.");
            default -> {
                String reason = HttpStatus.getMessage(code);
                yield code >= 500 ? Problem.of(code, "server-error", reason, "The gateway could not answer this request; try again.")
                        : Problem.of(code, "bad-request", reason, "The request cannot be read as HTTP: " + reason + ".");
            }
        };
    }
}
