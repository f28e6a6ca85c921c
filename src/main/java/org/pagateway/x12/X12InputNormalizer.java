package org.pagateway.x12;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Drops what real senders put around segments and StAEDI would take for data: a UTF-8 byte-order mark,
 * and white space (newlines, CRLF, indentation) after each segment terminator. The terminator is learnt
 * from every ISA (byte 106), so interchanges with different delimiters can share one file. An ISA that is
 * not 106 bytes with its separators where they belong teaches nothing: StAEDI then reports it as it is.
 */
final class X12InputNormalizer extends InputStream {

    private static final int ISA_LENGTH = 106;
    private static final int[] ISA_SEPARATOR_POSITIONS = { 3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103 };

    private final InputStream in;
    private final byte[] pending = new byte[ISA_LENGTH];
    private int pendingPos;
    private int pendingLen;
    private int terminator = -1;
    private boolean atSegmentStart = true;
    private boolean atStreamStart = true;
    private String lastIsa;

    X12InputNormalizer(InputStream in) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024);
    }

    @Override
    public int read() throws IOException {
        if (pendingPos < pendingLen) {
            return next(pending[pendingPos++] & 0xff);
        }
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
                learnDelimiters();
            }
        }
        return next(c);
    }

    private int next(int c) {
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

    /** Called with the 'I' of a possible ISA already read: peek the rest and keep it to hand out next. */
    private void learnDelimiters() throws IOException {
        pending[0] = 'I';
        int n = 1;
        while (n < ISA_LENGTH) {
            int r = in.read(pending, n, ISA_LENGTH - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        // pending[0] goes out as the return value of this read(); the rest on the next calls
        pendingPos = 1;
        pendingLen = n;
        lastIsa = new String(pending, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (n == ISA_LENGTH && pending[1] == 'S' && pending[2] == 'A' && separatorsInPlace()) {
            terminator = pending[ISA_LENGTH - 1] & 0xff;
        }
    }

    private boolean separatorsInPlace() {
        byte separator = pending[3];
        for (int position : ISA_SEPARATOR_POSITIONS) {
            if (pending[position] != separator) {
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
        if (lastIsa == null || lastIsa.length() < 4 || !lastIsa.startsWith("ISA")) {
            return new String[0];
        }
        return lastIsa.split(java.util.regex.Pattern.quote(String.valueOf(lastIsa.charAt(3))), -1);
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
            if (count > 0 && in.available() == 0 && pendingPos >= pendingLen) {
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
