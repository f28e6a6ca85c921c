package org.pagateway.x12.ack;

/**
 * One IK4: where in a segment a data element is wrong (element, component and repetition
 * positions, 1-based; 0 when not applicable), its data element reference number, the IK403 code
 * and a copy of the bad data.
 */
public record ElementError(int position, int componentPosition, int repetition, String referenceNumber,
        String code, String badData) {
}
