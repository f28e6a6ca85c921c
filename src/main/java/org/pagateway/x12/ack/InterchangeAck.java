package org.pagateway.x12.ack;

/**
 * TA1 content for one interchange. {@code noteCode} is TA105 ("000" when there is no error);
 * {@code requested} is ISA14: the sender asked for a TA1 even when all is well. {@code contentProcessed}: some
 * transaction set of it was already taken when the problem showed (a trailer error comes last).
 */
public record InterchangeAck(String controlNumber, String date, String time, String noteCode, boolean requested,
        String description, boolean contentProcessed) {

    public boolean accepted() {
        return "000".equals(noteCode);
    }

    /**
     * TA104: A accepted; E accepted with errors noted: the trailer was broken (IEA02, IEA01) or missing
     * (the input ended), or the interchange was read no further (024, over the gateway's segment limit), after
     * content that was read and processed, so the sender must not resend it; R rejected, nothing in it was processed.
     */
    public String ackCode() {
        if (accepted()) {
            return "A";
        }
        boolean late = "001".equals(noteCode) || "021".equals(noteCode) || "023".equals(noteCode) || "024".equals(noteCode);
        return late && contentProcessed ? "E" : "R";
    }

    public boolean shouldSend() {
        return requested || !accepted();
    }
}
