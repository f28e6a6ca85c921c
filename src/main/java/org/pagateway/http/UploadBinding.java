package org.pagateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Message;
import org.apache.camel.component.jetty.JettyHttpEndpoint;
import org.apache.camel.component.jetty.JettyRestHttpBinding;
import org.apache.camel.http.base.HttpHelper;
import org.apache.camel.http.common.HttpHeaderFilterStrategy;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

/**
 * The HTTP binding of the REST endpoints (routes/http.yaml's restConfiguration names it): Camel's own for every
 * request but a document upload, which it reads as a {@link DocumentUpload} message body; and every other body is
 * read up to its endpoint's limit only, a larger one becoming a {@link BodyTooLarge} that the access gate answers 413.
 *
 * <p>Why it exists: with the REST DSL on camel-jetty 4.18 a multipart/form-data request fails before any route runs
 * (the REST binding reads the body first, then Jetty cannot parse the form it was in). Reading the parts before the
 * body is what camel-jetty's own attachment binding does for plain jetty: endpoints; this does the same for the one
 * REST path that takes uploads, and refuses a body that is too large from its Content-Length, before reading it.
 * Jetty's multipart limits (maxFileSize, maxRequestSize in the restConfiguration) stop a chunked one while it streams.
 */
public final class UploadBinding extends JettyRestHttpBinding {

    /** Room for the form's boundaries, headers and text fields besides the file. */
    public static final long FORM_OVERHEAD = 64 * 1024;
    private static final int MAX_FIELD = 4096;

    private final String uploadPath;
    private final long maxFileBytes;
    private final String x12Path;
    private final long maxX12Bytes;
    private final long maxBodyBytes;

    /**
     * @param uploadPath   the REST path template that takes uploads, e.g. /api/v1/authorizations/{id}/documents
     * @param x12Path      the REST path that takes X12 (/x12/278), whose bodies may be up to {@code maxX12Bytes}
     * @param maxBodyBytes the largest body of any other endpoint (JSON)
     */
    public UploadBinding(String uploadPath, long maxFileBytes, String x12Path, long maxX12Bytes, long maxBodyBytes) {
        this.uploadPath = uploadPath;
        this.maxFileBytes = maxFileBytes;
        this.x12Path = x12Path;
        this.maxX12Bytes = Math.min(maxX12Bytes, Integer.MAX_VALUE - 8);
        this.maxBodyBytes = Math.min(maxBodyBytes, Integer.MAX_VALUE - 8);
        // Camel gives its own REST binding the endpoint's header filter; without one no header or parameter is mapped
        setHeaderFilterStrategy(new HttpHeaderFilterStrategy());
        // no endpoint takes a form; a form body would be split into headers, and one that is not pairs fails the request
        setMapHttpMessageFormUrlEncodedBody(false);
    }

    /**
     * The body as bytes, read no further than the endpoint's limit: refused from its Content-Length before it is read,
     * a chunked one as soon as it goes over. Camel's own binding would read (or spool) all of it first.
     */
    @Override
    public Object parseBody(HttpServletRequest request, Message message) throws IOException {
        String path = consumerPath(message);
        boolean x12 = path != null && path.equals(x12Path);
        long limit = x12 ? maxX12Bytes : maxBodyBytes;
        long length = request.getContentLengthLong();
        if (length == 0) {
            return null;
        }
        if (length > limit) {
            return new BodyTooLarge(limit, length + " bytes", x12);
        }
        // the container owns the stream: what is left of a refused one is its to discard
        byte[] body = request.getInputStream().readNBytes((int) limit + 1);
        if (body.length > limit) {
            return new BodyTooLarge(limit, "more than " + limit + " bytes", x12);
        }
        return body.length == 0 ? null : body;
    }

    @Override
    protected void populateAttachments(HttpServletRequest request, Message message) {
        if ("POST".equals(request.getMethod()) && uploadPath.equals(consumerPath(message))) {
            message.setBody(read(request));
        }
    }

    /**
     * The query's parameters and the path's {id} as headers, and nothing else. Camel's own binding asks the servlet
     * request for its parameters, which makes Jetty parse a form or multipart body too (no endpoint but the upload takes
     * one, and that one is read already) and fail with an HTML 500 on a form it cannot parse or a query it cannot decode.
     */
    @Override
    protected void populateRequestParameters(HttpServletRequest request, Message message) {
        try {
            queryParameters(request.getQueryString()).forEach((name, values) -> {
                Object value = values.size() == 1 ? values.get(0) : values;
                if (!getHeaderFilterStrategy().applyFilterToExternalHeaders(name, value, message.getExchange())) {
                    message.setHeader(name, value);
                }
            });
        } catch (IllegalArgumentException e) {
            if (!(message.getBody() instanceof UnreadRequest)) {
                message.setBody(new UnreadableQuery());
            }
        }
        String path = consumerPath(message);
        if (path != null && path.contains("{")) {
            HttpHelper.evalPlaceholders(message.getHeaders(), request.getPathInfo(), path);
        }
    }

    /** name=value pairs split at &amp; and decoded as UTF-8; a broken %-escape throws IllegalArgumentException. */
    static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }

    private DocumentUpload read(HttpServletRequest request) {
        if (!isMultipart(request)) {
            return DocumentUpload.refused(DocumentUpload.Refusal.NOT_MULTIPART, "send the document as multipart/form-data"
                    + " with a part named file and one named description (curl -F description=... -F file=@notes.pdf)");
        }
        long length = request.getContentLengthLong();
        if (length > maxFileBytes + FORM_OVERHEAD) {
            return tooLarge(length + " bytes");
        }
        try {
            Part file = request.getPart("file");
            if (file == null || file.getSubmittedFileName() == null && file.getSize() == 0) {
                return DocumentUpload.refused(DocumentUpload.Refusal.NO_FILE, "the form has no part named file");
            }
            byte[] content;
            try (InputStream in = file.getInputStream()) {
                content = in.readNBytes((int) maxFileBytes + 1);
            }
            if (content.length > maxFileBytes) {
                return tooLarge("more than " + maxFileBytes + " bytes");
            }
            return new DocumentUpload(field(request, "description"), file.getSubmittedFileName(), content,
                    field(request, "uploadedBy"), field(request, "source"), null, null);
        } catch (IOException | ServletException | RuntimeException e) {
            return exceeded(e) ? tooLarge("more than " + maxFileBytes + " bytes")
                    : DocumentUpload.refused(DocumentUpload.Refusal.MALFORMED, "the multipart/form-data body cannot be read");
        }
    }

    private DocumentUpload tooLarge(String size) {
        return DocumentUpload.refused(DocumentUpload.Refusal.TOO_LARGE,
                "the upload is " + size + "; a document may be up to 5 MB (" + maxFileBytes + " bytes)");
    }

    /** A text field of the form, cut at a length no field of an upload needs; null when absent. */
    private static String field(HttpServletRequest request, String name) throws IOException, ServletException {
        Part part = request.getPart(name);
        if (part == null) {
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_FIELD), StandardCharsets.UTF_8);
        }
    }

    /** Jetty says "max file size exceeded" / "max length exceeded" somewhere down the causes. */
    private static boolean exceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("exceeded")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private static String consumerPath(Message message) {
        return message.getExchange().getFromEndpoint() instanceof JettyHttpEndpoint endpoint ? endpoint.getPath() : null;
    }
}
