package org.pagateway.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class X12InputNormalizerTest {

    private static final String ISA = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261130*0905*^*00501*000000001*0*T*:~";

    @Test
    void aByteOrderMarkAndWhiteSpaceBetweenSegmentsGo() throws IOException {
        String in = "\uFEFF  " + ISA + "\r\n  GS*HI~\r\n    ST*278*0001~\n";
        assertEquals(ISA + "GS*HI~ST*278*0001~", normalize(in));
    }

    @Test
    void dataIsLeftAloneAfterSegmentsThatStartWithI() throws IOException {
        // INS and IEA start with I like ISA; a space 106 bytes later is member data and must stay
        String padding = "X".repeat(90);
        String in = ISA + "INS*Y*18~N3*" + padding + " 12 ELM STREET~IEA*1*000000001~\n" + ISA + "GS*HI~";
        assertEquals(ISA + "INS*Y*18~N3*" + padding + " 12 ELM STREET~IEA*1*000000001~" + ISA + "GS*HI~", normalize(in));
    }

    @Test
    void theSecondInterchangeOfABatchIsLearntToo() throws IOException {
        String second = ISA.replace('*', '|').replace("^", "{").replace("~", "!").replace(":", "^");
        X12InputNormalizer normalizer = new X12InputNormalizer(new ByteArrayInputStream(
                (ISA + "IEA*1*000000001~\n" + second + "\n  GS|HI!").getBytes(StandardCharsets.ISO_8859_1)));
        String out = new String(normalizer.readAllBytes(), StandardCharsets.ISO_8859_1);
        assertEquals(ISA + "IEA*1*000000001~" + second + "GS|HI!", out);
        assertEquals("000000001", normalizer.lastInterchangeControlNumber());
    }

    @Test
    void anUnpaddedIsaStillNamesItsControlNumber() throws IOException {
        X12InputNormalizer normalizer = new X12InputNormalizer(new ByteArrayInputStream(
                "ISA*00* *00* *ZZ*A *ZZ*B *261130*0905*^*00501*183242501*0*P*:~GS*HI~".getBytes(StandardCharsets.ISO_8859_1)));
        normalizer.readAllBytes();
        assertEquals("183242501", normalizer.lastInterchangeControlNumber());
    }

    private static String normalize(String in) throws IOException {
        try (X12InputNormalizer normalizer = new X12InputNormalizer(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)))) {
            return new String(normalizer.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
