package org.pagateway.x12;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pagateway.x12.ack.ElementError;
import org.pagateway.x12.ack.SegmentError;
import org.pagateway.x12.ack.TransactionAck;

/** The errors of the transaction set being read, gathered into the AK2/IK3/IK4/IK5 of its 999. */
final class TransactionErrors {

    // segment-level errors (negative keys, in arrival order) and segments with element errors (by position)
    private final Map<Integer, SegmentError> segments = new LinkedHashMap<>();
    private final Set<String> reported = new HashSet<>();
    private final List<String> setCodes = new ArrayList<>();

    void reset() {
        segments.clear();
        reported.clear();
        setCodes.clear();
    }

    /** IK3 with its own IK304; StAEDI may report one problem twice (standard and implementation): kept once. */
    void segment(String tag, int position, String loop, String code) {
        if (reported.add(tag + "@" + position)) {
            segments.put(-reported.size(), new SegmentError(tag, position, loop, code, List.of()));
        }
    }

    /** IK4 under an IK3 with IK304 8 for the segment at {@code position}. */
    void element(String tag, int position, String loop, ElementError error) {
        segments.merge(position, new SegmentError(tag, position, loop, "8", List.of(error)),
                (existing, added) -> existing.withElementError(error));
    }

    /** IK502..IK506. */
    void setCode(String code) {
        if (!setCodes.contains(code)) {
            setCodes.add(code);
        }
    }

    /** The set is not one the gateway validates against (not a 278): only IK5 1 says anything useful. */
    void notSupported() {
        reset();
        setCode("1");
    }

    TransactionAck ack(String transactionSetId, String controlNumber, String implementation) {
        if (!segments.isEmpty()) {
            setCode("5");
        }
        List<SegmentError> inOrder = new ArrayList<>(segments.values());
        inOrder.sort(Comparator.comparingInt(SegmentError::position));
        return new TransactionAck(transactionSetId, controlNumber, implementation, inOrder, setCodes);
    }
}
