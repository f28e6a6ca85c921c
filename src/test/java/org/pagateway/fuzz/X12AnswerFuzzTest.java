package org.pagateway.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.pagateway.support.X12Parsed;
import org.pagateway.x12.X12RequestReader;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Hostile X12 (issue 7): whatever bytes arrive, the reader and the answer writers throw nothing, the sender gets
 * an answer (a TA1, a 999 or a 278: the gateway always answers), and every answer passes the gateway's own
 * schemas when read back. The one input with no answer is the empty one, which the HTTP API refuses (400)
 * before reading.
 *
 * <p>In the normal build this runs over the committed inputs in {@code X12AnswerFuzzTestInputs}, then fuzzes
 * for a few seconds in a JVM of its own (see the surefire executions in pom.xml and "Fuzzing" in README.md).
 */
class X12AnswerFuzzTest {

    // one reader for every input, as in the gateway: Smooks and the schemas load once
    private static final X12RequestReader READER = new X12RequestReader();

    @AfterAll
    static void closeReader() {
        READER.close();
    }

    // the per-input limit: Jazzer hands it to libFuzzer as -timeout, so a hang is a finding
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    // envelope and 278 pieces the mutations can splice in; libFuzzer learns more from the comparisons it sees
    @DictionaryEntries({ "ISA*", "~GS*HI*", "~ST*278*", "005010X217", "~BHT*0007*13*", "~HL*", "*20*1", "*21*1",
            "*22*1", "*EV*", "*SS*0", "~NM1*", "~UM*HS*I*", "~HCR*", "~DTP*", "RD8", "D8", "~HI*ABK:", "~SV1*HC:",
            "~SE*", "~GE*", "~IEA*" })
    @FuzzTest
    void everyX12InputIsAnsweredInValidX12(byte[] input) {
        GatewayAnswers answers = GatewayAnswers.to(READER, input);
        if (input.length == 0) {
            return;
        }
        assertTrue(answers.any(), () -> "no TA1, 999 or 278 for:\n" + shown(input));
        for (byte[] answer : answers.acks) {
            assertValid(answer, input);
        }
        for (byte[] answer : answers.responses) {
            assertValid(answer, input);
        }
    }

    private static void assertValid(byte[] answer, byte[] input) {
        X12Parsed parsed = X12Parsed.read(answer);
        assertEquals(List.of(), parsed.errors(), () -> "the gateway wrote an answer it would itself refuse:\n" + parsed
                + "\nfor:\n" + shown(input));
    }

    private static String shown(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
