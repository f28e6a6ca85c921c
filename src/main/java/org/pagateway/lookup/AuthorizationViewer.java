package org.pagateway.lookup;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationLookup;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.AuthorizationSummary;
import org.pagateway.model.AuthorizationView;
import org.pagateway.model.DateRange;
import org.pagateway.model.Diagnosis;
import org.pagateway.model.Enrollee;
import org.pagateway.model.Party;
import org.pagateway.model.Provider;
import org.pagateway.model.ProviderRef;
import org.pagateway.model.ServiceLine;
import org.pagateway.rules.MemberRoster;
import org.pagateway.rules.PayerProfile;
import org.pagateway.rules.ProviderDirectory;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.store.DocumentStore;

/**
 * The seed portal's "Authorizations & Referrals Viewer" for practice-management systems: one authorization with what
 * the viewer shows (the member's product and PCP from the roster, the providers with their sites from the
 * directory), and the lookups by member or site. Reference data that cannot be read leaves its fields empty rather
 * than failing the lookup.
 */
public final class AuthorizationViewer {

    private final AuthorizationStore store;
    private final DocumentStore documents;
    private final MemberRoster roster;
    private final ProviderDirectory directory;
    private final PayerProfile profile;

    public AuthorizationViewer(AuthorizationStore store, DocumentStore documents, MemberRoster roster,
            ProviderDirectory directory, PayerProfile profile) {
        this.store = store;
        this.documents = documents;
        this.roster = roster;
        this.directory = directory;
        this.profile = profile;
    }

    public Optional<AuthorizationView> view(String id) {
        return store.find(id).map(this::view);
    }

    public List<AuthorizationSummary> search(AuthorizationLookup lookup) {
        return store.search(lookup);
    }

    private AuthorizationView view(Authorization a) {
        AuthorizationRequest r = a.request();
        String memberId = memberId(r);
        Optional<Enrollee> member = enrollee(memberId);
        String product = member.map(Enrollee::product).orElse(null);
        ProviderRef servicing = servicing(r);
        DateRange dates = r.servicePeriod();
        List<AuthorizationView.Line> lines = r.serviceLines().isEmpty() && r.quantity() != null
                // the event's units (a referral's visits) are its one line, as the seed's viewer always shows one
                ? List.of(new AuthorizationView.Line(1, a.status(), null, null, List.of(), r.quantity(), BigDecimal.ZERO,
                        r.quantityQualifier(), dates))
                : r.serviceLines().stream().map(l -> line(l, a)).toList();
        return new AuthorizationView(a.id(), a.status(),
                r.category() == null ? null : r.category().requestType(),
                r.category() == null ? null : r.category().inpatientOutpatient(),
                memberId, product, product == null ? null : profile.products().get(product),
                member.map(Enrollee::pcpNpi).map(this::provider).orElse(null),
                party(r.requester()), servicing, servicing,
                r.diagnoses().isEmpty() ? null : r.diagnoses().get(0).code(),
                r.diagnoses().stream().map(Diagnosis::code).toList(),
                a.createdAt().atZone(profile.payer().zone()).toLocalDate(),
                dates == null ? null : dates.start(), dates == null ? null : dates.end(),
                lines, a.channel(), a.sourceName(), a.createdAt(), r, a.decision(),
                documents.list(a.id()), store.history(a.id()));
    }

    /** Each line stands as the authorization does; the gateway sees no claims, so none of its units is used yet. */
    private static AuthorizationView.Line line(ServiceLine l, Authorization a) {
        return new AuthorizationView.Line(l.lineNumber(), a.status(), l.code(), l.codeType(), l.modifiers(), l.quantity(),
                BigDecimal.ZERO, l.unitType(), l.serviceDates());
    }

    /** The dependent's member ID when the request has one, else the subscriber's: whom the lookups find it under. */
    private static String memberId(AuthorizationRequest r) {
        if (r.patient() != null && r.patient().memberId() != null) {
            return r.patient().memberId();
        }
        return r.subscriber() == null ? null : r.subscriber().memberId();
    }

    /**
     * "Referred To" and "Pay To": the servicing provider the authorization is for (the facility, or the surgeon of a
     * surgical day care's second authorization), else the provider of its first service line.
     */
    private ProviderRef servicing(AuthorizationRequest r) {
        if (!r.servicingProviders().isEmpty()) {
            return party(r.servicingProviders().get(0));
        }
        return r.serviceLines().stream().flatMap(l -> l.providers().stream()).findFirst().map(this::party).orElse(null);
    }

    private ProviderRef party(Party party) {
        if (party == null) {
            return null;
        }
        String npi = party.npi() != null ? party.npi() : party.id();
        return new ProviderRef(party.displayName(), npi, directoryEntry(npi).map(Provider::site).orElse(null));
    }

    private ProviderRef provider(String npi) {
        return directoryEntry(npi).map(p -> new ProviderRef(p.name(), p.npi(), p.site())).orElse(new ProviderRef(null, npi, null));
    }

    private Optional<Provider> directoryEntry(String npi) {
        try {
            return npi == null ? Optional.empty() : directory.find(npi);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Enrollee> enrollee(String memberId) {
        try {
            return memberId == null ? Optional.empty() : roster.find(memberId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
