package org.pagateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pagateway.model.Decision;
import org.pagateway.model.Rejection;

/** samples/expected-decisions.tsv: what the payer profile decides for each sample request, event by event. */
public final class ExpectedDecisions {

    public static final Path FILE = Samples.ROOT.resolve("expected-decisions.tsv");

    /** One row: outcome, status, HCR01, queue and AAA (loop:code:follow-up), "-" for none. */
    public record Row(String sample, String outcome, String status, String action, String queue, String rejections,
            String why) {

        /** The decision in the row's terms, to compare with a row. */
        public static String describe(Decision d) {
            String aaa = d.rejections().isEmpty() ? "-"
                    : String.join(",", d.rejections().stream().map(ExpectedDecisions::aaa).toList());
            return String.join(" ", d.outcome().name(), d.status().name(), d.actionCode() == null ? "-" : d.actionCode(),
                    d.reviewQueue() == null ? "-" : d.reviewQueue(), aaa);
        }

        public String expected() {
            return String.join(" ", outcome, status, action, queue, rejections);
        }
    }

    private ExpectedDecisions() {
    }

    static String aaa(Rejection r) {
        return r.level().loop() + ":" + r.reasonCode() + ":" + r.followUp();
    }

    /** Rows grouped by sample, in file order. */
    public static Map<String, List<Row>> bySample() {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(FILE)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.computeIfAbsent(f[0], k -> new java.util.ArrayList<>()).add(new Row(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
