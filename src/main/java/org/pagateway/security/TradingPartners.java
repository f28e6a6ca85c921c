package org.pagateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The X12 senders the gateway answers: ISA05 qualifier and ISA06 sender ID, each mapped to a trading partner. An
 * interchange from any other sender is refused with a TA1 (TA105 006) and nothing in it is processed. A CSV file
 * {@code qualifier,senderId,partner}, with # comments; config/trading-partners.csv (made up) by default.
 */
public final class TradingPartners {

    public static final String SHIPPED = "config/trading-partners.csv";
    private static final String HEADER = "qualifier,senderId,partner";

    private final Map<String, String> partners;

    private TradingPartners(Map<String, String> partners) {
        this.partners = Map.copyOf(partners);
    }

    /** The partner an interchange's sender is, if it is one. ISA06 is compared without its padding. */
    public Optional<String> partner(String qualifier, String senderId) {
        if (qualifier == null || senderId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(partners.get(key(qualifier, senderId)));
    }

    public boolean knows(String qualifier, String senderId) {
        return partner(qualifier, senderId).isPresent();
    }

    /** The file named by gateway.security.partners, or (null) the shipped one. */
    public static TradingPartners load(Path file) {
        try (InputStream in = file != null ? Files.newInputStream(file)
                : TradingPartners.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(),
                    file != null ? file.toString() : SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trading partners file " + (file != null ? file : SHIPPED), e);
        }
    }

    /** The shipped, made-up partners: what tests and tools that wire an intake by hand use. */
    public static TradingPartners shipped() {
        return load(null);
    }

    static TradingPartners parse(List<String> lines, String name) {
        Map<String, String> partners = new HashMap<>();
        for (ConfigLines.Row row : ConfigLines.parse(lines, HEADER, 3, name).rows()) {
            String[] fields = row.fields();
            if (fields.length != 3 || fields[0].isBlank() || fields[1].isBlank()) {
                throw new IllegalStateException(name + ", line " + row.number() + ": " + HEADER + " expected");
            }
            partners.put(key(fields[0], fields[1]), fields[2].strip());
        }
        return new TradingPartners(partners);
    }

    private static String key(String qualifier, String senderId) {
        return qualifier.strip() + ":" + senderId.strip();
    }
}
