package org.pagateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Large X12 batches made from one sample on the spot, so no multi-megabyte file is committed. */
public final class Batches {

    private Batches() {
    }

    /**
     * StAEDI takes at most 99,999 transaction sets in a functional group (its control schema's limit; the sets after
     * that are rejected), so a bigger batch is split into groups of this many, as clearinghouses split theirs.
     */
    public static final int SETS_PER_GROUP = 50_000;

    /**
     * One interchange, {@code count} copies of the sample's ST..SE with ST02/SE02 renumbered 0001, 0002, ...; SE01 kept
     * (same segments); one GS for up to {@value #SETS_PER_GROUP} sets, more (GS06 counting up from the sample's) above.
     */
    public static byte[] build(byte[] sample, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sample.length * count + 1024);
        write(sample, count, out);
        return out.toByteArray();
    }

    /** The same batch, streamed: a 100 MB file is written without holding it. */
    public static void write(byte[] sample, int count, OutputStream out) {
        String text = new String(sample, StandardCharsets.ISO_8859_1).strip();
        if (!text.startsWith("ISA") || text.length() < 106) {
            throw new IllegalArgumentException("sample does not start with a 106-character ISA");
        }
        char element = text.charAt(3);
        char terminator = text.charAt(105);
        String sep = String.valueOf(element);
        List<String> segments = new ArrayList<>();
        for (String s : text.split(java.util.regex.Pattern.quote(String.valueOf(terminator)))) {
            String seg = s.strip();
            if (!seg.isEmpty()) {
                segments.add(seg);
            }
        }
        String isa = null;
        String gs = null;
        String ge = null;
        String iea = null;
        List<String> body = new ArrayList<>(); // ST..SE, exclusive of ST and SE
        String stTemplate = null;
        String seTemplate = null;
        boolean inSet = false;
        for (String seg : segments) {
            String tag = seg.substring(0, seg.indexOf(element));
            switch (tag) {
                case "ISA" -> isa = seg;
                case "GS" -> gs = seg;
                case "GE" -> ge = seg;
                case "IEA" -> iea = seg;
                case "ST" -> {
                    if (stTemplate != null) {
                        throw new IllegalArgumentException("the sample must hold exactly one transaction set");
                    }
                    stTemplate = seg;
                    inSet = true;
                }
                case "SE" -> {
                    seTemplate = seg;
                    inSet = false;
                }
                default -> {
                    if (inSet) {
                        body.add(seg);
                    }
                }
            }
        }
        if (isa == null || gs == null || ge == null || iea == null || stTemplate == null || seTemplate == null) {
            throw new IllegalArgumentException("the sample must have ISA, GS, ST..SE, GE and IEA");
        }
        String[] st = stTemplate.split(java.util.regex.Pattern.quote(sep), -1);
        String[] se = seTemplate.split(java.util.regex.Pattern.quote(sep), -1);
        String[] geFields = ge.split(java.util.regex.Pattern.quote(sep), -1);
        String[] ieaFields = iea.split(java.util.regex.Pattern.quote(sep), -1);
        int segmentCount = body.size() + 2;
        if (Integer.parseInt(se[1]) != segmentCount) {
            throw new IllegalArgumentException("sample SE01 " + se[1] + " but the set has " + segmentCount + " segments");
        }
        StringBuilder bodyText = new StringBuilder(body.size() * 40);
        for (String seg : body) {
            bodyText.append(seg).append(terminator);
        }

        String[] gsFields = gs.split(java.util.regex.Pattern.quote(sep), -1);
        long firstGroup = Long.parseLong(gsFields[6]);
        int groups = 0;
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append(isa).append(terminator);
        for (int first = 1; first <= count; first += SETS_PER_GROUP) {
            int last = Math.min(count, first + SETS_PER_GROUP - 1);
            String groupControl = String.valueOf(firstGroup + groups++);
            gsFields[6] = groupControl;
            b.append(String.join(sep, gsFields)).append(terminator);
            for (int i = first; i <= last; i++) {
                String control = String.format("%04d", i); // ST02: AN 4..9, unique within the group
                st[2] = control;
                b.append(String.join(sep, st)).append(terminator);
                b.append(bodyText);
                b.append("SE").append(element).append(segmentCount).append(element).append(control);
                for (int k = 3; k < se.length; k++) {
                    b.append(element).append(se[k]);
                }
                b.append(terminator);
                if (b.length() > 60 * 1024) {
                    emit(out, b);
                }
            }
            geFields[1] = String.valueOf(last - first + 1);
            geFields[2] = groupControl;
            b.append(String.join(sep, geFields)).append(terminator);
        }
        ieaFields[1] = String.valueOf(groups);
        b.append(String.join(sep, ieaFields)).append(terminator);
        emit(out, b);
    }

    private static void emit(OutputStream out, StringBuilder b) {
        try {
            out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        b.setLength(0);
    }
}
