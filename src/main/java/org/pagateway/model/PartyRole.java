package org.pagateway.model;

/** What a party does in a request; the X12 entity identifier codes (NM101) map onto these. */
public enum PartyRole {
    UMO, REQUESTER, FACILITY, SURGEON, VENDOR, SERVICING, ATTENDING, ADMITTING, REFERRING,
    PRIMARY_CARE, OTHER;

    /** NM101 of the 2010EA/2010F loops. */
    public static PartyRole fromEntityCode(String nm101) {
        return switch (nm101 == null ? "" : nm101) {
            case "X3" -> UMO;
            case "1P" -> REQUESTER;
            case "FA" -> FACILITY;
            // the operating physician of a surgical request is the seed's "servicing surgeon"
            case "72" -> SURGEON;
            case "71" -> ATTENDING;
            case "AAJ" -> ADMITTING;
            case "DN", "DK" -> REFERRING;
            case "P3" -> PRIMARY_CARE;
            case "SJ" -> SERVICING;
            case "G3", "QB", "QV" -> VENDOR;
            default -> OTHER;
        };
    }
}
