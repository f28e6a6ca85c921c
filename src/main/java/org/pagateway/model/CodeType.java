package org.pagateway.model;

/** The code set of a service line: SV1/SV2/SV3 product/service ID qualifier. */
public enum CodeType {
    CPT("HC"), HCPCS("HC"), REVENUE("NU"), CDT("AD"), OTHER("ZZ");

    private final String qualifier;

    CodeType(String qualifier) {
        this.qualifier = qualifier;
    }

    public String x12Qualifier() {
        return qualifier;
    }

    /** HC carries both CPT and HCPCS Level II; a letter in front tells HCPCS apart. */
    public static CodeType of(String qualifier, String code) {
        if (qualifier == null || qualifier.isEmpty()) {
            return code != null && code.length() == 4 && code.chars().allMatch(Character::isDigit) ? REVENUE : OTHER;
        }
        return switch (qualifier) {
            case "HC", "HP" -> code != null && !code.isEmpty() && Character.isLetter(code.charAt(0)) ? HCPCS : CPT;
            case "NU" -> REVENUE;
            case "AD" -> CDT;
            default -> OTHER;
        };
    }
}
