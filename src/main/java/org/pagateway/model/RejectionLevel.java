package org.pagateway.model;

/** Where in the request a problem is, which is where the 278 response puts its AAA segment. */
public enum RejectionLevel {
    PAYER("2010A"),
    REQUESTER("2010B"),
    SUBSCRIBER("2010C"),
    DEPENDENT("2010D"),
    EVENT("2000E"),
    EVENT_PROVIDER("2010EA"),
    SERVICE("2000F");

    private final String loop;

    RejectionLevel(String loop) {
        this.loop = loop;
    }

    public String loop() {
        return loop;
    }
}
