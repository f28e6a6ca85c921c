package org.pagateway.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pagateway.model.Address;
import org.pagateway.model.Attachment;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.CodeType;
import org.pagateway.model.Contact;
import org.pagateway.model.DateRange;
import org.pagateway.model.Diagnosis;
import org.pagateway.model.Member;
import org.pagateway.model.Party;
import org.pagateway.model.PartyRole;
import org.pagateway.model.RequestCategory;
import org.pagateway.model.ServiceLine;
import org.pagateway.model.TraceNumber;

/**
 * Turns the maps that {@code mappings/x12-278-request.xml} fills into the canonical records. The mapping
 * says where each X12 element goes; this class holds the choices that depend on qualifiers (which DTP is
 * the service date, which PER number is the fax, which SV segment the line used).
 */
final class RequestAssembler {

    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private RequestAssembler() {
    }

    static AuthorizationRequest assemble(Map<String, Object> event) {
        List<Map<String, Object>> dates = maps(event.get("dates"));
        Map<String, Object> dependent = map(event.get("dependent"));
        return new AuthorizationRequest(
                RequestCategory.fromX12(text(event, "category")),
                text(event, "certificationType"),
                text(event, "serviceType"),
                text(event, "placeOfService"),
                text(event, "placeOfServiceQualifier"),
                text(event, "levelOfService"),
                party(map(event.get("payer")), PartyRole.UMO),
                party(map(event.get("requester")), PartyRole.REQUESTER),
                member(map(event.get("subscriber"))),
                dependent == null ? null : member(dependent),
                diagnoses(maps(event.get("diagnoses"))),
                lines(maps(event.get("lines"))),
                providers(maps(event.get("providers"))),
                firstDate(dates, "472", "AAH"),
                firstDate(dates, "435", "096"),
                text(event, "quantityQualifier"),
                decimal(text(event, "quantity")),
                text(event, "remarks"),
                attachments(maps(event.get("attachments"))),
                traceNumbers(maps(event.get("traces"))),
                null,
                reference(maps(event.get("references")), "BB"));
    }

    /** REF02 of the REF with that qualifier: BB is the earlier authorization a revision refers to. */
    private static String reference(List<Map<String, Object>> rows, String qualifier) {
        for (Map<String, Object> row : rows) {
            if (qualifier.equals(text(row, "qualifier"))) {
                return text(row, "value");
            }
        }
        return null;
    }

