package org.pagateway.support;

import java.util.ArrayList;
import java.util.List;

import org.pagateway.model.AuthorizationRequest;
import org.pagateway.x12.GroupHeader;
import org.pagateway.x12.InterchangeHeader;
import org.pagateway.x12.ReadTransaction;
import org.pagateway.x12.X12Listener;
import org.pagateway.x12.X12RequestReader;
import org.pagateway.x12.ack.GroupAck;
import org.pagateway.x12.ack.InterchangeAck;

/** Keeps everything a read reported, for assertions. */
public final class RecordingListener implements X12Listener {

    public final List<ReadTransaction> transactions = new ArrayList<>();
    public final List<GroupAck> groups = new ArrayList<>();
    public final List<InterchangeAck> interchanges = new ArrayList<>();

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

    public List<AuthorizationRequest> requests() {
        return transactions.stream().flatMap(t -> t.requests().stream()).toList();
    }

    public static RecordingListener read(X12RequestReader reader, byte[] x12) {
        RecordingListener listener = new RecordingListener();
        reader.read(new java.io.ByteArrayInputStream(x12), listener);
        return listener;
    }
}
