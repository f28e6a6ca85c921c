package org.pagateway.x12;

import java.util.List;

import org.pagateway.model.AuthorizationRequest;
import org.pagateway.x12.ack.TransactionAck;

/**
 * One transaction set as read: its acknowledgment and, when it was accepted, one canonical request per
 * 2000E patient event.
 */
public record ReadTransaction(InterchangeHeader interchange, GroupHeader group, TransactionAck ack,
        List<AuthorizationRequest> requests) {

    public ReadTransaction {
        requests = List.copyOf(requests);
    }
}
