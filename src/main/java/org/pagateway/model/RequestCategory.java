package org.pagateway.model;

/** UM01: what kind of review the provider asks for. */
public enum RequestCategory {
    ADMISSION_REVIEW("AR"),
    HEALTH_SERVICES_REVIEW("HS"),
    SPECIALTY_CARE_REVIEW("SC");

    private final String x12Code;

    RequestCategory(String x12Code) {
        this.x12Code = x12Code;
    }

    public String x12Code() {
        return x12Code;
    }

    /** The seed's "Request Type" column: a specialist referral, or a prior authorization. */
    public String requestType() {
        return this == SPECIALTY_CARE_REVIEW ? "Referral" : "Prior Auth";
    }

    /** The seed viewer's "Inpatient/Outpatient": an admission is inpatient. */
    public String inpatientOutpatient() {
        return this == ADMISSION_REVIEW ? "Inpatient" : "Outpatient";
    }

    /** Null when UM01 is missing or not one of these: the 278's validation reports that. */
    public static RequestCategory fromX12(String code) {
        for (RequestCategory c : values()) {
            if (c.x12Code.equals(code)) {
                return c;
            }
        }
        return null;
    }
}
