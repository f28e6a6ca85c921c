package org.pagateway.x12.ack;

import java.util.List;

/** AK1 + AK9 of one functional group. */
public record GroupAck(String functionalId, String controlNumber, String version, int declaredTransactionCount,
        List<TransactionAck> transactions, List<String> groupErrorCodes) {

    public GroupAck {
        transactions = List.copyOf(transactions);
        groupErrorCodes = List.copyOf(groupErrorCodes);
    }

    public int acceptedCount() {
        return (int) transactions.stream().filter(TransactionAck::accepted).count();
    }

    /** AK901: A all accepted, P some rejected, R none accepted (or the group itself is broken). */
    public String status() {
        int accepted = acceptedCount();
        if (!groupErrorCodes.isEmpty() || accepted == 0) {
            return "R";
        }
        return accepted == transactions.size() ? "A" : "P";
    }
}
