package org.pagateway.rules;

import java.util.List;

import org.pagateway.model.CodeType;
import org.pagateway.model.Outcome;

/**
 * One row of the seed's requested-service table: how to recognise it in a request, which codes its service
 * lines must carry, which providers it needs, and what it gets decided.
 */
public record ServiceRule(
        String id,
        String name,
        List<Match> match,
        String vendor,
        Outcome decision,
        AutoApprove autoApprove,
        String queue,
        Codes codes,
        List<ProviderRequirement> requires,
        boolean separateSurgeonAuthorization,
        boolean documentsRequired,
        List<String> priorAuthorizationProducts,
        List<String> evaluationCodes,
        BenefitLimit benefitLimit) {

    public ServiceRule {
        match = match == null ? List.of() : List.copyOf(match);
        requires = requires == null ? List.of() : List.copyOf(requires);
        priorAuthorizationProducts = priorAuthorizationProducts == null ? List.of() : List.copyOf(priorAuthorizationProducts);
        evaluationCodes = evaluationCodes == null ? List.of() : List.copyOf(evaluationCodes);
        decision = decision == null ? Outcome.MEDREVIEW : decision;
    }

    /** One way to recognise the service; every part given must hold. */
    public record Match(List<String> categories, List<String> serviceTypes, List<String> procedures,
            List<String> revenueCodes) {
        public Match {
            categories = categories == null ? List.of() : List.copyOf(categories);
            serviceTypes = serviceTypes == null ? List.of() : List.copyOf(serviceTypes);
            procedures = procedures == null ? List.of() : List.copyOf(procedures);
            revenueCodes = revenueCodes == null ? List.of() : List.copyOf(revenueCodes);
        }
    }

    /** What every service line must carry: a code of these types, within these ranges, or these revenue codes. */
    public record Codes(List<CodeType> types, List<String> ranges, List<String> revenueCodes) {
        public Codes {
            types = types == null ? List.of() : List.copyOf(types);
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
            revenueCodes = revenueCodes == null ? List.of() : List.copyOf(revenueCodes);
        }
    }

    public record AutoApprove(int visits) {
    }

    /** Members of these products have at most this many visits a benefit period. */
    public record BenefitLimit(List<String> products, int visits) {
        public BenefitLimit {
            products = products == null ? List.of() : List.copyOf(products);
        }
    }

    public enum ProviderRequirement {
        /** A facility among the servicing providers (NM1 FA). */
        FACILITY,
        /** The surgeon among the servicing providers (NM1 72). */
        SURGEON,
        /** The servicing provider is a DME vendor in the provider directory. */
        DME_VENDOR,
        /** An individual provider, not only a group, is named as servicing provider. */
        INDIVIDUAL
    }
}
