package org.pagateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A gateway in a JVM of its own, as an operator runs it (GatewayMain), so a test can kill it with SIGKILL and
 * start it again on the same home. Its log goes to a file the test can watch.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Path home;
    private final int httpPort;
    private final Map<String, String> properties;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private int starts;

    public GatewayProcess(Path home, Map<String, String> properties) throws IOException {
        this(home, properties, Map.of());
    }

    /** With environment variables too (GATEWAY_DB_URL...), the way an operator configures a gateway. */
    public GatewayProcess(Path home, Map<String, String> properties, Map<String, String> environment) throws IOException {
        this.home = home;
        this.httpPort = RunningGateway.freePort();
        this.properties = properties;
        this.environment = environment;
        this.log = home.resolve("gateway.log");
    }

    public int httpPort() {
        return httpPort;
    }

    public GatewayProcess start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dgateway.home=" + home, "-Dgateway.http.port=" + httpPort));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        // the gateway as shipped: its classes and dependencies, not the tests (with target/test-classes on the
        // class path Camel Main discovers the YAML routes twice and refuses to start)
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        command.addAll(List.of("-cp", classPath, "org.pagateway.GatewayMain"));
        starts++;
        Files.writeString(home.resolve("gateway.command"), String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        // generous: on a busy machine two gateways starting side by side take a while
        awaitHealthy(Duration.ofSeconds(120));
        return this;
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await(timeout, "a healthy gateway (start " + starts + ")", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway process ended with " + process.exitValue() + ":\n" + tail());
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** Waits until a line of the log satisfies the condition. */
    public void awaitLog(Predicate<String> line, Duration timeout, String what) {
        await(timeout, what, () -> {
            try {
                return Files.exists(log) && Files.readAllLines(log).stream().anyMatch(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook stops the gateway cleanly. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public Path log() {
        return log;
    }

    /** The end of the log, for a failure message: the test's home is gone once it fails. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static void await(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
