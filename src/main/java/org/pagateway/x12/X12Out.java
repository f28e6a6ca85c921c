package org.pagateway.x12;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * Writes outbound X12 through StAEDI's validating writer: the control schema checks the envelopes and the
 * transaction schema each set, so the gateway cannot send what it would itself refuse. Adds the interchange
 * and group envelopes the gateway sends back (sender and receiver swapped, its own control numbers).
 */
final class X12Out {

    private static final EDIOutputFactory FACTORY = newFactory();
    /** The date and time formats of X12 envelopes and segments (ISA09, GS04/BHT04, ISA10/GS05/BHT05). */
    static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
    private static final String DELIMITERS = "~*:^";
    private static final java.util.Set<String> ISA_QUALIFIERS = java.util.Set.of("01", "14", "20", "27", "28", "29",
            "30", "33", "ZZ");

    private final EDIStreamWriter writer;
    private int segmentsInSet;
    private int setsInGroup;
    private int groupsInInterchange;
    private String interchangeControl;
    private String groupControl;
    private String setControl;

    private static EDIOutputFactory newFactory() {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        factory.setProperty(EDIOutputFactory.TRUNCATE_EMPTY_ELEMENTS, true);
        factory.setProperty(Delimiters.SEGMENT, '~');
        factory.setProperty(Delimiters.DATA_ELEMENT, '*');
        factory.setProperty(Delimiters.COMPONENT_ELEMENT, ':');
        factory.setProperty(Delimiters.REPETITION, '^');
        return factory;
    }

    X12Out(OutputStream out) {
        // the caller owns the stream: several interchanges may go to it one after the other
        this.writer = FACTORY.createEDIStreamWriter(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        this.writer.setControlSchema(X12Schemas.get().control00501());
    }

    /** ISA back to the sender of {@code to}: their sender becomes our receiver. */
    X12Out startInterchange(InterchangeHeader to, long controlNumber, boolean ackRequested) throws EDIStreamException {
        LocalDateTime now = LocalDateTime.now();
        interchangeControl = String.format("%09d", controlNumber);
        groupsInInterchange = 0;
        writer.startInterchange();
        // the addressing is echoed from what was received, which may itself be what was wrong with it
        segment("ISA", "00", pad("", 10), "00", pad("", 10),
                qualifier(to.receiverQualifier()), pad(echoed(to.receiverId(), "UNKNOWN"), 15),
                qualifier(to.senderQualifier()), pad(echoed(to.senderId(), "UNKNOWN"), 15),
                now.format(YYMMDD), now.format(HHMM), "^", "00501", interchangeControl, ackRequested ? "1" : "0",
                "T".equals(to.usage()) ? "T" : "P", ":");
        return this;
    }

    X12Out startGroup(String functionalId, GroupHeader to, String version) throws EDIStreamException {
        LocalDateTime now = LocalDateTime.now();
        // groups are numbered 1, 2... within the interchange, whose own number is unique
        groupsInInterchange++;
        groupControl = String.valueOf(groupsInInterchange);
        setsInGroup = 0;
        segment("GS", functionalId, applicationId(to == null ? null : to.applicationReceiver(), "PAGATEWAY"),
                applicationId(to == null ? null : to.applicationSender(), "UNKNOWN"), now.format(CCYYMMDD), now.format(HHMM),
                groupControl, "X", version);
        return this;
    }

    X12Out startTransaction(String type, String implementation, Schema schema) throws EDIStreamException {
        setsInGroup++;
        setControl = String.format("%04d", setsInGroup);
        writer.setTransactionSchema(schema);
        segmentsInSet = 0;
        segment("ST", type, setControl, implementation);
        return this;
    }

    X12Out endTransaction() throws EDIStreamException {
        segment("SE", String.valueOf(segmentsInSet + 1), setControl);
        return this;
    }

    X12Out endGroup() throws EDIStreamException {
        segment("GE", String.valueOf(setsInGroup), groupControl);
        return this;
    }

    X12Out endInterchange() throws EDIStreamException {
        segment("IEA", String.valueOf(groupsInInterchange), interchangeControl);
        writer.endInterchange();
        writer.flush();
        return this;
    }

    /** Writes a TA1 right after the ISA. */
    X12Out ta1(String controlNumber, String date, String time, String ackCode, String noteCode) throws EDIStreamException {
        return segment("TA1", controlNumber, date, time, ackCode, noteCode);
    }

    /**
     * One segment. Each element is a String (null or "" for empty) or a String[] of components;
     * trailing empty elements and components are left out.
     */
    X12Out segment(String tag, Object... elements) throws EDIStreamException {
        writer.writeStartSegment(tag);
        int last = elements.length - 1;
        while (last >= 0 && isEmpty(elements[last])) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            Object element = elements[i];
            if (element instanceof String[] components) {
                int lastComponent = components.length - 1;
                while (lastComponent >= 0 && isEmpty(components[lastComponent])) {
                    lastComponent--;
                }
                writer.writeStartElement();
                for (int c = 0; c <= lastComponent; c++) {
                    if (isEmpty(components[c])) {
                        writer.writeEmptyComponent();
                    } else {
                        writer.writeComponent(fitted(tag, components[c]));
                    }
                }
                writer.endElement();
            } else if (isEmpty(element)) {
                writer.writeEmptyElement();
            } else {
                writer.writeElement(fitted(tag, (String) element));
            }
        }
        writer.writeEndSegment();
        segmentsInSet++;
        return this;
    }

