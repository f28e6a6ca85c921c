package org.pagateway.intake;

import java.util.List;

import org.pagateway.x12.ack.InterchangeAck;

/**
 * What one X12 input came to: counts, the authorizations it created, the interchanges refused with a TA1, and
 * whether all of it was accepted without a note (then the 278 responses say everything the sender needs).
 */
public record X12Summary(int interchanges, int acceptedTransactions, int rejectedTransactions,
        List<String> authorizations, List<InterchangeAck> refusedInterchanges, boolean wroteResponses,
        boolean clean) {

    public X12Summary {
        authorizations = List.copyOf(authorizations);
        refusedInterchanges = List.copyOf(refusedInterchanges);
    }

    /** Nothing in the input could be read as X12 at all. */
    public boolean unreadable() {
        return interchanges == 0 || (acceptedTransactions == 0 && rejectedTransactions == 0 && !refusedInterchanges.isEmpty()
                && refusedInterchanges.stream().allMatch(a -> a.controlNumber() == null));
    }
}
