package org.pagateway.x12.ack;

/**
 * TA1 content for one interchange. {@code noteCode} is TA105 ("000" when there is no error);
 * {@code requested} is ISA14: the sender asked for a TA1 even when all is well.
 */
public record InterchangeAck(String controlNumber, String date, String time, String noteCode, boolean requested,
        String description) {

    public boolean accepted() {
        return "000".equals(noteCode);
    }

    /**
     * TA104: A accepted; E accepted with errors noted, for a broken trailer (IEA02 or IEA01) after content
     * that was read and processed: the sender must not resend it; R rejected, nothing in it was processed.
     */
    public String ackCode() {
        if (accepted()) {
            return "A";
        }
        return "001".equals(noteCode) || "021".equals(noteCode) ? "E" : "R";
    }

    public boolean shouldSend() {
        return requested || !accepted();
    }
}
