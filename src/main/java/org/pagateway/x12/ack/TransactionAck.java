package org.pagateway.x12.ack;

import java.util.List;

/**
 * The AK2/IK5 of one transaction set: its identity, the segment errors found in it and the IK502+
 * syntax error codes of the set itself (1 not supported, 3 control number mismatch, 4 count, 5 segments in error).
 */
public record TransactionAck(String transactionSetId, String controlNumber, String implementationReference,
        List<SegmentError> segmentErrors, List<String> setErrorCodes) {

    public TransactionAck {
        segmentErrors = List.copyOf(segmentErrors);
        setErrorCodes = List.copyOf(setErrorCodes);
    }

    public boolean accepted() {
        return segmentErrors.isEmpty() && setErrorCodes.isEmpty();
    }

    /** IK501: A accepted, R rejected. Every error rejects the set: a 278 with a wrong loop is not safe to act on. */
    public String status() {
        return accepted() ? "A" : "R";
    }
}
