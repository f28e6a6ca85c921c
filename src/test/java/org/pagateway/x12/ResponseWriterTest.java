package org.pagateway.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Channel;
import org.pagateway.model.Disposition;
import org.pagateway.rules.DecisionEngine;
import org.pagateway.rules.Ruling;
import org.pagateway.support.ExpectedDecisions;
import org.pagateway.support.RecordingListener;
import org.pagateway.support.Samples;
import org.pagateway.support.X12Parsed;

/**
 * The 278 response to every sample, decided by the payer profile: it passes the response schema read back
 * through StAEDI, and each 2000E carries the HCR and AAA (at the right loop) the expected decision gives.
 */
class ResponseWriterTest {

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
    void everySampleIsAnsweredWithTheHcrOrAaaOfItsDecision() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<ExpectedDecisions.Row>> sample : ExpectedDecisions.bySample().entrySet()) {
            RecordingListener read = RecordingListener.read(reader, Samples.bytes(Samples.x12(sample.getKey() + ".edi")));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ResponseWriter writer = null;
            int id = 0;
            for (ReadTransaction transaction : read.transactions) {
                if (writer == null) {
                    writer = new ResponseWriter(out, transaction.interchange(), 1);
                }
                List<Disposition> dispositions = new ArrayList<>();
                for (AuthorizationRequest request : transaction.requests()) {
                    Ruling ruling = engine.decide(request, org.pagateway.rules.DecisionEngineTest.WEEKDAY);
                    List<Authorization> made = new ArrayList<>();
                    for (AuthorizationRequest r : ruling.authorizations()) {
                        made.add(new Authorization(String.format("26334R%05d", ++id), Channel.X12_FILE, "test", r,
                                ruling.decision(), org.pagateway.rules.DecisionEngineTest.WEEKDAY));
                    }
                    dispositions.add(new Disposition(request, ruling.decision(), made));
                }
                writer.write(transaction.group(), dispositions);
            }
            writer.finish();
            X12Parsed response = X12Parsed.read(out.toByteArray());
            if (!response.errors().isEmpty()) {
                wrong.add(sample.getKey() + ": " + response.errors());
            }
            List<String> expected = sample.getValue().stream().map(r -> r.action() + " " + r.rejections()).toList();
            if (!expected.equals(response.eventDecisions())) {
                wrong.add(sample.getKey() + ": expected " + expected + " but the 278 says " + response.eventDecisions());
            }
        }
        assertEquals(List.of(), wrong);
    }
}
