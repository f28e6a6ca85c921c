package org.pagateway.model;

/**
 * Where an X12 request came from: the ISA/GS/ST identities and the BHT reference, kept so the
 * 278 response and the 999 can point back at it and a resend can be recognised.
 */
public record EnvelopeRef(
        String senderQualifier,
        String senderId,
        String receiverQualifier,
        String receiverId,
        String interchangeControlNumber,
        String usageIndicator,
        String applicationSender,
        String applicationReceiver,
        String groupControlNumber,
        String version,
        String transactionControlNumber,
        String bhtReference,
        String bhtDate,
        String bhtTime) {
}
