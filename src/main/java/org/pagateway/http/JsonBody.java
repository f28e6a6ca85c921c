package org.pagateway.http;

import java.io.IOException;
import java.util.List;

import org.pagateway.model.CanonicalJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A JSON request body bound to a record, or the 400 problem that says which field is wrong and why: the one
 * way every JSON endpoint reads its body.
 */
public record JsonBody<T>(T value, HttpAnswer problem) {

    public static <T> JsonBody<T> read(byte[] body, Class<T> type, String what) {
        if (body == null || body.length == 0) {
            return failed(Problem.of(400, "bad-json", "Bad JSON", "The body is empty; send " + what + " as JSON."));
        }
        T value;
        try {
            value = CanonicalJson.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            return failed(badJson(e, what));
        } catch (IOException e) {
            return failed(Problem.of(400, "bad-json", "Bad JSON", "The body could not be read."));
        }
        if (value == null) {
            return failed(Problem.of(400, "bad-json", "Bad JSON", "The body is JSON null; send " + what + "."));
        }
        return new JsonBody<>(value, null);
    }

    private static <T> JsonBody<T> failed(Problem problem) {
        return new JsonBody<>(null, problem.answer());
    }

    private static Problem badJson(JsonProcessingException e, String what) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        String reason;
        StreamConstraintsException limit = constraint(e);
        if (limit != null) {
            reason = "the body goes over a limit of the gateway: " + limitText(limit);
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = path(unknown);
            reason = "is not a field of " + what;
        } else if (e instanceof JsonMappingException) {
            reason = "has a value of the wrong type or format: " + e.getOriginalMessage().replaceAll("\\R.*", "");
        } else {
            reason = "the body is not well-formed JSON (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ", column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ")";
        }
        return new Problem("https://pa-gateway.org/problems/bad-json", "Bad JSON", 400, reason,
                List.of(new Problem.FieldError(field == null || field.isEmpty() ? "$" : field, reason)));
    }

    /** Jackson's own limits (StreamReadConstraints), found where a mapping exception wraps one. */
    private static StreamConstraintsException constraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException constraints) {
                return constraints;
            }
        }
        return null;
    }

    /** Which limit, in the gateway's words rather than Jackson's (which name its builder methods). */
    private static String limitText(StreamConstraintsException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().toLowerCase(java.util.Locale.ROOT);
        if (message.contains("nesting depth")) {
            return "objects and arrays are nested at most " + CanonicalJson.MAX_DEPTH + " deep";
        }
        if (message.contains("string value length")) {
            return "a text is at most " + CanonicalJson.MAX_STRING + " characters";
        }
        if (message.contains("number value length")) {
            return "a number has at most " + CanonicalJson.MAX_NUMBER + " digits";
        }
        if (message.contains("name length")) {
            return "a field name is at most " + CanonicalJson.MAX_NAME + " characters";
        }
        return "the JSON is larger than it may be";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
