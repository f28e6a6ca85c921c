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

    /**
     * Whether the interchange's sender (ISA05, ISA06 without padding) is a trading partner. An unknown one is refused
     * with TA1 R 006 and nothing in its interchange is processed.
     */
    default boolean knownSender(String qualifier, String senderId) {
        return true;
    }

    void transaction(ReadTransaction transaction);

    void groupEnded(GroupHeader header, GroupAck ack);

    /** {@code header} is null when the ISA itself could not be read. */
    void interchangeEnded(InterchangeHeader header, InterchangeAck ack);
}
