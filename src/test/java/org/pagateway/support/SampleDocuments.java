package org.pagateway.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.pagateway.fax.FaxCover;
import org.pagateway.fax.FaxCoverSheet;

/** Real documents of each kind a provider sends, made on the spot: no clinical file lives in the repo. */
public final class SampleDocuments {

    private SampleDocuments() {
    }

    /** A real PDF: a fax cover sheet. */
    public static byte[] pdf(String authorizationId) {
        return FaxCoverSheet.render(new FaxCover(null, null, authorizationId, "Dr. Example", null, null, null, null,
                "Clinical notes", null));
    }

    /** A small picture in an ImageIO format: "png", "jpeg" or "tiff". */
    public static byte[] image(String format) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
