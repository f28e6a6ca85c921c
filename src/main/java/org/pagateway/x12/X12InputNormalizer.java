package org.pagateway.x12;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Drops what real senders put around segments and StAEDI would take for data: a UTF-8 byte-order mark,
 * and white space (newlines, CRLF, indentation) after each segment terminator. The terminator is learnt
 * from every ISA (byte 106), so interchanges with different delimiters can share one file. An ISA that is
 * not 106 bytes with its separators where they belong teaches nothing: StAEDI then reports it as it is.
 * An ISA is recognised by looking ahead and rewinding, so every byte goes through the same path once.
 */
final class X12InputNormalizer extends InputStream {

    private static final int ISA_LENGTH = 106;
    private static final int[] ISA_SEPARATOR_POSITIONS = { 3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103 };

    private final BufferedInputStream in;
    private final byte[] lookahead = new byte[ISA_LENGTH];
    private int terminator = -1;
    private boolean atSegmentStart = true;
    private boolean atStreamStart = true;
    private String lastIsa;

    X12InputNormalizer(InputStream in) {
        this.in = in instanceof BufferedInputStream buffered ? buffered : new BufferedInputStream(in, 64 * 1024);
    }

    @Override
    public int read() throws IOException {
        int c = in.read();
        if (atStreamStart) {
            atStreamStart = false;
            c = skipByteOrderMark(c);
        }
        if (atSegmentStart) {
            while (c == ' ' || c == '\r' || c == '\n' || c == '\t') {
                c = in.read();
            }
            atSegmentStart = false;
            if (c == 'I') {
                lookForIsa();
            }
        }
        if (c == terminator && c != -1) {
            atSegmentStart = true;
        }
        return c;
    }

    private int skipByteOrderMark(int c) throws IOException {
        if (c != 0xEF) {
            return c;
        }
        in.mark(2);
        if (in.read() == 0xBB && in.read() == 0xBF) {
            return in.read();
        }
        in.reset();
        return c;
    }

    /** Called with the 'I' of a segment just read: peeks at the rest and rewinds, learning from an ISA. */
    private void lookForIsa() throws IOException {
        in.mark(ISA_LENGTH);
        lookahead[0] = 'I';
        int n = 1;
        while (n < ISA_LENGTH) {
            int r = in.read(lookahead, n, ISA_LENGTH - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        in.reset();
        if (n < 3 || lookahead[1] != 'S' || lookahead[2] != 'A') {
            return;
        }
        lastIsa = new String(lookahead, 0, n, StandardCharsets.ISO_8859_1);
        if (n == ISA_LENGTH && separatorsInPlace()) {
            terminator = lookahead[ISA_LENGTH - 1] & 0xff;
        }
    }

    private boolean separatorsInPlace() {
        byte separator = lookahead[3];
        for (int position : ISA_SEPARATOR_POSITIONS) {
            if (lookahead[position] != separator) {
                return false;
            }
        }
        return true;
    }

    /**
     * ISA13 of the last ISA seen, read by position of the separator even when the ISA is not padded to 106
     * characters, so the TA1 refusing a broken ISA can still name the interchange. Null when not found.
     */
    String lastInterchangeControlNumber() {
        String[] fields = lastIsaFields();
        if (fields.length > 13 && fields[13].trim().matches("\\d{1,9}")) {
            return String.format("%09d", Integer.parseInt(fields[13].trim()));
        }
        return null;
    }

    /** The elements of the last ISA seen, split at its own separator; empty when there was none. */
    String[] lastIsaFields() {
        if (lastIsa == null || lastIsa.length() < 4) {
            return new String[0];
        }
        return lastIsa.split(Pattern.quote(String.valueOf(lastIsa.charAt(3))), -1);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int count = 0;
        while (count < len) {
            int c = read();
            if (c < 0) {
                return count == 0 ? -1 : count;
            }
            b[off + count++] = (byte) c;
            if (in.available() == 0) {
                break;
            }
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
