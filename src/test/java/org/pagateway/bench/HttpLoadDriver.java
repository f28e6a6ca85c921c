package org.pagateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.pagateway.Gateway;
import org.pagateway.GatewaySettings;
import org.pagateway.support.TestKeys;

/**
 * Open-loop HTTP load on a gateway started in this JVM on free ports: requests go out at a fixed rate
 * whether or not earlier ones have been answered, and each latency is measured from when the request was
 * due, so a stall shows up in the percentiles instead of slowing the driver down. Bounded in count and
 * time; loopback only.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.pagateway.bench.HttpLoadDriver \
 *     -Dexec.args="json 500 30"</pre>
 * args: json|x12, requests per second, seconds of measurement (after 5 s of warm-up at the same rate).
 */
public final class HttpLoadDriver {

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "json";
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        boolean json = kind.equals("json");
        byte[] body = Files.readAllBytes(json ? Path.of("samples/json/01-outpatient-surgical-sdc.json")
                : Path.of("samples/x12/01-outpatient-surgical-sdc.edi"));
        String path = json ? "/api/v1/authorizations" : "/x12/278";
        String contentType = json ? "application/json" : "application/edi-x12";

        Path home = Files.createTempDirectory("pa-gateway-load");
        // one client at a load no client may make: the rate limit is off, the admin key of the tests is sent
        try (Gateway gateway = Gateway.start(GatewaySettings.load(Map.of("gateway.home", home.toString(),
                "gateway.http.port", String.valueOf(freePort()), "gateway.broker.port", String.valueOf(freePort()),
                "gateway.security.keys", TestKeys.write(home.resolve("api-keys.csv")).toString(),
                "gateway.security.rate", "0")))) {
            URI uri = URI.create("http://127.0.0.1:" + gateway.settings().httpPort() + path);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(8)).build();
            System.out.printf("warm-up: %s at %d/s for 5 s%n", kind, rate);
            run(client, uri, contentType, body, rate, 5);
            System.out.printf("measuring: %s at %d/s for %d s%n", kind, rate, seconds);
            Result result = run(client, uri, contentType, body, rate, seconds);
            System.out.println(result);
        }
        System.exit(0);
    }

    private record Result(int sent, int ok, int failed, long[] latenciesMicros, double seconds) {
        @Override
        public String toString() {
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return String.format("sent %d, answered %d, failed %d, achieved %.0f/s; latency ms p50 %.1f p90 %.1f p99 %.1f "
                    + "p99.9 %.1f max %.1f", sent, ok, failed, ok / seconds, pct(sorted, 50), pct(sorted, 90),
                    pct(sorted, 99), pct(sorted, 99.9), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1000.0;
        }
    }

    private static Result run(HttpClient client, URI uri, String contentType, byte[] body, int rate, int seconds)
            throws InterruptedException {
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        AtomicInteger next = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            // catch up on every request that is due by now, each timed from its own due time
            long now = System.nanoTime();
            while (next.get() < total && start + next.get() * intervalNanos <= now) {
                long due = start + next.getAndIncrement() * intervalNanos;
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + TestKeys.ADMIN).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    latencies.add((System.nanoTime() - due) / 1000);
                    if (error == null && response.statusCode() < 300) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    done.countDown();
                });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        boolean finished = done.await(seconds + 60L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] values = latencies.stream().mapToLong(Long::longValue).toArray();
        return new Result(next.get(), ok.get(), failed.get() + (finished ? 0 : total - values.length), values, elapsed);
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
