package org.pagateway.x12.ack;

import java.util.ArrayList;
import java.util.List;

/** One IK3: a segment in error, its position in the transaction set (ST = 1), its loop and IK304 code. */
public record SegmentError(String segmentId, int position, String loopId, String code, List<ElementError> elementErrors) {

    public SegmentError {
        elementErrors = List.copyOf(elementErrors);
    }

    public SegmentError withElementError(ElementError error) {
        List<ElementError> all = new ArrayList<>(elementErrors);
        all.add(error);
        return new SegmentError(segmentId, position, loopId, code, all);
    }
}
