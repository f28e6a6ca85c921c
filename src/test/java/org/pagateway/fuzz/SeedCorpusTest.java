package org.pagateway.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagateway.support.Samples;

/**
 * The fuzz tests start from committed copies of every sample and conformance file (their Inputs folders, which
 * Jazzer reads from the classpath); a sample added later must be copied there too, or it seeds nothing.
 */
class SeedCorpusTest {

    static final Path X12_SEEDS = Path.of("src/test/resources/org/pagateway/fuzz/X12AnswerFuzzTestInputs",
            "everyX12InputIsAnsweredInValidX12");
    static final Path JSON_SEEDS = Path.of("src/test/resources/org/pagateway/fuzz/JsonIntakeFuzzTestInputs",
            "everyJsonBodyIsAnsweredOrRefused");

    @Test
    void everyX12SampleAndConformanceFileSeedsTheX12FuzzTest() {
        List<String> missing = new ArrayList<>();
        missing.addAll(unseeded(Samples.list(Samples.ROOT.resolve("x12"), ".edi"), "sample-", X12_SEEDS));
        missing.addAll(unseeded(Samples.list(Samples.ROOT.resolve("x12").resolve("broken"), ".edi"), "broken-", X12_SEEDS));
        List<Path> conformance = Samples.list(Samples.CONFORMANCE, "").stream()
                .filter(file -> !file.getFileName().toString().endsWith(".md")).toList();
        assertFalse(conformance.isEmpty(), "no conformance files in " + Samples.CONFORMANCE);
        missing.addAll(unseeded(conformance, "conformance-", X12_SEEDS));
        assertEquals(List.of(), missing, "copy each as PREFIX-NAME (sample-, broken-, conformance-) into " + X12_SEEDS);
    }

    @Test
    void everyJsonSampleSeedsTheJsonFuzzTest() {
        List<String> missing = new ArrayList<>();
        missing.addAll(unseeded(Samples.list(Samples.ROOT.resolve("json"), ".json"), "sample-", JSON_SEEDS));
        missing.addAll(unseeded(Samples.list(Samples.ROOT.resolve("json").resolve("broken"), ".json"), "broken-", JSON_SEEDS));
        assertEquals(List.of(), missing, "copy each as PREFIX-NAME (sample-, broken-) into " + JSON_SEEDS);
    }

    /** The files that have no identical copy named PREFIX-NAME among the seeds. */
    private static List<String> unseeded(List<Path> files, String prefix, Path seeds) {
        assertFalse(files.isEmpty(), "nothing to seed from with prefix " + prefix);
        return files.stream().filter(file -> {
            Path seed = seeds.resolve(prefix + file.getFileName());
            return !Files.exists(seed) || !Arrays.equals(Samples.bytes(file), Samples.bytes(seed));
        }).map(file -> prefix + file.getFileName()).toList();
    }
}
