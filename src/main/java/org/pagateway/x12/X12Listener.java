package org.pagateway.x12;

import org.pagateway.x12.ack.GroupAck;
import org.pagateway.x12.ack.InterchangeAck;

/**
 * What a stream of X12 tells whoever processes it, in order, one call per envelope event. Callbacks
 * arrive while the input is still being read, so a batch never has to fit in memory.
 */
public interface X12Listener {

    default void interchangeStarted(InterchangeHeader header) {
    }

    void transaction(ReadTransaction transaction);

    void groupEnded(GroupHeader header, GroupAck ack);

    /** {@code header} is null when the ISA itself could not be read. */
    void interchangeEnded(InterchangeHeader header, InterchangeAck ack);
}