    /**
     * A value echoed from a request read under other delimiters may hold one of ours, which would split it (StAEDI
     * refuses to write it): such a character goes out as a space, as in IK404. The ISA carries our delimiters.
     */
    private static String fitted(String tag, String value) {
        if ("ISA".equals(tag)) {
            return value;
        }
        char[] chars = null;
        for (int i = 0; i < value.length(); i++) {
            if (DELIMITERS.indexOf(value.charAt(i)) >= 0) {
                chars = chars == null ? value.toCharArray() : chars;
                chars[i] = ' ';
            }
        }
        return chars == null ? value : new String(chars);
    }

    void close() throws EDIStreamException {
        writer.close();
    }

    private static boolean isEmpty(Object element) {
        if (element == null) {
            return true;
        }
        if (element instanceof String[] components) {
            for (String component : components) {
                if (!isEmpty(component)) {
                    return false;
                }
            }
            return true;
        }
        return ((String) element).isEmpty();
    }

    /**
     * Free text (MSG) as an element can carry it: the gateway's delimiters become the nearest harmless
     * character, and the text is cut to the element's maximum length.
     */
    static String text(String value, int maxLength) {
        String cleaned = value.replace('~', '-').replace('*', '-').replace(':', '-').replace('^', '-').strip();
        return cleaned.length() > maxLength ? cleaned.substring(0, maxLength).strip() : cleaned;
    }

    static String pad(String value, int length) {
        String v = value == null ? "" : value;
        if (v.length() >= length) {
            return v.substring(0, length);
        }
        return v + " ".repeat(length - v.length());
    }

    /** ISA05/ISA07 (I05): a received qualifier that is not one of the codes goes back as mutually defined. */
    private static String qualifier(String value) {
        return value != null && ISA_QUALIFIERS.contains(value.trim()) ? value.trim() : "ZZ";
    }

    /** GS02/GS03 are AN 2/15. */
    private static String applicationId(String value, String fallback) {
        String id = echoed(value, fallback);
        id = id.length() > 15 ? id.substring(0, 15) : id;
        return id.length() < 2 ? fallback : id;
    }

    /** A received identifier to send back, or the stand-in when it is blank or cannot be written. */
    private static String echoed(String value, String fallback) {
        return value == null || value.isBlank() || !echoable(value) ? fallback : value.trim();
    }

    /**
     * Whether a value read from a received interchange can go back in one the gateway writes: printable ASCII
     * without the gateway's own delimiters. A sender with other delimiters may use ours as data, and a byte
     * beyond ASCII would be written as two and shift the fixed-width ISA.
     */
    static boolean echoable(String value) {
        return value != null && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f && DELIMITERS.indexOf(c) < 0);
    }
}
