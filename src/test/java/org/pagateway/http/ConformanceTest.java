package org.pagateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.X12Parsed;

/**
 * Every public conformance file in ../shared/conformance gets the right answer: requests a 278 response,
 * 278 responses sent to the gateway a 999 that refuses them and says why (BHT02 11 is not a request),
 * groups of other kinds (a 999, a 275) a 999 refusing the group (AK905 1), broken envelopes a TA1.
 * Never a crash.
 */
@ExtendWith(RunningGateway.class)
class ConformanceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            01-X217-admission-request-for-review.edi                       | 999 | IK5*R*4
            02-X217-admission-response-to-request-for-review.edi           | 999 | IK4*2*353*I6*11
            04-X217-emergency-admission-response-to-request-for-review.edi | 999 | IK4*2*353*I6*11
            05-X217-referral-request-for-review.edi                        | 278 | AAA*N**79*C
            06-X217-referral-response-to-request-for-review.edi            | 999 | IK4*2*353*I6*11
            09-X217-response-to-non-emergency-transportation.edi           | 999 | IK4*2*353*I6*11
            12-tmhp-response-rejected-AAA-2000E.edi                        | TA1 | TA1*183242501
            13-oopfactory-Example_3_3_2_Response-pended-with-defects.txt   | TA1 | TA1*000000031
            14-oopfactory-999-DHS_Wisconsin_partial-accept.txt             | 999 | AK9*R*1*1*0*1
            15-staedi-275-X211-BIN-CDA-attachment.edi                      | 999 | AK9*R*1*1*0*1
            """)
    void answeredAsTheStandardSays(String file, String kind, String expectedSegmentStart) {
        X12Parsed answer = X12ApiTest.postX12(Samples.bytes(Samples.CONFORMANCE.resolve(file)));
        assertEquals(List.of(), answer.errors(), answer.toString());
        switch (kind) {
            case "278" -> assertEquals("278", answer.first("ST").get(1));
            case "999" -> assertEquals("999", answer.first("ST").get(1));
            default -> assertEquals(List.of(), answer.all("ST"), "a refused interchange gets only a TA1");
        }
        String tag = expectedSegmentStart.substring(0, expectedSegmentStart.indexOf('*'));
        boolean found = answer.all(tag).stream().anyMatch(s -> s.toString().startsWith(expectedSegmentStart));
        assertEquals(true, found, "expected a segment starting " + expectedSegmentStart + " in:\n" + answer);
    }
}
