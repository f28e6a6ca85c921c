package org.pagateway.x12;

/** The GS fields of a functional group. */
public record GroupHeader(String functionalId, String applicationSender, String applicationReceiver, String date,
        String time, String controlNumber, String version) {
}
