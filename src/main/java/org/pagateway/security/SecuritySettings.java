package org.pagateway.security;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Who may call, how much, and over what: the keys and trading partners files, the rate per client, the size limits
 * of HTTP bodies and X12 input, and TLS. Part of {@link org.pagateway.GatewaySettings}, read the same way (property,
 * environment variable, application.properties).
 *
 * @param keys               the API keys file; null: data/api-keys.csv under the home, made on first start
 * @param partners           the trading partners file; null: config/trading-partners.csv as shipped
 * @param ratePerSecond      requests a client may make per second, sustained; 0: no limit
 * @param burst              requests a client may make at once
 * @param jsonBodyBytes      largest JSON body (and any other body but X12 and uploads)
 * @param x12BodyBytes       largest X12 body over HTTP (bigger batches go through the inbox)
 * @param setSegments        most segments in one transaction set, X12 files and HTTP alike
 * @param interchangeSegments most segments in one interchange
 * @param tlsKeystore        keystore with the server's key and certificate; null: plain HTTP
 * @param tlsPassword        its password (also the key's)
 * @param tlsType            its type: PKCS12 (default) or JKS
 */
public record SecuritySettings(Path keys, Path partners, double ratePerSecond, int burst, long jsonBodyBytes,
        long x12BodyBytes, int setSegments, long interchangeSegments, Path tlsKeystore, String tlsPassword, String tlsType) {

    public static SecuritySettings load(Function<String, String> lookup) {
        return new SecuritySettings(
                optionalPath(lookup.apply("gateway.security.keys")),
                optionalPath(lookup.apply("gateway.security.partners")),
                Double.parseDouble(lookup.apply("gateway.security.rate")),
                Integer.parseInt(lookup.apply("gateway.security.burst")),
                Long.parseLong(lookup.apply("gateway.limits.json.bytes")),
                Long.parseLong(lookup.apply("gateway.limits.x12.bytes")),
                Integer.parseInt(lookup.apply("gateway.limits.x12.set.segments")),
                Long.parseLong(lookup.apply("gateway.limits.x12.interchange.segments")),
                optionalPath(lookup.apply("gateway.http.tls.keystore")),
                lookup.apply("gateway.http.tls.password"),
                blankTo(lookup.apply("gateway.http.tls.type"), "PKCS12"));
    }

    public boolean tls() {
        return tlsKeystore != null;
    }

    /** The keys file in use: the configured one, or data/api-keys.csv. */
    public Path keysFile(Path dataDir) {
        return keys != null ? keys : dataDir.resolve("api-keys.csv");
    }

    private static Path optionalPath(String value) {
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath().normalize();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** No password in a log line or a failure message. */
    @Override
    public String toString() {
        return "SecuritySettings[keys=" + keys + ", partners=" + partners + ", rate=" + ratePerSecond + "/s, burst=" + burst
                + ", json=" + jsonBodyBytes + " B, x12=" + x12BodyBytes + " B, set=" + setSegments + " segments, interchange="
                + interchangeSegments + " segments, tls=" + (tls() ? tlsKeystore + " (" + tlsType + ")" : "off") + "]";
    }
}
