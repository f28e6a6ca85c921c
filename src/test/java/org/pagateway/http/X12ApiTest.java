package org.pagateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagateway.support.ExpectedDecisions;
import org.pagateway.support.RecordingListener;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.X12Parsed;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.x12.X12RequestReader;

/** POST /x12/278 on a running gateway: a 278 response when accepted, a 999 or TA1 when not. */
@ExtendWith(RunningGateway.class)
class X12ApiTest {

    private static final X12RequestReader READER = new X12RequestReader();

    static Stream<Path> requests() {
        return Samples.list(Samples.ROOT.resolve("x12"), ".edi").stream();
    }

    /** The answer to every sample: a valid 278 response echoing what the request said, event by event. */
    @ParameterizedTest
    @MethodSource("requests")
    void everySampleRequestIsAnsweredWithAValid278EchoingIt(Path sample) {
        byte[] request = Samples.bytes(sample);
        X12Parsed response = postX12(request);
        assertEquals(List.of(), response.errors(), sample + " answer must pass the 278 response schema:\n" + response);
        assertEquals("278", response.first("ST").get(1));
        String name = sample.getFileName().toString().replace(".edi", "");
        // each event answered as the payer profile decides it: HCR01, or AAA at the loop at fault
        assertEquals(ExpectedDecisions.bySample().get(name).stream().map(r -> r.action() + " " + r.rejections()).toList(),
                response.eventDecisions(), name);
        response.all("HCR").forEach(hcr -> assertTrue(hcr.get(2).matches("\\d{5}R\\d{5}"), hcr.toString()));

        List<AuthorizationRequest> sent = mapped(request);
        // every trace number comes back as a TRN*2, in order
        List<String> sentTraces = sent.stream().flatMap(r -> Stream.concat(r.traceNumbers().stream(),
                r.serviceLines().stream().flatMap(l -> l.traceNumbers().stream()))).map(t -> t.number()).toList();
        assertEquals(sentTraces, response.all("TRN").stream().map(t -> t.get(2)).toList());
        response.all("TRN").forEach(t -> assertEquals("2", t.get(1)));
        // one 2000E per event, one 2000F per service line, one BHT per transaction echoing BHT03
        assertEquals(sent.size(), response.all("HL").stream().filter(hl -> hl.get(3).equals("EV")).count());
        assertEquals(sent.stream().mapToInt(r -> r.serviceLines().size()).sum(),
                response.all("HL").stream().filter(hl -> hl.get(3).equals("SS")).count());
        assertEquals(sent.stream().map(r -> r.envelope().bhtReference()).distinct().toList(),
                response.all("BHT").stream().map(b -> b.get(3)).toList());
        // UM04 comes back as it was sent, place of service (B) or facility type (A) qualifier and all
        List<String> sentPlaces = sent.stream().filter(r -> r.placeOfService() != null)
                .map(r -> r.placeOfService() + ":" + r.placeOfServiceQualifier()).toList();
        assertEquals(sentPlaces, response.all("UM").stream().filter(um -> !um.get(4).isEmpty()).map(um -> um.get(4)).toList());
        // the subscriber is echoed with the member ID the request carried
        assertEquals(sent.stream().map(r -> r.subscriber().memberId()).distinct().toList(), response.all("NM1").stream()
                .filter(n -> n.get(1).equals("IL")).map(n -> n.get(9)).distinct().toList());
    }

    private static List<AuthorizationRequest> mapped(byte[] x12) {
        return RecordingListener.read(READER, x12).requests();
    }

    @Test
    void aRejectedRequestIsAnsweredWithA999() {
        X12Parsed answer = postX12(Samples.bytes(Samples.x12("broken/06-unknown-segment.edi")));
        assertEquals(List.of(), answer.errors());
        assertEquals("999", answer.first("ST").get(1));
        assertEquals(List.of("ZZZ", "21", "2000", "6"), answer.first("IK3").elements());
        assertEquals(List.of("R", "5"), answer.first("IK5").elements());
        assertEquals(List.of("R", "1", "1", "0"), answer.first("AK9").elements());
    }

    @Test
    void anUnreadableInterchangeIsAnsweredWithATa1NamingIt() {
        X12Parsed answer = postX12(Samples.bytes(Samples.x12("broken/03-isa-truncated.edi")));
        assertEquals("R", answer.first("TA1").get(4));
        assertEquals("022", answer.first("TA1").get(5));
        assertEquals("CLRHSE0001", answer.first("ISA").get(8).trim(), "the TA1 goes back to the sender");
    }

    @Test
    void anEmptyBodyIsABadRequestNotACrash() {
        HttpResponse<byte[]> response = RunningGateway.post("/x12/278", "application/edi-x12", new byte[0]);
        assertEquals(400, response.statusCode());
        assertEquals(Problem.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
    }

    static X12Parsed postX12(byte[] body) {
        HttpResponse<byte[]> response = RunningGateway.post("/x12/278", X12Api.X12, body);
        assertEquals(200, response.statusCode(), new String(response.body()));
        return X12Parsed.read(response.body());
    }
}
