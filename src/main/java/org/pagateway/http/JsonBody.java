package org.pagateway.http;

import java.io.IOException;
import java.util.List;

import org.pagateway.model.CanonicalJson;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        if (e instanceof UnrecognizedPropertyException unknown) {
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
