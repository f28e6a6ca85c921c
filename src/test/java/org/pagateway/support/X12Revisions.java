package org.pagateway.support;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * 278 requests made from a sample with edits, each with control numbers of its own (a resend of the same
 * interchange is not what these tests are about): a revision (UM02 S, 4 or 3 with REF*BB naming the authorization),
 * or the sample again as a new request.
 */
public final class X12Revisions {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private X12Revisions() {
    }

    /** The sample as a new request, under fresh control numbers. */
    public static byte[] fresh(String sample) {
        return edited(sample, UnaryOperator.identity());
    }

    /** The sample with an edit, as a new request. */
    public static byte[] fresh(String sample, UnaryOperator<String> edit) {
        return edited(sample, edit);
    }

    /**
     * The sample's single patient event as a revision of {@code authorizationId}: UM02 becomes the type (S, 4, 3) and
     * a REF*BB follows the UM; {@code edit} changes the segments further (units, lines, MSG).
     */
    public static byte[] revision(String sample, String type, String authorizationId, UnaryOperator<String> edit) {
        return edited(sample, text -> edit.apply(text.replaceFirst("~UM\\*(AR|HS|SC)\\*I\\*([^~]*)~",
                "~UM*$1*" + type + "*$2~REF*BB*" + authorizationId + "~")));
    }

    private static byte[] edited(String sample, UnaryOperator<String> edit) {
        String text = new String(Samples.bytes(Samples.x12(sample)), StandardCharsets.US_ASCII);
        text = edit.apply(text);
        int n = NEXT.getAndIncrement();
        String isa13 = String.format("%09d", 700_000_000 + n);
        String gs06 = String.valueOf(800_000 + n);
        // ISA13 is the 13th element, IEA02 the last; GS06 the 6th, GE02 the last
        String[] isa = text.substring(0, text.indexOf('~')).split("\\*", -1);
        isa[13] = isa13;
        text = String.join("*", isa) + text.substring(text.indexOf('~'));
        text = text.replaceFirst("~GS\\*((?:[^*~]*\\*){5})[^*~]*\\*", "~GS*$1" + gs06 + "*");
        text = text.replaceFirst("~GE\\*(\\d+)\\*[^~]*~", "~GE*$1*" + gs06 + "~");
        text = text.replaceFirst("~IEA\\*(\\d+)\\*[^~]*~", "~IEA*$1*" + isa13 + "~");
        return withSegmentCount(text).getBytes(StandardCharsets.US_ASCII);
    }

    /** SE01 counted again: ST to SE inclusive. */
    private static String withSegmentCount(String text) {
        int st = text.indexOf("~ST*") + 1;
        int se = text.indexOf("~SE*") + 1;
        int segments = text.substring(st, se).split("~").length + 1;
        return text.substring(0, se) + text.substring(se).replaceFirst("^SE\\*\\d+\\*", "SE*" + segments + "*");
    }
}
