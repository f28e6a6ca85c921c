package org.pagateway.x12;

/** The ISA fields the gateway answers to: who sent it, to whom, its control number, whether a TA1 was asked for. */
public record InterchangeHeader(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
        String date, String time, String version, String controlNumber, boolean ackRequested, String usage) {
}
