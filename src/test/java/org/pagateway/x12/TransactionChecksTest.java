package org.pagateway.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagateway.x12.ack.ElementError;

/** The checks no schema can make, without a reader around them. */
class TransactionChecksTest {

    @Test
    void datesAreReadInTheFormatDtp02Names() {
        assertTrue(TransactionChecks.checkDate("D8", "20261201").isEmpty());
        assertTrue(TransactionChecks.checkDate("RD8", "20261201-20261231").isEmpty());
        assertEquals("8", TransactionChecks.checkDate("D8", "20261345").orElseThrow().code());
        assertEquals("20270101-20261231", TransactionChecks.checkDate("RD8", "20270101-20261231").orElseThrow().badData(),
                "a range that ends before it starts");
        assertEquals(3, TransactionChecks.checkDate("RD8", "20261201").orElseThrow().position());
        assertTrue(TransactionChecks.checkDate("TS", "anything").isEmpty(), "formats other than D8/RD8 are not dates");
    }

    @Test
    void aWellFormedHierarchyPasses() {
        TransactionChecks checks = new TransactionChecks();
        List<String[]> hls = List.of(new String[] { "1", "", "20" }, new String[] { "2", "1", "21" },
                new String[] { "3", "2", "22" }, new String[] { "4", "3", "23" }, new String[] { "5", "4", "EV" },
                new String[] { "6", "5", "SS" }, new String[] { "7", "5", "SS" }, new String[] { "8", "3", "EV" });
        for (String[] hl : hls) {
            assertEquals(List.of(), checks.checkHierarchy(hl[0], hl[1], hl[2]), String.join("*", hl));
        }
    }

    @Test
    void aSkippedNumberAndAWrongParentAreEachNamed() {
        TransactionChecks checks = new TransactionChecks();
        checks.checkHierarchy("1", null, "20");
        checks.checkHierarchy("2", "1", "21");
        checks.checkHierarchy("3", "2", "22");
        List<ElementError> skipped = checks.checkHierarchy("5", "3", "EV");
        assertEquals(List.of(new ElementError(1, 0, 0, "628", "7", "5")), skipped);
        List<ElementError> wrongParent = checks.checkHierarchy("6", "2", "EV");
        assertEquals(List.of(new ElementError(2, 0, 0, "734", "7", "2")), wrongParent, "an event under the requester");
        List<ElementError> noParent = checks.checkHierarchy("7", "99", "SS");
        assertEquals(List.of(new ElementError(2, 0, 0, "734", "7", "99")), noParent, "a parent that does not exist");
        checks.reset();
        assertEquals(List.of(), checks.checkHierarchy("1", null, "20"), "each set counts from 1 again");
    }

    @Test
    void aChildOfAnHlWithoutItsLevelHasAWrongParent() {
        // found by fuzzing (issue 7): HL*2*1~ without HL03 made the next HL pointing at it throw
        TransactionChecks checks = new TransactionChecks();
        checks.checkHierarchy("1", null, "20");
        checks.checkHierarchy("2", "1", null);
        assertEquals(List.of(new ElementError(2, 0, 0, "734", "7", "2")), checks.checkHierarchy("3", "2", "22"));
    }
}
