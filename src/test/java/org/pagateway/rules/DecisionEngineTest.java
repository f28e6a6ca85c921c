package org.pagateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.AuthorizationStatus;
import org.pagateway.model.CanonicalJson;
import org.pagateway.model.Enrollee;
import org.pagateway.model.Outcome;
import org.pagateway.model.PartyRole;
import org.pagateway.store.ReferenceFiles;
import org.pagateway.support.ExpectedDecisions;
import org.pagateway.support.RecordingListener;
import org.pagateway.support.Samples;
import org.pagateway.x12.X12RequestReader;

/** Every sample request, as X12 and as its JSON twin, gets the decision samples/expected-decisions.tsv gives it. */
public class DecisionEngineTest {

    /** A Monday afternoon in Boston: outside the maintenance window. */
    public static final Instant WEEKDAY = Instant.parse("2026-11-30T20:00:00Z");

    private static X12RequestReader reader;
    private final DecisionEngine engine = DecisionEngine.standard();

    @BeforeAll
    static void open() {
        reader = new X12RequestReader();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void everySampleGetsTheDecisionOfTheSeedRules() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<ExpectedDecisions.Row>> sample : ExpectedDecisions.bySample().entrySet()) {
            List<AuthorizationRequest> requests = RecordingListener
                    .read(reader, Samples.bytes(Samples.x12(sample.getKey() + ".edi"))).requests();
            assertEquals(sample.getValue().size(), requests.size(), sample.getKey() + ": events");
            for (int i = 0; i < requests.size(); i++) {
                check(sample.getKey() + ".edi event " + (i + 1), sample.getValue().get(i), requests.get(i), wrong);
            }
            var twin = Samples.json(sample.getKey() + ".json");
            if (Files.exists(twin)) {
                check(twin.getFileName().toString(), sample.getValue().get(0),
                        CanonicalJson.mapper().readValue(twin.toFile(), AuthorizationRequest.class), wrong);
            }
        }
        assertEquals(List.of(), wrong);
    }

    private void check(String what, ExpectedDecisions.Row row, AuthorizationRequest request, List<String> wrong) {
        String got = ExpectedDecisions.Row.describe(engine.decide(request, WEEKDAY).decision());
        if (!got.equals(row.expected())) {
            wrong.add(what + ": expected " + row.expected() + " (" + row.why() + ") but got " + got);
        }
    }

    @Test
    void aSurgicalDayCareMakesAFacilityAndASurgeonAuthorization() {
        Ruling ruling = engine.decide(x12("01-outpatient-surgical-sdc"), WEEKDAY);
        assertEquals(2, ruling.authorizations().size());
        assertEquals(List.of(PartyRole.FACILITY), ruling.authorizations().get(0).servicingProviders().stream().map(p -> p.role()).toList());
        assertEquals(List.of(PartyRole.SURGEON), ruling.authorizations().get(1).servicingProviders().stream().map(p -> p.role()).toList());
    }

    @Test
    void aTherapyEvaluationAddsOneVisitAndSaysSoInTheRemarks() {
        AuthorizationRequest sent = x12("07-physical-therapy-eval");
        // as a provider who forgot the rule sends it: 12 visits, nothing in the remarks
        AuthorizationRequest forgot = sent.withQuantity("VS", new BigDecimal("12")).withRemarks("Low back pain.");
        AuthorizationRequest decided = engine.decide(forgot, WEEKDAY).authorizations().get(0);
        assertEquals(0, new BigDecimal("13").compareTo(decided.quantity()), "12 treatment visits + 1 evaluation");
        assertEquals("1 visit for Evaluation. Low back pain.", decided.remarks());
        // already counted and noted: left as sent
        assertEquals(sent, engine.decide(sent, WEEKDAY).authorizations().get(0));
    }

    @Test
    void duringTheMaintenanceWindowEverythingIsPendedWithTheProcessedLaterText() {
        // third weekend of December 2026: Saturday the 19th; the window runs Friday 17:00 to Monday 07:00, Boston time
        Instant saturday = Instant.parse("2026-12-19T15:00:00Z");
        for (String sample : List.of("02-referral-specialist", "17-sleep-study-carveout", "34-unknown-member")) {
            var decision = engine.decide(x12(sample), saturday).decision();
            assertEquals(Outcome.PEND, decision.outcome(), sample);
            assertTrue(decision.faxNotice().startsWith("Your request has been received and will be processed at a later time."));
            assertTrue(decision.reviewQueue().startsWith("review.pend."), decision.reviewQueue());
        }
        assertEquals(Outcome.APPROVED, engine.decide(x12("02-referral-specialist"), Instant.parse("2026-12-18T21:59:00Z"))
                .decision().outcome(), "Friday 16:59 Boston time is before the window");
        assertEquals(Outcome.PEND, engine.decide(x12("02-referral-specialist"), Instant.parse("2026-12-18T22:00:00Z"))
                .decision().outcome(), "Friday 17:00 Boston time opens it");
        assertEquals(Outcome.APPROVED, engine.decide(x12("02-referral-specialist"), Instant.parse("2026-12-21T12:00:00Z"))
                .decision().outcome(), "Monday 07:00 Boston time closes it");
    }

    @Test
    void withoutTheRosterTheRequestIsPendedNotLost() {
        MemberRoster down = new MemberRoster() {
            @Override
            public Optional<Enrollee> find(String memberId) {
                throw new IllegalStateException("eligibility system unreachable");
            }

            @Override
            public List<Enrollee> dependentsOf(String subscriberId) {
                throw new IllegalStateException("eligibility system unreachable");
            }
        };
        DecisionEngine blind = new DecisionEngine(PayerProfile.standard(), down, ReferenceFiles.directory(null));
        Ruling ruling = blind.decide(x12("02-referral-specialist"), WEEKDAY);
        assertEquals(AuthorizationStatus.PEND, ruling.decision().status());
        assertEquals("review.pend.referral", ruling.decision().reviewQueue());
        assertEquals(1, ruling.authorizations().size());
    }

    private static AuthorizationRequest x12(String sample) {
        return RecordingListener.read(reader, Samples.bytes(Samples.x12(sample + ".edi"))).requests().get(0);
    }
}
