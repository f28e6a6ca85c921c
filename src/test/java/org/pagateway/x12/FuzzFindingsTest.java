package org.pagateway.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Channel;
import org.pagateway.model.Decision;
import org.pagateway.model.Disposition;
import org.pagateway.rules.DecisionEngine;
import org.pagateway.support.RecordingListener;
import org.pagateway.support.Samples;
import org.pagateway.support.X12Parsed;
import org.pagateway.x12.ack.GroupAck;
import org.pagateway.x12.ack.InterchangeAck;
import org.pagateway.x12.ack.TransactionAck;

/**
 * What fuzzing the X12 path found (issue 7; the inputs are in the fuzz corpus as crash-*): inputs whose answer
 * the gateway could not write, because it echoed back something the TA1, 999 or 278 cannot carry.
 */
class FuzzFindingsTest {

    private static final String SAMPLE = "01-outpatient-surgical-sdc.edi";
    private static final InterchangeHeader SENDER = new InterchangeHeader("ZZ", "CLRHSE0001", "ZZ", "EXHPGATEWAY",
            "261130", "0905", "00501", "260001001", false, "T");

    private static X12RequestReader reader;

    @BeforeAll
    static void load() {
        reader = new X12RequestReader();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void aGroupHeaderThatBreaksOffBeforeItsVersionIsAnsweredByTheTa1Alone() {
        // a byte StAEDI cannot read in GS02: nothing of the GS after it, so no GS08 for AK103
        RecordingListener read = RecordingListener.read(reader, sample("GS*HI*CLRHSE0001", "GS*HI*C\u00CCRHSE0001"));
        assertEquals(List.of(), read.groups);
        assertEquals(1, read.interchanges.size());
        assertEquals("R", read.interchanges.get(0).ackCode());
    }

    @Test
    void aSetWhoseSt01CannotBeEchoedInAk201IsLeftOutOfTheGroupAck() {
        RecordingListener read = RecordingListener.read(reader, sample("ST*278*0001", "ST*27*0001"));
        GroupAck group = read.groups.get(0);
        assertEquals(List.of(), group.transactions());
        assertEquals(1, group.receivedTransactionCount());
        assertEquals(List.of("5"), group.groupErrorCodes());
        assertEquals(List.of(), valid(acknowledge(SENDER, accepted(), group)).all("AK2"));
    }

    @Test
    void aGroupCountTooLongForAk902IsAnsweredWithTheCountOfSetsRead() {
        RecordingListener read = RecordingListener.read(reader, sample("GE*1*7001", "GE*30216001*7001"));
        GroupAck group = read.groups.get(0);
        assertEquals(1, group.declaredTransactionCount());
        assertEquals("1", valid(acknowledge(SENDER, accepted(), group)).first("AK9").get(2));
    }

    @Test
    void aTa1ForAnIsaDatedOnADayThatDoesNotExistCarriesTodayInstead() {
        InterchangeAck badDate = new InterchangeAck("260001001", "261131", "2400", "014", false, "invalid date", false);
        X12Parsed.Segment ta1 = valid(acknowledge(SENDER, badDate, null)).first("TA1");
        assertNotEquals("261131", ta1.get(2));
        assertNotEquals("2400", ta1.get(3));
    }

    @Test
    void senderIdsThatCannotBeWrittenInTheIsaGoBackAsUnknown() {
        for (String id : List.of("CLR*HSE0001", "CLRHSE\u00CC", "CLR~HSE")) {
            InterchangeHeader sender = new InterchangeHeader("ZZ", id, "ZZ", "EXHP:GATEWAY", "261130", "0905", "00501",
                    "260001001", true, "T");
            X12Parsed answer = valid(acknowledge(sender, accepted(), null));
            assertEquals("UNKNOWN        ", answer.first("ISA").get(8), id);
            assertEquals("UNKNOWN        ", answer.first("ISA").get(6), id);
        }
    }

    @Test
    void anImplementationReferenceTooLongForAk203IsLeftOut() {
        TransactionAck set = new TransactionAck("278", "0001", "005010X217" + "9".repeat(30), List.of(), List.of());
        GroupAck group = new GroupAck("HI", "7001", "005010X217", 1, 1, List.of(set), List.of(), false);
        X12Parsed.Segment ak2 = valid(acknowledge(SENDER, accepted(), group)).first("AK2");
        assertEquals("", ak2.get(3));
    }

    @Test
    void dataReadUnderOtherDelimitersThatHoldsOursIsAnsweredWithSpacesInTheirPlace() {
        // sample 22 uses | ! ^ {: a name with * and ~ and a trace number with : are plain data there
        String text = new String(Samples.bytes(Samples.x12("22-unusual-delimiters.edi")), StandardCharsets.ISO_8859_1)
                .replace("NM1|IL|1|HARGROVE", "NM1|IL|1|HAR*GROVE~X").replace("TRN|1|DLM2611300022", "TRN|1|DLM26113:0022");
        RecordingListener read = RecordingListener.read(reader, text.getBytes(StandardCharsets.ISO_8859_1));
        ReadTransaction transaction = read.transactions.get(0);
        AuthorizationRequest request = transaction.requests().get(0);
        assertEquals("HAR*GROVE~X", request.subscriber().lastName());
        Decision decision = DecisionEngine.standard().decide(request, Instant.parse("2026-11-30T15:00:00Z")).decision();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResponseWriter responses = new ResponseWriter(out, transaction.interchange(), 1);
        responses.write(transaction.group(), List.of(Disposition.of(new Authorization("26334R00001", Channel.X12_FILE,
                "test", request, decision, Instant.EPOCH))));
        responses.finish();
        X12Parsed answer = valid(out.toByteArray());
        assertEquals("HAR GROVE X", answer.all("NM1").get(2).get(3));
        assertEquals("DLM26113 0022", answer.first("TRN").get(2));
    }

    private static InterchangeAck accepted() {
        return new InterchangeAck("260001001", "261130", "0905", "000", true, null, true);
    }

    private static byte[] acknowledge(InterchangeHeader sender, InterchangeAck ack, GroupAck group) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GroupHeader header = new GroupHeader("HI", "CLRHSE0001", "EXHP01", "20261130", "0905", "7001", "005010X217");
        new AcknowledgmentWriter().write(out, sender, ack, group == null ? List.of() : List.of(header),
                group == null ? List.of() : List.of(group), 1);
        return out.toByteArray();
    }

    private static X12Parsed valid(byte[] answer) {
        X12Parsed parsed = X12Parsed.read(answer);
        assertEquals(List.of(), parsed.errors(), parsed.toString());
        assertFalse(parsed.segments().isEmpty());
        return parsed;
    }

    private static byte[] sample(String from, String to) {
        String text = new String(Samples.bytes(Samples.x12(SAMPLE)), StandardCharsets.ISO_8859_1);
        assertNotEquals(text, text.replace(from, to), from);
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }
}
