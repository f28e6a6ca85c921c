package org.pagateway.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pagateway.support.Batches;
import org.pagateway.support.RecordingListener;
import org.pagateway.support.Samples;
import org.pagateway.x12.ack.InterchangeAck;
import org.pagateway.x12.ack.SegmentError;
import org.pagateway.x12.ack.TransactionAck;

/**
 * The segment limits, on small numbers: a set over its limit is rejected in its 999 at the first segment too many and
 * its neighbours are taken; an interchange over its limit is read no further, TA1 024.
 */
class X12LimitsTest {

    /** 07-physical-therapy-eval.edi: 34 segments from ST to SE. */
    private static final byte[] SAMPLE = Samples.bytes(Samples.x12("07-physical-therapy-eval.edi"));
    private static X12RequestReader reader;

    @BeforeAll
    static void load() {
        // one reader for all: making one costs seconds
        reader = new X12RequestReader(new X12Limits(60, 150));
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void aSetOverItsLimitIsRejectedAtTheFirstSegmentTooManyAndTheNextSetIsTaken() {
        RecordingListener read = RecordingListener.read(reader, twoSets(15));
        assertEquals(2, read.transactions.size());
        TransactionAck big = read.transactions.get(0).ack();
        assertEquals("R", big.status());
        assertEquals(List.of("5"), big.setErrorCodes());
        assertEquals(1, big.segmentErrors().size(), "one IK3 says it; nothing after it is checked: " + big);
        SegmentError tooMany = big.segmentErrors().get(0);
        assertEquals(61, tooMany.position());
        assertEquals("5", tooMany.code());
        assertTrue(read.transactions.get(0).requests().isEmpty(), "nothing of it is taken");

        TransactionAck next = read.transactions.get(1).ack();
        assertTrue(next.accepted(), next.toString());
        assertEquals(1, read.transactions.get(1).requests().size());
        assertEquals("P", read.groups.get(0).status(), "one of two sets accepted");
        assertTrue(read.interchanges.get(0).accepted());
    }

    @Test
    void aSetWithinItsLimitIsReadAsAlways() {
        RecordingListener read = RecordingListener.read(reader, twoSets(6));
        assertTrue(read.transactions.stream().allMatch(t -> t.ack().accepted()), read.transactions.toString());
        assertEquals(2, read.requests().size());
    }

    @Test
    void anInterchangeOverItsLimitIsReadNoFurther() {
        // ISA, GS, then 34 segments a set: the fifth set goes over 150
        RecordingListener read = RecordingListener.read(reader, Batches.build(SAMPLE, 5));
        assertEquals(4, read.transactions.size(), "the sets read before the limit are taken");
        assertEquals(1, read.interchanges.size());
        InterchangeAck ta1 = read.interchanges.get(0);
        assertEquals("024", ta1.noteCode());
        assertEquals("E", ta1.ackCode(), "what was taken stays taken: accepted with errors, do not resend");

        // one set of 194 segments: over the set's limit at 61, over the interchange's at 151, before anything was taken
        RecordingListener first = RecordingListener.read(reader, twoSets(40));
        assertEquals(List.of(), first.requests());
        assertEquals("024", first.interchanges.get(0).noteCode());
        assertEquals("R", first.interchanges.get(0).ackCode(), "nothing of it was taken");
    }

    /** One group: the sample's set with {@code extraLines} more service lines (2000F: HL UM DTP SV1), then the sample's. */
    private static byte[] twoSets(int extraLines) {
        String text = new String(SAMPLE, StandardCharsets.ISO_8859_1).strip();
        List<String> segments = new ArrayList<>(List.of(text.split("~")));
        int st = indexOf(segments, "ST*");
        int se = indexOf(segments, "SE*");
        List<String> set = new ArrayList<>(segments.subList(st, se + 1));
        List<String> big = new ArrayList<>(set.subList(0, set.size() - 1));
        int hl = (int) big.stream().filter(s -> s.startsWith("HL*")).count();
        for (int i = 0; i < extraLines; i++) {
            hl++;
            big.addAll(List.of("HL*" + hl + "*4*SS*0", "UM*HS*I*PT", "DTP*472*D8*20261204", "SV1*HC:97110**UN*1"));
        }
        big.add("SE*" + (big.size() + 1) + "*0001");
        List<String> second = new ArrayList<>(set);
        second.set(0, second.get(0).replace("*0001*", "*0002*"));
        second.set(second.size() - 1, second.get(second.size() - 1).replace("*0001", "*0002"));
        List<String> out = new ArrayList<>(segments.subList(0, st));
        out.addAll(big);
        out.addAll(second);
        out.add(segments.get(se + 1).replaceFirst("GE\\*1\\*", "GE*2*"));
        out.add(segments.get(se + 2));
        return (String.join("~", out) + "~").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(List<String> segments, String start) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + start);
    }
}
