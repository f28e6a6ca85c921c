package org.pagateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pagateway.model.Enrollee;
import org.pagateway.model.Provider;
import org.pagateway.rules.MemberRoster;
import org.pagateway.rules.ProviderDirectory;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The file-backed reference data: a member roster and a provider directory as CSV files with a header row
 * (config/reference/members.csv and providers.csv by default). Read once; a payer with live systems replaces
 * these with its own {@link MemberRoster} and {@link ProviderDirectory}.
 */
public final class ReferenceFiles {

    public static final String MEMBERS = "config/reference/members.csv";
    public static final String PROVIDERS = "config/reference/providers.csv";

    private static final CsvMapper CSV = (CsvMapper) new CsvMapper().registerModule(new JavaTimeModule());

    private ReferenceFiles() {
    }

    public static MemberRoster roster(Path file) {
        Map<String, Enrollee> byId = read(file, MEMBERS, Enrollee.class).stream()
                .collect(Collectors.toUnmodifiableMap(Enrollee::memberId, Function.identity()));
        Map<String, List<Enrollee>> bySubscriber = byId.values().stream()
                .filter(e -> e.subscriberId() != null && !e.subscriberId().isBlank() && !e.subscriberId().equals(e.memberId()))
                .collect(Collectors.groupingBy(Enrollee::subscriberId));
        return new MemberRoster() {
            @Override
            public Optional<Enrollee> find(String memberId) {
                return Optional.ofNullable(memberId == null ? null : byId.get(memberId));
            }

            @Override
            public List<Enrollee> dependentsOf(String subscriberId) {
                return bySubscriber.getOrDefault(subscriberId, List.of());
            }
        };
    }

    public static ProviderDirectory directory(Path file) {
        Map<String, Provider> byNpi = read(file, PROVIDERS, Provider.class).stream()
                .collect(Collectors.toUnmodifiableMap(Provider::npi, Function.identity()));
        return npi -> Optional.ofNullable(npi == null ? null : byNpi.get(npi));
    }

    private static <T> List<T> read(Path file, String resource, Class<T> type) {
        ObjectReader reader = CSV.readerFor(type).with(CsvSchema.emptySchema().withHeader());
        try (InputStream in = file != null ? Files.newInputStream(file)
                : ReferenceFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            try (MappingIterator<T> rows = reader.readValues(in)) {
                return rows.readAll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + (file != null ? file : resource), e);
        }
    }
}
