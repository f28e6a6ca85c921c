package org.pagateway.x12;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalQuery;
import java.util.List;

import org.pagateway.x12.ack.ElementError;
import org.pagateway.x12.ack.GroupAck;
import org.pagateway.x12.ack.InterchangeAck;
import org.pagateway.x12.ack.SegmentError;
import org.pagateway.x12.ack.TransactionAck;

import io.xlate.edi.stream.EDIStreamException;

/**
 * Writes the acknowledgments of one received interchange as one interchange back: a TA1 when the sender
 * asked for one or the interchange was broken, and a 999 (005010X231A1) for every functional group.
 */
public final class AcknowledgmentWriter {

    // STRICT: the default resolver takes 261131 for Nov 30 and 2400 for midnight, which StAEDI refuses in a TA1
    private static final DateTimeFormatter STRICT_YYMMDD = DateTimeFormatter.ofPattern("uuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter STRICT_HHMM = DateTimeFormatter.ofPattern("HHmm")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final InterchangeHeader UNKNOWN_SENDER = new InterchangeHeader("ZZ", "UNKNOWN", "ZZ", "PAGATEWAY",
            null, null, "00501", null, false, "P");

    /** @return true when anything was written */
    public boolean write(OutputStream out, InterchangeHeader received, InterchangeAck interchangeAck, List<GroupHeader> groups,
            List<GroupAck> groupAcks, long controlNumber) {
        boolean ta1 = interchangeAck != null && interchangeAck.shouldSend();
        if (!ta1 && groupAcks.isEmpty()) {
            return false;
        }
        try {
            X12Out x12 = new X12Out(out);
            x12.startInterchange(received != null ? received : UNKNOWN_SENDER, controlNumber, false);
            if (ta1) {
                // TA101-TA103 echo the ISA; where that is what was wrong, a well-formed stand-in goes back
                LocalDateTime now = LocalDateTime.now();
                x12.ta1(matches(interchangeAck.controlNumber(), "\\d{9}") ? interchangeAck.controlNumber() : "000000000",
                        validDate(interchangeAck.date()) ? interchangeAck.date() : now.format(X12Out.YYMMDD),
                        validTime(interchangeAck.time()) ? interchangeAck.time() : now.format(X12Out.HHMM),
                        interchangeAck.ackCode(), interchangeAck.noteCode());
            }
            if (!groupAcks.isEmpty()) {
                x12.startGroup("FA", groups.get(0), X12Schemas.X231);
                for (int i = 0; i < groupAcks.size(); i++) {
                    write999(x12, groupAcks.get(i));
                }
                x12.endGroup();
            }
            x12.endInterchange();
            x12.close();
            return true;
        } catch (EDIStreamException e) {
            throw new IllegalStateException("the gateway built an invalid acknowledgment: " + e.getMessage(), e);
        }
    }

    private static void write999(X12Out x12, GroupAck group) throws EDIStreamException {
        x12.startTransaction("999", X12Schemas.X231, X12Schemas.get().ack999());
        x12.segment("AK1", matches(group.functionalId(), "[A-Z]{2}") ? group.functionalId() : "HI",
                matches(group.controlNumber(), "\\d{1,9}") ? group.controlNumber() : "0", group.version());
        for (TransactionAck ack : group.transactions()) {
            x12.segment("AK2", nonEmpty(ack.transactionSetId(), "278"), nonEmpty(ack.controlNumber(), "0000"),
                    implementationReference(ack.implementationReference()));
            for (SegmentError segment : ack.segmentErrors()) {
                x12.segment("IK3", segment.segmentId(), String.valueOf(Math.max(segment.position(), 1)),
                        loopId(segment.loopId()), segment.code());
                for (ElementError element : segment.elementErrors()) {
                    x12.segment("IK4", new String[] { String.valueOf(element.position()),
                            element.componentPosition() > 0 ? String.valueOf(element.componentPosition()) : null,
                            element.repetition() > 1 ? String.valueOf(element.repetition()) : null },
                            element.referenceNumber(), element.code(), badData(element.badData()));
                }
            }
            String[] codes = new String[6];
            codes[0] = ack.status();
            for (int i = 0; i < Math.min(5, ack.setErrorCodes().size()); i++) {
                codes[i + 1] = ack.setErrorCodes().get(i);
            }
            x12.segment("IK5", (Object[]) codes);
        }
        String[] ak9 = new String[9];
        ak9[0] = group.status();
        ak9[1] = String.valueOf(group.declaredTransactionCount());
        ak9[2] = String.valueOf(group.receivedTransactionCount());
        ak9[3] = String.valueOf(group.acceptedCount());
        for (int i = 0; i < Math.min(5, group.groupErrorCodes().size()); i++) {
            ak9[i + 4] = group.groupErrorCodes().get(i);
        }
        x12.segment("AK9", (Object[]) ak9);
        x12.endTransaction();
    }

    /**
     * IK303, the loop of the segment in error. X231A1 allows 4 characters, so the implementation loop
     * 2000E is sent as 2000 and 2010EA as 2010, the way payers' 999s carry it.
     */
    private static String loopId(String loop) {
        if (loop == null || loop.isEmpty() || !Character.isDigit(loop.charAt(0))) {
            return null;
        }
        return loop.length() > 4 ? loop.substring(0, 4) : loop;
    }

    /** AK203, ST03 (or GS08) as received: AN 1/35, left out when it cannot be echoed. */
    private static String implementationReference(String reference) {
        return reference != null && reference.length() <= 35 && X12Out.echoable(reference) ? reference : null;
    }

    /** IK404: a copy of the bad data, at most 99 characters, without characters that would break the 999. */
    private static String badData(String data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        String clean = data.replaceAll("[~*:^\\r\\n]", " ").trim();
        return clean.isEmpty() ? null : clean.length() > 99 ? clean.substring(0, 99) : clean;
    }

    private static boolean matches(String value, String pattern) {
        return value != null && value.matches(pattern);
    }

    private static boolean validDate(String yymmdd) {
        return parses(yymmdd, 6, STRICT_YYMMDD, LocalDate::from);
    }

    private static boolean validTime(String hhmm) {
        return parses(hhmm, 4, STRICT_HHMM, LocalTime::from);
    }

    private static boolean parses(String value, int length, DateTimeFormatter format, TemporalQuery<?> as) {
        try {
            return value != null && value.length() == length && format.parse(value, as) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
