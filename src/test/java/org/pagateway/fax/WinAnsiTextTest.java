package org.pagateway.fax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class WinAnsiTextTest {

    private final PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void winAnsiLettersAndPunctuationStay() {
        assertEquals("Zoë Ødegård – “quoted” €5 • Œuvre", WinAnsiText.safe(helvetica, "Zoë Ødegård – “quoted” €5 • Œuvre"));
    }

    @Test
    void accentsTheFontLacksAreDroppedAndTheRestBecomesAQuestionMark() {
        assertEquals("Dvorák ?ódz", WinAnsiText.safe(helvetica, "Dvořák Łódź"));
        assertEquals("?? ? x", WinAnsiText.safe(helvetica, "北京 🙂 x"));
    }

    @Test
    void lineBreaksAndTabsBecomeSpacesAndInvisibleCharactersGo() {
        assertEquals("a b c d", WinAnsiText.safe(helvetica, "a\nb\tc\u00A0d"));
        assertEquals("ab", WinAnsiText.safe(helvetica, "a\u200Bb\u0007"));
        assertEquals("", WinAnsiText.safe(helvetica, null));
    }
}
