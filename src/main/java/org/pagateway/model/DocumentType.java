package org.pagateway.model;

/** The kinds of clinical document the gateway keeps: what the seed portal and a fax server produce. */
public enum DocumentType {
    PDF("application/pdf", "pdf"),
    TIFF("image/tiff", "tif"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg");

    private final String mediaType;
    private final String extension;

    DocumentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name ending the gateway gives the document, whatever the uploader called it. */
    public String extension() {
        return extension;
    }

    public static DocumentType ofMediaType(String mediaType) {
        for (DocumentType t : values()) {
            if (t.mediaType.equals(mediaType)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a document media type: " + mediaType);
    }
}
