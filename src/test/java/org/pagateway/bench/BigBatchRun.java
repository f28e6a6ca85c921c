package org.pagateway.bench;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.pagateway.support.Batches;
import org.pagateway.support.GatewayProcess;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;

/**
 * The streaming benchmark: one batch file of N transaction sets (100,000 by default, about 100 MB) dropped into
 * the inbox of a gateway running in its own JVM with a 256 MB heap. It prints the size, the time until the file
 * is archived (read, decided, stored, queued and answered) and the rate; the gateway's progress lines, one per
 * 1,000 sets, are in its log. A heap too small would end the gateway with an OutOfMemoryError, and the run with it.
 *
 * <pre>mvn -Pbench test-compile exec:exec -Dbench.main=org.pagateway.bench.BigBatchRun -Dbench.args="100000"</pre>
 */
public final class BigBatchRun {

    private BigBatchRun() {
    }

    public static void main(String[] args) throws Exception {
        int sets = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String sample = args.length > 1 ? args[1] : "07-physical-therapy-eval.edi";
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "big-batch")), "home-").toAbsolutePath();
        Path staging = home.resolve("batch.edi.staging");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(staging), 1 << 20)) {
            Batches.write(Samples.bytes(Samples.x12(sample)), sets, out);
        }
        long bytes = Files.size(staging);
        System.out.printf("batch: %,d sets of %s, %.1f MB%n", sets, sample, bytes / 1e6);

        try (GatewayProcess gateway = new GatewayProcess(home, Map.of(
                "gateway.broker.port", String.valueOf(RunningGateway.freePort()), "gateway.inbox.delay", "200"))) {
            gateway.start();
            long start = System.nanoTime();
            Files.move(staging, home.resolve("inbox").resolve("batch.edi"), StandardCopyOption.ATOMIC_MOVE);
            Path archived = home.resolve("archive").resolve("batch.edi");
            GatewayProcess.await(Duration.ofHours(3), "the batch archived", () -> Files.exists(archived));
            double seconds = (System.nanoTime() - start) / 1e9;
            long answered = count(home.resolve("outbox").resolve("batch.edi.278.x12"), "REF*NT*");
            System.out.printf("answered %,d of %,d sets in %.0f s: %.0f sets/s, %.2f MB/s, gateway heap -Xmx256m%n",
                    answered, sets, seconds, sets / seconds, bytes / 1e6 / seconds);
            System.out.println("gateway log: " + gateway.log());
        }
    }

    /** Occurrences of a marker in a file, read in chunks. */
    private static long count(Path file, String marker) throws Exception {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        long found = 0;
        int matched = 0;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            int b;
            while ((b = in.read()) >= 0) {
                matched = b == needle[matched] ? matched + 1 : (b == needle[0] ? 1 : 0);
                if (matched == needle.length) {
                    found++;
                    matched = 0;
                }
            }
        }
        return found;
    }
}
