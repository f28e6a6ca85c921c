package org.pagateway.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagateway.http.X12Api;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.X12Parsed;

/**
 * The broken-file corpus: every {@code samples/x12/broken/NAME.edi} has one defect and, beside it,
 * {@code NAME.expected} with the acknowledgment segments X12 (005010X231A1 for the 999, the TA1 rules of the
 * interchange control structure) says the answer must contain. Each file is posted to a running gateway as X12 over
 * HTTP; the answer must pass the gateway's own schemas and contain every expected segment.
 *
 * <p>Format of an {@code .expected} file, one entry per line:
 * <ul>
 * <li>a segment as {@link X12Parsed.Segment#toString()} prints it ({@code IK3*DTP*28*2000*8}), matched exactly;
 * an element written as a lone {@code ?} matches any value of that element (for a field that is not stable);</li>
 * <li>{@code # prefix: LINE}: that segment line (also listed on its own) is matched as a prefix, e.g. {@code HCR*A4*}
 * before the authorization number the gateway assigns;</li>
 * <li>{@code # only: TAG TAG...}: for these segment tags the answer holds exactly the expected segments, no more
 * (e.g. {@code IK3 IK4}: the single defect is not reported twice; {@code ST}: a TA1-only answer, nothing processed);</li>
 * <li>any other line starting with {@code #} is a comment (what the defect is, why that answer); blank lines are ignored.</li>
 * </ul>
 */
@ExtendWith(RunningGateway.class)
class BrokenCorpusTest {

    static final Path BROKEN = Samples.ROOT.resolve("x12").resolve("broken");

    static Stream<Path> corpus() {
        return Samples.list(BROKEN, ".edi").stream().filter(edi -> Files.exists(expectedFile(edi)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyBrokenFileGetsTheAnswerTheStandardGives(Path edi) {
        Expected expected = Expected.read(expectedFile(edi));
        HttpResponse<byte[]> response = RunningGateway.post("/x12/278", X12Api.X12, Samples.bytes(edi));
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
        assertEquals(200, response.statusCode(), edi.getFileName() + " must be answered in X12, not:\n" + body);

        X12Parsed answer = X12Parsed.read(response.body());
        String shown = edi.getFileName() + " was answered:\n" + answer;
        if (!isTa1Only(answer)) {
            assertEquals(List.of(), answer.errors(), "the answer must pass the gateway's own schemas; " + shown);
        }
        List<String> segments = answer.segments().stream().map(X12Parsed.Segment::toString).toList();
        List<String> missing = expected.lines().stream()
                .filter(line -> segments.stream().noneMatch(segment -> expected.matches(line, segment))).toList();
        assertEquals(List.of(), missing, "expected segments missing; " + shown);

        for (String tag : expected.only()) {
            List<String> wanted = expected.lines().stream().filter(line -> tagOf(line).equals(tag)).toList();
            List<String> got = segments.stream().filter(segment -> tagOf(segment).equals(tag)).toList();
            List<String> unexpected = got.stream()
                    .filter(segment -> wanted.stream().noneMatch(line -> expected.matches(line, segment))).toList();
            assertEquals(List.of(), unexpected, "no other " + tag + " segments may be in the answer; " + shown);
            assertEquals(wanted.size(), got.size(), "the answer must hold exactly " + wanted.size() + " " + tag
                    + " segment(s); " + shown);
        }
    }

    @Test
    void everyBrokenFileHasAnExpectedAnswerAndEveryExpectedAnswerItsFile() {
        List<Path> edis = Samples.list(BROKEN, ".edi");
        assertFalse(edis.isEmpty(), "no broken files under " + BROKEN);
        List<String> withoutExpected = edis.stream().filter(edi -> !Files.exists(expectedFile(edi)))
                .map(edi -> edi.getFileName().toString()).toList();
        assertEquals(List.of(), withoutExpected, "every broken file needs its .expected answer beside it");
        List<String> orphans = Samples.list(BROKEN, ".expected").stream()
                .filter(exp -> !Files.exists(exp.resolveSibling(stem(exp) + ".edi")))
                .map(exp -> exp.getFileName().toString()).toList();
        assertEquals(List.of(), orphans, ".expected files without their .edi");
    }

    @Test
    void everyExpectedAnswerIsWellFormed() {
        for (Path file : Samples.list(BROKEN, ".expected")) {
            Expected expected = Expected.read(file);
            assertFalse(expected.lines().isEmpty(), file + " names no segment");
            for (String line : expected.lines()) {
                assertTrue(line.matches("[A-Z][A-Z0-9]{1,2}\\*.*"), file + ": not a segment: " + line);
            }
            for (String prefix : expected.prefixes()) {
                assertTrue(expected.lines().contains(prefix), file + ": prefix " + prefix + " is not one of its lines");
            }
        }
    }

    private static boolean isTa1Only(X12Parsed answer) {
        Set<String> tags = answer.segments().stream().map(X12Parsed.Segment::tag).collect(Collectors.toSet());
        return tags.contains("TA1") && Set.of("ISA", "TA1", "IEA").containsAll(tags);
    }

    private static Path expectedFile(Path edi) {
        return edi.resolveSibling(stem(edi) + ".expected");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static String tagOf(String segment) {
        int star = segment.indexOf('*');
        return star < 0 ? segment : segment.substring(0, star);
    }

    /** One parsed .expected file. */
    record Expected(List<String> lines, Set<String> prefixes, Set<String> only) {

        static Expected read(Path file) {
            List<String> lines = new ArrayList<>();
            Set<String> prefixes = new LinkedHashSet<>();
            Set<String> only = new LinkedHashSet<>();
            try {
                for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String line = raw.strip();
                    if (line.startsWith("# prefix:")) {
                        prefixes.add(line.substring("# prefix:".length()).strip());
                    } else if (line.startsWith("# only:")) {
                        only.addAll(Arrays.asList(line.substring("# only:".length()).strip().split("\\s+")));
                    } else if (!line.isEmpty() && !line.startsWith("#")) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Expected(List.copyOf(lines), prefixes, only);
        }

        /** Whether an answer segment is what this expected line asks for. */
        boolean matches(String line, String segment) {
            if (prefixes.contains(line)) {
                return segment.startsWith(line);
            }
            String[] want = line.split("\\*", -1);
            String[] got = segment.split("\\*", -1);
            if (want.length != got.length) {
                return false;
            }
            for (int i = 0; i < want.length; i++) {
                if (!want[i].equals("?") && !want[i].equals(got[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
