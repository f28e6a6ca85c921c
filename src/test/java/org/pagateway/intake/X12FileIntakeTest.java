package org.pagateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationStatus;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.X12Parsed;
import org.pagateway.support.X12Parsed.Segment;

/** Files dropped into inbox/ of a running gateway: answers in outbox/, the input in archive/ or error/. */
@ExtendWith(RunningGateway.class)
class X12FileIntakeTest {

    @Test
    void aDroppedRequestGetsIts999And278AndIsArchived() throws Exception {
        String name = RunningGateway.dropIntoInbox(Samples.asNewInterchange(Samples.x12("01-outpatient-surgical-sdc.edi")), "file-01.edi");
        Path archived = awaitFile(RunningGateway.settings().archive().resolve(name));
        assertTrue(Files.exists(archived));

        X12Parsed ack = X12Parsed.read(Files.readAllBytes(outbox(name + ".ack.x12")));
        assertEquals(List.of(), ack.errors(), "999 must pass the gateway's own 999 schema");
        assertEquals("005010X231A1", ack.first("ST").get(3));
        assertEquals("7001", ack.first("AK1").get(2));
        assertEquals("A", ack.first("IK5").get(1));
        assertEquals(List.of("A", "1", "1", "1"), ack.first("AK9").elements());
        // addressed back to the sender
        assertEquals("CLRHSE0001", ack.first("ISA").get(8).trim());

        X12Parsed response = X12Parsed.read(Files.readAllBytes(outbox(name + ".278.x12")));
        assertEquals(List.of(), response.errors(), "278 must pass the gateway's own response schema");
        assertEquals("11", response.first("BHT").get(2));
        assertEquals("SDC2611300001", response.first("BHT").get(3));
        List<Segment> nm1 = response.all("NM1");
        assertEquals("EXHP01", nm1.get(0).get(9));
        assertEquals("1588203640", nm1.get(1).get(9));
        assertEquals("EXH100234501", nm1.get(2).get(9));
        Segment trn = response.first("TRN");
        assertEquals(List.of("2", "SDC2611300001", "9811223344"), trn.elements());
        Segment hcr = response.first("HCR");
        assertEquals("A4", hcr.get(1));
        String authorizationId = hcr.get(2);
        assertTrue(authorizationId.matches("\\d{5}R\\d{5}"), authorizationId);

        Authorization stored = RunningGateway.gateway().store().find(authorizationId).orElseThrow();
        assertEquals(AuthorizationStatus.MEDREVIEW, stored.status(), "surgical day care goes to medical review");
        assertEquals(name, stored.sourceName());
        assertEquals("29881", stored.request().serviceLines().get(0).code());
    }

    @Test
    void aBatchOfInterchangesGetsOneAnswerInterchangePerInterchange() throws Exception {
        String name = drop(Samples.x12("24-batch-three-interchanges.edi"), "file-24.edi");
        awaitFile(RunningGateway.settings().archive().resolve(name));
        X12Parsed ack = X12Parsed.read(Files.readAllBytes(outbox(name + ".ack.x12")));
        assertEquals(List.of(), ack.errors());
        assertEquals(3, ack.all("ISA").size());
        assertEquals(4, ack.all("ST").size(), "one 999 per functional group");
        X12Parsed response = X12Parsed.read(Files.readAllBytes(outbox(name + ".278.x12")));
        assertEquals(List.of(), response.errors());
        assertEquals(3, response.all("ISA").size());
        assertEquals(5, response.all("ST").size(), "one 278 response per accepted transaction set");
        assertEquals(4, response.all("GS").size(), "one response group per request group");
    }

    @Test
    void aRejectedTransactionGetsA999AndNo278() throws Exception {
        String name = drop(Samples.x12("broken/05-bad-date.edi"), "file-bad-date.edi");
        awaitFile(RunningGateway.settings().archive().resolve(name));
        X12Parsed ack = X12Parsed.read(Files.readAllBytes(outbox(name + ".ack.x12")));
        assertEquals(List.of(), ack.errors());
        assertEquals(List.of("DTP", "28", "2000", "8"), ack.first("IK3").elements());
        assertEquals(List.of("3", "1251", "8", "20251345"), ack.first("IK4").elements());
        assertEquals("R", ack.first("IK5").get(1));
        assertFalse(Files.exists(RunningGateway.settings().outbox().resolve(name + ".278.x12")));
    }

    @Test
    void aFileThatIsNotX12GoesToErrorWithATa1() throws Exception {
        Path garbage = Files.createTempFile("garbage", ".txt");
        Files.writeString(garbage, "this is not an X12 interchange\n");
        String name = drop(garbage, "not-x12.txt");
        awaitFile(RunningGateway.settings().errors().resolve(name));
        X12Parsed ack = X12Parsed.read(Files.readAllBytes(outbox(name + ".ack.x12")));
        assertEquals("R", ack.first("TA1").get(4));
        assertEquals("022", ack.first("TA1").get(5));
    }

    @Test
    void aSenderThatIsNoTradingPartnerGetsATa1AndNothingElse() throws Exception {
        int stored = RunningGateway.gateway().store().count();
        String name = drop(Samples.x12("broken/ta1-006-unknown-sender.edi"), "file-unknown-sender.edi");
        awaitFile(RunningGateway.settings().archive().resolve(name));
        X12Parsed ack = X12Parsed.read(Files.readAllBytes(outbox(name + ".ack.x12")));
        assertEquals(List.of("260009155", "261130", "0905", "R", "006"), ack.first("TA1").elements());
        assertEquals(List.of(), ack.all("ST"), "no 999: nothing in it was read for the sender");
        assertFalse(Files.exists(RunningGateway.settings().outbox().resolve(name + ".278.x12")));
        assertEquals(stored, RunningGateway.gateway().store().count(), "nothing stored");
    }

    private static String drop(Path source, String name) {
        return RunningGateway.dropIntoInbox(source, name);
    }

    private static Path outbox(String name) {
        return awaitFile(RunningGateway.settings().outbox().resolve(name));
    }

    static Path awaitFile(Path file) {
        return RunningGateway.awaitFile(file);
    }
}
