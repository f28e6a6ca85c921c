package org.pagateway.http;

/**
 * In place of a request body that was over its limit and was not read (UploadBinding): the access gate answers 413
 * with it before any bean sees the request.
 *
 * @param limit the most this endpoint takes, bytes
 * @param size  what was sent, as far as it is known ("12000000 bytes", "more than 1048576 bytes")
 * @param x12   whether it was X12 (bigger batches belong in the inbox)
 */
public record BodyTooLarge(long limit, String size, boolean x12) implements UnreadRequest {

    @Override
    public HttpAnswer answer() {
        String detail = "The body is " + size + "; this endpoint takes at most " + limit + " bytes"
                + (x12 ? " of X12. Send bigger batches as files through the inbox." : ".");
        return Problem.of(413, "too-large", "Body too large", detail).answer();
    }
}