    private static List<Diagnosis> diagnoses(List<Map<String, Object>> rows) {
        List<Diagnosis> result = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            String code = text(row, "code");
            if (code != null) {
                result.add(new Diagnosis(text(row, "qualifier"), code));
            }
        }
        return result;
    }

    private static List<ServiceLine> lines(List<Map<String, Object>> rows) {
        List<ServiceLine> result = new ArrayList<>(rows.size());
        int number = 0;
        for (Map<String, Object> row : rows) {
            number++;
            String kind = row.get("professionalCode") != null ? "professional"
                    : row.get("institutionalCode") != null || row.get("revenueCode") != null ? "institutional"
                    : row.get("dentalCode") != null ? "dental" : null;
            String qualifier = kind == null ? null : text(row, kind + "Qualifier");
            String code = kind == null ? null : text(row, kind + "Code");
            String revenueCode = text(row, "revenueCode");
            List<String> modifiers = new ArrayList<>(4);
            for (int i = 1; kind != null && i <= 4; i++) {
                String modifier = text(row, kind + "Modifier" + i);
                if (modifier != null) {
                    modifiers.add(modifier);
                }
            }
            CodeType codeType = code != null ? CodeType.of(qualifier, code) : revenueCode != null ? CodeType.REVENUE : CodeType.OTHER;
            String unitType = kind == null ? text(row, "quantityQualifier") : text(row, kind + "Unit");
            BigDecimal quantity = kind == null ? null : decimal(text(row, kind + "Quantity"));
            if (quantity == null) {
                quantity = decimal(text(row, "quantity"));
                unitType = unitType != null ? unitType : text(row, "quantityQualifier");
            }
            result.add(new ServiceLine(number, text(row, "serviceType"), codeType, code != null ? code : revenueCode,
                    revenueCode, modifiers, quantity, unitType, firstDate(maps(row.get("dates")), "472", "AAH"),
                    traceNumbers(maps(row.get("traces"))), providers(maps(row.get("providers")))));
        }
        return result;
    }

    private static List<Party> providers(List<Map<String, Object>> rows) {
        List<Party> result = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            result.add(party(row, PartyRole.fromEntityCode(text(row, "entityCode"))));
        }
        return result;
    }

    private static Party party(Map<String, Object> row, PartyRole role) {
        if (row == null) {
            return null;
        }
        return new Party(role, text(row, "entityCode"), "2".equals(text(row, "entityType")),
                text(row, "lastOrOrganizationName"), text(row, "firstName"), text(row, "middleName"),
                text(row, "idQualifier"), text(row, "id"), text(row, "taxonomy"), contact(row), address(row));
    }

    private static Contact contact(Map<String, Object> row) {
        String phone = null;
        String fax = null;
        String email = null;
        for (int i = 1; i <= 3; i++) {
            String qualifier = text(row, "commQualifier" + i);
            String number = text(row, "commNumber" + i);
            if (qualifier == null || number == null) {
                continue;
            }
            switch (qualifier) {
                case "TE" -> phone = phone == null ? number : phone;
                case "FX" -> fax = fax == null ? number : fax;
                case "EM" -> email = email == null ? number : email;
                default -> {
                    // extensions (EX) and URLs (UR) are not part of the canonical contact
                }
            }
        }
        String name = text(row, "contactName");
        return name == null && phone == null && fax == null && email == null ? null : new Contact(name, phone, fax, email);
    }

    private static Address address(Map<String, Object> row) {
        String line1 = text(row, "addressLine1");
        String city = text(row, "city");
        if (line1 == null && city == null) {
            return null;
        }
        return new Address(line1, text(row, "addressLine2"), city, text(row, "state"), text(row, "postalCode"));
    }

    private static Member member(Map<String, Object> row) {
        if (row == null) {
            return null;
        }
        return new Member(text(row, "id"), text(row, "lastOrOrganizationName"), text(row, "firstName"),
                text(row, "middleName"), text(row, "suffix"), date(text(row, "birthDate")), text(row, "gender"),
                text(row, "relationshipCode"));
    }

    private static List<Attachment> attachments(List<Map<String, Object>> rows) {
        List<Attachment> result = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            result.add(new Attachment(text(row, "reportType"), text(row, "transmissionCode"), text(row, "controlNumber")));
        }
        return result;
    }

    private static List<TraceNumber> traceNumbers(List<Map<String, Object>> rows) {
        List<TraceNumber> result = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            String number = text(row, "number");
            if (number != null) {
                result.add(new TraceNumber(number, text(row, "originator")));
            }
        }
        return result;
    }

    /** The first DTP with one of the qualifiers, in the order given: D8 is one day, RD8 a range. */
    private static DateRange firstDate(List<Map<String, Object>> dates, String... qualifiers) {
        for (String qualifier : qualifiers) {
            for (Map<String, Object> row : dates) {
                if (qualifier.equals(text(row, "qualifier"))) {
                    return dateRange(text(row, "format"), text(row, "value"));
                }
            }
        }
        return null;
    }

    static DateRange dateRange(String format, String value) {
        if (value == null) {
            return null;
        }
        if ("RD8".equals(format) && value.length() == 17) {
            return new DateRange(date(value.substring(0, 8)), date(value.substring(9)));
        }
        return DateRange.on(date(value.length() >= 8 ? value.substring(0, 8) : value));
    }

    private static LocalDate date(String value) {
        if (value == null || value.length() != 8) {
            return null;
        }
        try {
            return LocalDate.parse(value, D8);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Map<String, Object> row, String key) {
        Object value = row.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }

    private static Map<String, Object> map(Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
        return map == null || map.isEmpty() ? null : map;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
