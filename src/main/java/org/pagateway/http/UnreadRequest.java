package org.pagateway.http;

/**
 * A request the HTTP binding would not read further ({@link UploadBinding}): it stands in for the body, and the access
 * gate answers with it before any bean sees the request. Open endpoints get the answer at once; the others only once
 * the key is good, so a caller without one learns nothing but 401.
 */
public sealed interface UnreadRequest permits BodyTooLarge, UnreadableQuery {

    HttpAnswer answer();
}
