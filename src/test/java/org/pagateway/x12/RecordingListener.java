package org.pagateway.x12;

import java.util.ArrayList;
import java.util.List;

import org.pagateway.model.AuthorizationRequest;
import org.pagateway.x12.ack.GroupAck;
import org.pagateway.x12.ack.InterchangeAck;

/** Keeps everything a read reported, for assertions. */
final class RecordingListener implements X12Listener {

    final List<ReadTransaction> transactions = new ArrayList<>();
    final List<GroupAck> groups = new ArrayList<>();
    final List<InterchangeAck> interchanges = new ArrayList<>();

    @Override
    public void transaction(ReadTransaction transaction) {
        transactions.add(transaction);
    }

    @Override
    public void groupEnded(GroupHeader header, GroupAck ack) {
        groups.add(ack);
    }

    @Override
    public void interchangeEnded(InterchangeHeader header, InterchangeAck ack) {
        interchanges.add(ack);
    }

    List<AuthorizationRequest> requests() {
        return transactions.stream().flatMap(t -> t.requests().stream()).toList();
    }

    static RecordingListener read(X12RequestReader reader, byte[] x12) {
        RecordingListener listener = new RecordingListener();
        reader.read(new java.io.ByteArrayInputStream(x12), listener);
        return listener;
    }
}
