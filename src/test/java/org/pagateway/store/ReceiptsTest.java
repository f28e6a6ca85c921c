package org.pagateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pagateway.model.Authorization;
import org.pagateway.model.Receipt;
import org.pagateway.support.SampleAuthorizations;
import org.pagateway.support.TestParts;

/**
 * What keeps two gateways from both taking one request: a receipt's key is stored once, and a batch that brings a
 * key already there is refused whole as AlreadyReceived (on PostgreSQL the refusal comes wrapped in a batch
 * exception, which must still be told apart from a database that is down).
 */
class ReceiptsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");

    @Test
    void aBatchBringingAKeyAnotherGatewayStoredFirstIsRefusedWhole() {
        try (Database database = TestParts.openDatabase("receipts")) {
            AuthorizationStore store = new AuthorizationStore(database.dataSource(), ReferenceFiles.directory(null));
            Authorization first = SampleAuthorizations.of(SampleAuthorizations.request("14-acupuncture.json"), "26334R00001", NOW);
            Authorization other = SampleAuthorizations.of(SampleAuthorizations.request("15-infusion.json"), "26334R00002", NOW);
            Authorization second = SampleAuthorizations.of(SampleAuthorizations.request("14-acupuncture.json"), "26334R00051", NOW);
            store.insertAll(List.of(first), List.of(new Receipt("json|key-1", List.of(first.id()), first.decision())));

            // the other gateway's batch: a request of its own, and the one this gateway answered a moment ago
            assertThrows(AlreadyReceived.class, () -> store.insertAll(List.of(other, second), List.of(
                    new Receipt("json|key-2", List.of(other.id()), other.decision()),
                    new Receipt("json|key-1", List.of(second.id()), second.decision()))));

            assertEquals(1, store.count(), "nothing of the refused batch stored");
            assertTrue(store.find(other.id()).isEmpty());
            assertEquals(Set.of("json|key-1"), store.receipts(List.of("json|key-1", "json|key-2")).keySet());
            assertEquals(List.of(first.id()), store.receipts(List.of("json|key-1")).get("json|key-1").authorizationIds());
        }
    }
}
