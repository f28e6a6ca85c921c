package org.pagateway.support;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.pagateway.x12.X12Schemas;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;

/**
 * X12 the gateway wrote, read back with StAEDI and validated against the gateway's own schemas (the 278
 * response schema for 278s, the 999 schema for 999s): the segments, element by element, and every
 * validation error StAEDI found.
 */
public final class X12Parsed {

    /** One segment; composite elements are joined with ':'. */
    public record Segment(String tag, List<String> elements) {
        public String get(int position) {
            return position <= elements.size() ? elements.get(position - 1) : "";
        }

        @Override
        public String toString() {
            return tag + "*" + String.join("*", elements);
        }
    }

    private final List<Segment> segments;
    private final List<String> errors;

    private X12Parsed(List<Segment> segments, List<String> errors) {
        this.segments = segments;
        this.errors = errors;
    }

    public static X12Parsed read(byte[] x12) {
        List<Segment> segments = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(x12))) {
            String tag = null;
            List<String> elements = new ArrayList<>();
            StringBuilder composite = null;
            int lastElement = 0;
            String groupType = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_GROUP -> groupType = null;
                    case START_TRANSACTION -> reader.setTransactionSchema(
                            "FA".equals(groupType) ? X12Schemas.get().ack999() : X12Schemas.get().response278());
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        elements = new ArrayList<>();
                        lastElement = 0;
                    }
                    case START_COMPOSITE -> composite = new StringBuilder();
                    case END_COMPOSITE -> {
                        setElement(elements, reader.getLocation().getElementPosition(), composite.toString().replaceAll(":+$", ""));
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        if (composite != null) {
                            if (reader.getLocation().getComponentPosition() > 1) {
                                composite.append(':');
                            }
                            composite.append(reader.getText());
                        } else {
                            setElement(elements, reader.getLocation().getElementPosition(), reader.getText());
                        }
                        if ("GS".equals(tag) && reader.getLocation().getElementPosition() == 1) {
                            groupType = reader.getText();
                        }
                    }
                    case END_SEGMENT -> segments.add(new Segment(tag, List.copyOf(elements)));
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors.add(event + " "
                            + reader.getErrorType() + " at " + reader.getLocation().getSegmentTag() + " element "
                            + reader.getLocation().getElementPosition() + " (" + reader.getText() + ")");
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException | java.io.IOException e) {
            errors.add("unreadable: " + e.getMessage());
        }
        return new X12Parsed(segments, errors);
    }

    private static void setElement(List<String> elements, int position, String value) {
        while (elements.size() < position) {
            elements.add("");
        }
        elements.set(position - 1, value);
    }

    public List<Segment> segments() {
        return segments;
    }

    public List<String> errors() {
        return errors;
    }

    public List<Segment> all(String tag) {
        return segments.stream().filter(s -> s.tag().equals(tag)).toList();
    }

    public Segment first(String tag) {
        return segments.stream().filter(s -> s.tag().equals(tag)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + tag + " segment in:\n" + this));
    }

    /**
     * Each 2000E of a 278 response in the terms of samples/expected-decisions.tsv: its HCR01 ("-" when none)
     * and its AAA segments as loop:code:follow-up, the AAA of 2010A-D counted with every event under them.
     */
    public List<String> eventDecisions() {
        List<String> events = new ArrayList<>();
        List<String> upper = new ArrayList<>();
        List<String> aaa = null;
        String hcr = null;
        String loop = null;
        for (Segment s : segments) {
            switch (s.tag()) {
                case "HL" -> {
                    if ("EV".equals(s.get(3))) {
                        if (aaa != null) {
                            events.add(describe(hcr, aaa));
                        }
                        aaa = new ArrayList<>(upper);
                        hcr = null;
                        loop = "2000E";
                    } else if ("SS".equals(s.get(3))) {
                        loop = "2000F";
                    } else if ("20".equals(s.get(3))) {
                        if (aaa != null) {
                            events.add(describe(hcr, aaa));
                        }
                        aaa = null;
                        upper = new ArrayList<>();
                    }
                }
                case "NM1" -> loop = switch (s.get(1)) {
                    case "X3" -> "2010A";
                    case "1P" -> "2010B";
                    case "IL" -> "2010C";
                    case "QC" -> "2010D";
                    default -> "2000F".equals(loop) ? "2010F" : "2010EA";
                };
                case "HCR" -> {
                    if ("2000E".equals(loop)) {
                        hcr = s.get(1);
                    }
                }
                case "AAA" -> (aaa == null ? upper : aaa).add(loop + ":" + s.get(3) + ":" + s.get(4));
                default -> {
                }
            }
        }
        if (aaa != null) {
            events.add(describe(hcr, aaa));
        }
        return events;
    }

    private static String describe(String hcr, List<String> aaa) {
        return (hcr == null ? "-" : hcr) + " " + (aaa.isEmpty() ? "-" : String.join(",", aaa));
    }

    @Override
    public String toString() {
        return segments.stream().map(Segment::toString).collect(Collectors.joining("~\n"));
    }
}
