package org.pagateway.fax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text a standard 14 font can draw. Helvetica only knows WinAnsi, and PDFBox throws on anything else, so a
 * member name in Cyrillic or a pasted emoji would otherwise cost the provider the whole document.
 */
final class WinAnsiText {

    private WinAnsiText() {
    }

    /** Line breaks and tabs become spaces, accents the font lacks are dropped, what is still unknown becomes '?'. */
    static String safe(PDFont font, String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                // zero-width and control characters draw nothing: leave them out
                return;
            } else if (encodable(font, cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(fallback(font, cp));
            }
        });
        return out.toString();
    }

    /** The base letters of a decomposed character ("ő" to "o"), or '?' when even those cannot be drawn. */
    private static String fallback(PDFont font, int cp) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder base = new StringBuilder();
        decomposed.codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(base::appendCodePoint);
        if (base.length() == 0 || base.codePoints().anyMatch(c -> !encodable(font, c))) {
            return "?";
        }
        return base.toString();
    }

    private static boolean encodable(PDFont font, int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
