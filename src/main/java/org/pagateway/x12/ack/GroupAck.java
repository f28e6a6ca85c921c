package org.pagateway.x12.ack;

import java.util.List;

/**
 * AK1 + AK9 of one functional group. {@code receivedTransactionCount} (AK903) counts every ST read, also those
 * that could not be named in an AK2; {@code refused}: the group header was unusable, nothing in it was taken.
 */
public record GroupAck(String functionalId, String controlNumber, String version, int declaredTransactionCount,
        int receivedTransactionCount, List<TransactionAck> transactions, List<String> groupErrorCodes, boolean refused) {

    public GroupAck {
        transactions = List.copyOf(transactions);
        groupErrorCodes = List.copyOf(groupErrorCodes);
    }

    public int acceptedCount() {
        return refused ? 0 : (int) transactions.stream().filter(TransactionAck::accepted).count();
    }

    /**
     * AK901: R when nothing was accepted (or the group header itself was unusable); P when some sets were
     * rejected; E when all were accepted but the trailer (GE) was wrong or missing; A otherwise.
     */
    public String status() {
        int accepted = acceptedCount();
        if (refused || accepted == 0) {
            return "R";
        }
        if (accepted < transactions.size()) {
            return "P";
        }
        return groupErrorCodes.isEmpty() ? "A" : "E";
    }
}
