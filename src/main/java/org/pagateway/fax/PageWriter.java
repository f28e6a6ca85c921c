package org.pagateway.fax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * One US Letter page written top to bottom. Callers measure and wrap first, then draw; a line that would fall
 * below the bottom margin is a layout bug, so it fails loudly instead of being cut off unseen.
 */
final class PageWriter implements AutoCloseable {

    static final float MARGIN = 54;
    static final String ELLIPSIS = "...";

    final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDPage page = new PDPage(PDRectangle.LETTER);
    private final PDPageContentStream content;
    private float y;

    PageWriter(PDDocument document) throws IOException {
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return page.getMediaBox().getWidth() - 2 * MARGIN;
    }

    /** Height left above the bottom margin. */
    float remaining() {
        return y - MARGIN;
    }

    void down(float points) {
        y -= points;
    }

    /** Draws one line with its baseline at the current position; the text must already fit the width. */
    void text(PDFont font, float size, float x, String text) throws IOException {
        if (y < MARGIN - 0.01f) {
            throw new IllegalStateException("page full: " + remaining() + " points left");
        }
        String safe = WinAnsiText.safe(font, text);
        if (safe.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(safe);
        content.endText();
    }

    /** A thin line across the page at the current position. */
    void rule() throws IOException {
        content.setLineWidth(0.5f);
        content.moveTo(MARGIN, y);
        content.lineTo(MARGIN + width(), y);
        content.stroke();
    }

    static float widthOf(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(WinAnsiText.safe(font, text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text broken into lines no wider than the width, at most maxLines of them; when it does not fit, the
     * last line ends in "...". Words longer than a line (a pasted URL, 255 characters without a space) are split.
     */
    static List<String> wrap(PDFont font, float size, String text, float width, int maxLines) {
        List<String> lines = new ArrayList<>();
        String safe = WinAnsiText.safe(font, text).strip();
        if (safe.isEmpty() || maxLines <= 0) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : safe.split(" +")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (widthOf(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (widthOf(font, size, rest) > width) {
                int fits = fitting(font, size, rest, width);
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        kept.set(maxLines - 1, shortened(font, size, kept.get(maxLines - 1), width));
        return kept;
    }

    /** One line of text, cut with "..." when it is wider than the width. */
    static String fit(PDFont font, float size, String text, float width) {
        String safe = WinAnsiText.safe(font, text);
        return widthOf(font, size, safe) <= width ? safe : shortened(font, size, safe, width);
    }

    private static String shortened(PDFont font, float size, String line, float width) {
        String cut = line;
        while (!cut.isEmpty() && widthOf(font, size, cut + ELLIPSIS) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.stripTrailing() + ELLIPSIS;
    }

    /** How many leading characters fit the width; at least one, so splitting always moves on. */
    private static int fitting(PDFont font, float size, String word, float width) {
        int n = 1;
        while (n < word.length() && widthOf(font, size, word.substring(0, n + 1)) <= width) {
            n++;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
