package org.pagateway.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The payer's rules as configuration (config/payer-profile.yaml): who the payer is, the portal's limits, the
 * maintenance window, the member products and the requested-service table.
 */
public record PayerProfile(Payer payer, Limits limits, MaintenanceWindow maintenanceWindow, Map<String, String> products,
        List<ServiceRule> services) {

    public static final String DEFAULT_RESOURCE = "config/payer-profile.yaml";

    public PayerProfile {
        products = products == null ? Map.of() : Map.copyOf(products);
        services = services == null ? List.of() : List.copyOf(services);
    }

    public record Payer(String name, String id, String fax, String confidentialityPhone, String timeZone) {
        public ZoneId zone() {
            return ZoneId.of(timeZone == null ? "America/New_York" : timeZone);
        }
    }

    public record Limits(int remarks, int diagnoses, int phoneDigits) {
    }

    /** The file named, or the profile shipped on the classpath when none is. */
    public static PayerProfile load(Path file) {
        try (InputStream in = file != null ? Files.newInputStream(file)
                : PayerProfile.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is not on the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .findAndRegisterModules().readValue(in, PayerProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the payer profile " + (file != null ? file : DEFAULT_RESOURCE), e);
        }
    }

    public static PayerProfile standard() {
        return load(null);
    }
}
