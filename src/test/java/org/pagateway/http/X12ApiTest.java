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
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.X12Parsed;

/** POST /x12/278 on a running gateway: a 278 response when accepted, a 999 or TA1 when not. */
@ExtendWith(RunningGateway.class)
class X12ApiTest {

    static Stream<Path> requests() {
        return Samples.list(Samples.ROOT.resolve("x12"), ".edi").stream();
    }

    @ParameterizedTest
    @MethodSource("requests")
    void everySampleRequestIsAnsweredWithAValid278(Path sample) {
        X12Parsed response = postX12(Samples.bytes(sample));
        assertEquals(List.of(), response.errors(), sample + " answer must pass the 278 response schema:\n" + response);
        assertEquals("278", response.first("ST").get(1));
        response.all("HCR").forEach(hcr -> assertEquals("A4", hcr.get(1)));
        assertTrue(response.first("HCR").get(2).matches("\\d{5}R\\d{5}"));
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
