package org.pagateway.validation;

import java.util.ArrayList;
import java.util.List;

import org.pagateway.http.Problem.FieldError;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Contact;
import org.pagateway.model.Diagnosis;
import org.pagateway.model.Member;
import org.pagateway.model.ServiceLine;

/**
 * The portal's field rules for a JSON request (the seed guide's limits): who asks, for whom, what and when.
 * Each broken rule names its field, so a practice-management system can point at it.
 */
public final class RequestValidator {

    public static final int MAX_REMARKS = 255;
    public static final int MAX_DIAGNOSES = 6;

    public List<FieldError> validate(AuthorizationRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.category() == null) {
            errors.add(new FieldError("category", "is required: ADMISSION_REVIEW, HEALTH_SERVICES_REVIEW or SPECIALTY_CARE_REVIEW"));
        }
        if (r.isRevision() || r.previousAuthorizationId() != null) {
            errors.add(new FieldError(r.isRevision() ? "certificationType" : "previousAuthorizationId",
                    "a revision (certificationType S revised, 4 extension, 3 cancel) of an authorization is sent to"
                            + " POST /api/v1/authorizations/{id}/revisions, not as a new request"));
        }
        if (blank(r.serviceType())) {
            errors.add(new FieldError("serviceType", "is required (the X12 service type code, UM03)"));
        }
        if (r.requester() == null) {
            errors.add(new FieldError("requester", "is required"));
        } else {
            if (blank(r.requester().id())) {
                errors.add(new FieldError("requester.id", "is required (the requesting provider's NPI)"));
            }
            contact("requester.contact", r.requester().contact(), true, errors);
        }
        member("subscriber", r.subscriber(), errors);
        if (r.patient() != null) {
            member("patient", r.patient(), errors);
        }
        diagnoses(r.diagnoses(), errors);
        lines(r.serviceLines(), errors);
        if (r.serviceDates() != null && !r.serviceDates().isValid()) {
            errors.add(new FieldError("serviceDates", "start date is after end date"));
        }
        if (r.remarks() != null && r.remarks().length() > MAX_REMARKS) {
            errors.add(new FieldError("remarks", "is " + r.remarks().length() + " characters; at most " + MAX_REMARKS));
        }
        for (int i = 0; i < r.servicingProviders().size(); i++) {
            contact("servicingProviders[" + i + "].contact", r.servicingProviders().get(i).contact(), false, errors);
        }
        return errors;
    }

    private static void member(String field, Member member, List<FieldError> errors) {
        if (member == null) {
            errors.add(new FieldError(field, "is required"));
            return;
        }
        boolean byName = !blank(member.lastName()) && !blank(member.firstName()) && member.birthDate() != null;
        if (blank(member.memberId()) && !byName) {
            errors.add(new FieldError(field + ".memberId", "is required, or lastName, firstName and birthDate together"));
        }
    }

    private static void contact(String field, Contact contact, boolean required, List<FieldError> errors) {
        if (contact == null) {
            if (required) {
                errors.add(new FieldError(field, "is required: a 10-digit phone and fax"));
            }
            return;
        }
        tenDigits(field + ".phone", contact.phone(), required, errors);
        tenDigits(field + ".fax", contact.fax(), required, errors);
    }

    private static void tenDigits(String field, String value, boolean required, List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required: exactly 10 digits"));
            }
        } else if (!value.matches("\\d{10}")) {
            errors.add(new FieldError(field, "must be exactly 10 digits, area code first"));
        }
    }

    private static void diagnoses(List<Diagnosis> diagnoses, List<FieldError> errors) {
        if (diagnoses.isEmpty()) {
            errors.add(new FieldError("diagnoses", "at least one diagnosis is required, the primary first"));
        } else if (diagnoses.size() > MAX_DIAGNOSES) {
            errors.add(new FieldError("diagnoses", "has " + diagnoses.size() + " entries; at most " + MAX_DIAGNOSES));
        }
        for (int i = 0; i < diagnoses.size(); i++) {
            String code = diagnoses.get(i).code();
            if (blank(code) || !code.matches("[A-Z][0-9][0-9A-Z]{1,5}")) {
                errors.add(new FieldError("diagnoses[" + i + "].code", "must be an ICD-10-CM code without the dot, e.g. M1711"));
            }
        }
    }

    private static void lines(List<ServiceLine> lines, List<FieldError> errors) {
        for (int i = 0; i < lines.size(); i++) {
            ServiceLine line = lines.get(i);
            if (blank(line.code()) && blank(line.revenueCode())) {
                errors.add(new FieldError("serviceLines[" + i + "].code", "is required (CPT, HCPCS or revenue code)"));
            }
            if (line.quantity() != null && line.quantity().signum() <= 0) {
                errors.add(new FieldError("serviceLines[" + i + "].quantity", "must be more than zero"));
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
