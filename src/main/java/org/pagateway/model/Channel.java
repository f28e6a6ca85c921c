package org.pagateway.model;

/** How a request came in; decides how later answers go out. */
public enum Channel {
    X12_FILE, X12_HTTP, JSON_HTTP
}
