package org.pagateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.pagateway.model.CanonicalJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The patient data the samples and the member roster hold, read from them (never typed into a test): member last and
 * first names, birth dates as X12 writes them (CCYYMMDD) and as JSON does (yyyy-MM-dd), diagnosis codes without and
 * with the dot, and the remarks. What logs must never carry.
 */
public record PatientData(Set<String> names, Set<String> birthDates, Set<String> diagnoses, Set<String> remarks) {

    /** Everything under samples/ (valid and broken, X12 and JSON) and config/reference/members.csv. */
    public static PatientData fromSamples() {
        PatientData data = new PatientData(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        data.readRoster(Path.of("config", "reference", "members.csv"));
        for (Path folder : List.of(Samples.ROOT.resolve("x12"), Samples.ROOT.resolve("x12").resolve("broken"))) {
            Samples.list(folder, ".edi").forEach(data::readX12);
        }
        for (Path folder : List.of(Samples.ROOT.resolve("json"), Samples.ROOT.resolve("json").resolve("broken"))) {
            Samples.list(folder, ".json").forEach(data::readJson);
        }
        return data;
    }

    /** Each value with the pattern that finds it in a log line, the value first. */
    public List<Object[]> patterns() {
        List<Object[]> patterns = new ArrayList<>();
        // whole words only, so a name is not found inside another word and a code not inside an authorization ID
        names.forEach(n -> patterns.add(new Object[] { "name " + n, Pattern.compile("(?i)(?<![A-Za-z])" + Pattern.quote(n) + "(?![A-Za-z])") }));
        birthDates.forEach(d -> patterns.add(new Object[] { "birth date " + d, Pattern.compile("(?<![0-9])" + Pattern.quote(d) + "(?![0-9])") }));
        diagnoses.forEach(d -> patterns.add(new Object[] { "diagnosis " + d, Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(d) + "(?![A-Za-z0-9])") }));
        remarks.forEach(r -> patterns.add(new Object[] { "remarks " + r, Pattern.compile("(?i)" + Pattern.quote(r)) }));
        return patterns;
    }

    private void readRoster(Path csv) {
        List<String> lines = lines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            name(cells[header.indexOf("lastName")]);
            name(cells[header.indexOf("firstName")]);
            birthDate(cells[header.indexOf("birthDate")]);
        }
    }

    /** Subscriber (NM1*IL) and dependent (NM1*QC) names, DMG birth dates, HI diagnoses and MSG remarks. */
    private void readX12(Path file) {
        String x12 = new String(Samples.bytes(file), StandardCharsets.ISO_8859_1).replaceFirst("^\uFEFF", "").strip();
        char element = x12.length() > 3 ? x12.charAt(3) : '*';
        char component = x12.length() > 105 ? x12.charAt(104) : ':';
        char terminator = x12.length() > 105 ? x12.charAt(105) : '~';
        if (Character.isLetterOrDigit(terminator) || Character.isWhitespace(terminator)) {
            terminator = '~';
        }
        for (String segment : x12.split(Pattern.quote(String.valueOf(terminator)))) {
            String[] e = segment.strip().split(Pattern.quote(String.valueOf(element)), -1);
            switch (e[0]) {
                case "NM1" -> {
                    if (e.length > 4 && (e[1].equals("IL") || e[1].equals("QC"))) {
                        name(e[3]);
                        name(e[4]);
                    }
                }
                case "DMG" -> {
                    if (e.length > 2 && e[1].equals("D8")) {
                        birthDate(e[2]);
                    }
                }
                case "HI" -> {
                    for (int i = 1; i < e.length; i++) {
                        String[] parts = e[i].split(Pattern.quote(String.valueOf(component)));
                        if (parts.length > 1) {
                            diagnosis(parts[1]);
                        }
                    }
                }
                case "MSG" -> {
                    if (e.length > 1) {
                        remarks(e[1]);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void readJson(Path file) {
        JsonNode request;
        try {
            request = CanonicalJson.mapper().readTree(Samples.bytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String who : new String[] { "subscriber", "patient" }) {
            name(request.at("/" + who + "/lastName").asText());
            name(request.at("/" + who + "/firstName").asText());
            birthDate(request.at("/" + who + "/birthDate").asText());
        }
        request.path("diagnoses").forEach(d -> diagnosis(d.path("code").asText()));
        remarks(request.path("remarks").asText());
    }

    private void name(String name) {
        // a middle initial is no name to look for: one letter is in every log line
        if (name != null && name.strip().length() > 1) {
            names.add(name.strip());
        }
    }

    private void birthDate(String date) {
        if (date.matches("\\d{8}")) {
            birthDates.add(date);
            birthDates.add(date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6));
        } else if (date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            birthDates.add(date);
            birthDates.add(date.replace("-", ""));
        }
    }

    private void diagnosis(String code) {
        String plain = code.replace(".", "").strip();
        if (plain.length() >= 3) {
            diagnoses.add(plain);
            if (plain.length() > 3) {
                diagnoses.add(plain.substring(0, 3) + "." + plain.substring(3));
            }
        }
    }

    /** The remarks whole, and their first 24 characters: a truncated remark is still a leak. */
    private void remarks(String text) {
        String remark = text.strip();
        if (remark.length() >= 12) {
            remarks.add(remark);
            if (remark.length() > 24) {
                remarks.add(remark.substring(0, 24));
            }
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
