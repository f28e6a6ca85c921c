package org.pagateway.x12;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.CanonicalJson;
import org.pagateway.model.CodeType;
import org.pagateway.model.PartyRole;
import org.pagateway.model.RequestCategory;
import org.pagateway.model.ServiceLine;
import org.pagateway.model.TraceNumber;
import org.pagateway.support.RecordingListener;
import org.pagateway.support.Samples;

/** Every sample 278 request read, validated and mapped to the canonical model, without Camel. */
class X12RequestReaderTest {

    private static X12RequestReader reader;

    @BeforeAll
    static void load() {
        reader = new X12RequestReader();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    static Stream<Path> validSamples() {
        return Samples.list(Samples.ROOT.resolve("x12"), ".edi").stream();
    }

    @ParameterizedTest
    @MethodSource("validSamples")
    void everySampleIsAcceptedAndMapped(Path sample) {
        RecordingListener read = RecordingListener.read(reader, Samples.bytes(sample));
        assertFalse(read.transactions.isEmpty(), "no transaction read");
        read.transactions.forEach(t -> assertTrue(t.ack().accepted(), sample + ": " + t.ack()));
        read.interchanges.forEach(i -> assertTrue(i.accepted(), sample + ": " + i));
        for (AuthorizationRequest r : read.requests()) {
            assertAll(sample.toString(),
                    () -> assertNotNull(r.category(), "category"),
                    () -> assertNotNull(r.serviceType(), "serviceType"),
                    () -> assertNotNull(r.payer().id(), "payer id"),
                    () -> assertNotNull(r.requester().id(), "requester id"),
                    () -> assertNotNull(r.subscriber().memberId(), "subscriber member id"),
                    () -> assertFalse(r.diagnoses().isEmpty(), "diagnoses"),
                    () -> assertFalse(r.traceNumbers().isEmpty(), "trace numbers"),
                    () -> assertNotNull(r.envelope().interchangeControlNumber(), "ISA13"),
                    () -> assertNotNull(r.envelope().transactionControlNumber(), "ST02"),
                    () -> assertNotNull(r.envelope().bhtReference(), "BHT03"));
        }
    }

    @Test
    void surgicalDayCareIsMappedFieldByField() {
        AuthorizationRequest r = single("01-outpatient-surgical-sdc.edi");
        assertEquals(RequestCategory.HEALTH_SERVICES_REVIEW, r.category());
        assertEquals("I", r.certificationType());
        assertEquals("2", r.serviceType());
        assertEquals("22", r.placeOfService());
        assertEquals("EXHP01", r.payer().id());
        assertEquals("1588203640", r.requester().npi());
        assertEquals("7815550118", r.requester().contact().phone());
        assertEquals("7815550119", r.requester().contact().fax());
        assertEquals("EXH100234501", r.subscriber().memberId());
        assertEquals(LocalDate.of(1961, 4, 22), r.subscriber().birthDate());
        assertEquals(List.of("M23221", "M25561", "M1711"), r.diagnoses().stream().map(d -> d.code()).toList());
        assertEquals("ABK", r.diagnoses().get(0).qualifier());
        assertEquals(LocalDate.of(2026, 12, 14), r.serviceDates().start());
        assertEquals(LocalDate.of(2027, 3, 13), r.serviceDates().end());
        assertEquals(List.of(PartyRole.FACILITY, PartyRole.SURGEON), r.servicingProviders().stream().map(p -> p.role()).toList());
        ServiceLine line = r.serviceLines().get(0);
        assertEquals(CodeType.CPT, line.codeType());
        assertEquals("29881", line.code());
        assertEquals(List.of("RT"), line.modifiers());
        assertEquals(new BigDecimal("1"), line.quantity());
        assertEquals(List.of(new TraceNumber("SDC2611300001", "9811223344")), r.traceNumbers());
        assertEquals("PN", r.attachments().get(0).reportType());
        assertNull(r.patient());
        assertEquals("0001", r.envelope().transactionControlNumber());
        assertEquals("260001001", r.envelope().interchangeControlNumber());
    }

    @Test
    void dependentPatientComesFrom2000D() {
        AuthorizationRequest r = single("20-dependent-patient.edi");
        assertTrue(r.isDependent());
        assertNotNull(r.patient().lastName());
        assertNotNull(r.patient().birthDate());
        assertNotNull(r.subscriber().memberId());
    }

    @Test
    void twoEventsInOneTransactionBecomeTwoRequestsWithTheirOwnLines() {
        RecordingListener read = RecordingListener.read(reader, Samples.bytes(Samples.x12("21-two-events-several-lines.edi")));
        assertEquals(1, read.transactions.size());
        List<AuthorizationRequest> requests = read.requests();
        assertEquals(2, requests.size());
        assertEquals(List.of("97165", "97530", "97760"), requests.get(0).serviceLines().stream().map(ServiceLine::code).toList());
        assertEquals(List.of("E0601", "A7030"), requests.get(1).serviceLines().stream().map(ServiceLine::code).toList());
        assertEquals(CodeType.HCPCS, requests.get(1).serviceLines().get(0).codeType());
        // the subscriber is shared by both events
        assertEquals(requests.get(0).subscriber(), requests.get(1).subscriber());
    }

    @Test
    void aBatchOfThreeInterchangesIsReadWhole() {
        RecordingListener read = RecordingListener.read(reader, Samples.bytes(Samples.x12("24-batch-three-interchanges.edi")));
        assertEquals(3, read.interchanges.size());
        assertEquals(4, read.groups.size());
        assertEquals(5, read.transactions.size());
        assertEquals(5, read.requests().size());
        // a dependent of one transaction must not leak into the next
        assertEquals(read.requests().stream().filter(AuthorizationRequest::isDependent).count(),
                read.transactions.stream().filter(t -> t.requests().get(0).patient() != null).count());
    }

    @Test
    void unusualDelimitersAndNewlinesReadLikeAnyOther() {
        assertEquals(1, RecordingListener.read(reader, Samples.bytes(Samples.x12("22-unusual-delimiters.edi"))).requests().size());
        assertEquals(1, RecordingListener.read(reader, Samples.bytes(Samples.x12("23-newline-after-segments.edi"))).requests().size());
    }

    static Stream<Path> jsonTwins() {
        return Samples.list(Samples.ROOT.resolve("json"), ".json").stream();
    }

    /** X12 and JSON are two ways into one model: each JSON twin equals what its X12 sample maps to. */
    @ParameterizedTest
    @MethodSource("jsonTwins")
    void jsonTwinEqualsTheMappedX12(Path json) throws Exception {
        String name = json.getFileName().toString().replace(".json", ".edi");
        AuthorizationRequest fromX12 = single(name).withEnvelope(null);
        AuthorizationRequest fromJson = CanonicalJson.mapper().readValue(json.toFile(), AuthorizationRequest.class);
        assertEquals(fromJson, fromX12);
    }

    private static AuthorizationRequest single(String sample) {
        List<AuthorizationRequest> requests = RecordingListener.read(reader, Samples.bytes(Samples.x12(sample))).requests();
        assertEquals(1, requests.size(), sample);
        return requests.get(0);
    }
}
