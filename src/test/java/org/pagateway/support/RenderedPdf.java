package org.pagateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF read back the way a reader or a search index would: its page count and the text it yields. */
public record RenderedPdf(int pages, String text) {

    public static RenderedPdf of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new RenderedPdf(document.getNumberOfPages(), new PDFTextStripper().getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every run of whitespace as one space, so wrapped lines read as the sentence they were. */
    public String flat() {
        return text.replaceAll("\\s+", " ").strip();
    }
}
