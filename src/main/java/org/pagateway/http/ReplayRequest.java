package org.pagateway.http;

/** The body of POST /admin/dead-letters/replay: one dead letter by its message ID, or all of them. */
public record ReplayRequest(Long messageId, Boolean all) {
}
