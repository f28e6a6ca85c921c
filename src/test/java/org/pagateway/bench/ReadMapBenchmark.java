package org.pagateway.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.pagateway.x12.GroupHeader;
import org.pagateway.x12.InterchangeHeader;
import org.pagateway.x12.ReadTransaction;
import org.pagateway.x12.X12Listener;
import org.pagateway.support.Batches;
import org.pagateway.support.Batches;
import org.pagateway.x12.X12RequestReader;
import org.pagateway.x12.X12Schemas;
import org.pagateway.x12.ack.GroupAck;
import org.pagateway.x12.ack.InterchangeAck;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;

/**
 * Read + validate + map throughput of the X12 278 request path ({@link X12RequestReader}: StAEDI with the
 * 005010X217 request schema, then the Smooks mapping into {@code AuthorizationRequest}).
 *
 * <ul>
 * <li>{@code oneMessage}: one whole interchange (ISA..IEA, one ST..SE, one 2000E) per operation.</li>
 * <li>{@code batch10k}: one interchange, one GS, 10,000 ST..SE built in memory from sample 01; the score is
 * per transaction set ({@code @OperationsPerInvocation(10000)}).</li>
 * <li>{@code plainStaediRead10k}: the same batch bytes through a bare StAEDI {@link EDIStreamReader} with the
 * same factory properties and the same request schema set at START_TRANSACTION (validation on), no Smooks,
 * no SAX, no model: the floor the full path can be compared with.</li>
 * </ul>
 *
 * Samples are read from {@code samples/x12} relative to the working directory (the repo root when run through
 * {@code mvn -Pbench test-compile exec:exec}) or a parent of it; JMH's {@code -jvmArgsAppend -Dpagateway.samples=DIR}
 * points elsewhere.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Threads(1)
@Warmup(iterations = 4, time = 10)
@Measurement(iterations = 3, time = 5)
public class ReadMapBenchmark {

    static final String SAMPLE = "01-outpatient-surgical-sdc.edi";
    static final int BATCH_SIZE = 10_000;

    X12RequestReader reader;
    byte[] oneMessage;
    byte[] batch;
    EDIInputFactory staediFactory;
    Schema requestSchema;

    /**
     * Each benchmark runs in its own fork, so the setup checks only what that benchmark reads: the full
     * read+map pass over the 10,000-set batch costs as much as a measured invocation, and is done (as a
     * check, and in effect as JIT warm-up) only in the batch10k fork.
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws IOException {
        String benchmark = params.getBenchmark();
        reader = new X12RequestReader();
        oneMessage = Files.readAllBytes(samplesDir().resolve(SAMPLE));

        // same factory properties as org.pagateway.x12.X12SaxReader
        staediFactory = EDIInputFactory.newFactory();
        staediFactory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        staediFactory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        staediFactory.setProperty(EDIInputFactory.EDI_NEST_HIERARCHICAL_LOOPS, true);
        requestSchema = X12Schemas.get().request278();

        // measure the real path only: every set accepted, one request each, envelopes clean
        verify("oneMessage", oneMessage, 1);
        if (benchmark.endsWith(".oneMessage")) {
            return;
        }
        batch = Batches.build(oneMessage, BATCH_SIZE);
        if (benchmark.endsWith(".plainStaediRead10k")) {
            long[] plain = staediPass(batch);
            if (plain[0] != BATCH_SIZE || plain[1] != 0) {
                throw new IllegalStateException("plain StAEDI pass over the batch: " + plain[0] + " transactions, "
                        + plain[1] + " validation errors (want " + BATCH_SIZE + ", 0)");
            }
        } else {
            verify("batch10k", batch, BATCH_SIZE);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        reader.close();
    }

    @Benchmark
    public void oneMessage(Blackhole bh) {
        Counting listener = new Counting(bh);
        reader.read(new ByteArrayInputStream(oneMessage), listener);
        listener.expect(1);
        bh.consume(listener.requests);
    }

    /**
     * One invocation reads 10,000 sets (35-60 s on the 2-core box at the time of writing, see docs/benchmarks.md),
     * so the setup's checking pass stands in for warm-up and each measurement iteration is one invocation.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH_SIZE)
    @Warmup(iterations = 0)
    @Measurement(iterations = 2, time = 1)
    public void batch10k(Blackhole bh) {
        Counting listener = new Counting(bh);
        reader.read(new ByteArrayInputStream(batch), listener);
        listener.expect(BATCH_SIZE);
        bh.consume(listener.requests);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH_SIZE)
    @Warmup(iterations = 1, time = 5)
    @Measurement(iterations = 3, time = 5)
    public void plainStaediRead10k(Blackhole bh) {
        long[] counts = staediPass(batch);
        bh.consume(counts[0]);
        bh.consume(counts[1]);
    }

    /** A bare StAEDI read: {transactions ended, validation errors}. */
    long[] staediPass(byte[] bytes) {
        long transactions = 0;
        long errors = 0;
        try (EDIStreamReader r = staediFactory.createEDIStreamReader(new ByteArrayInputStream(bytes))) {
            while (r.hasNext()) {
                EDIStreamEvent event = r.next();
                switch (event) {
                    case START_TRANSACTION -> r.setTransactionSchema(requestSchema);
                    case END_TRANSACTION -> transactions++;
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors++;
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException e) {
            throw new IllegalStateException("StAEDI could not read the batch", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] { transactions, errors };
    }

    private void verify(String what, byte[] bytes, int expected) {
        Checking check = new Checking();
        reader.read(new ByteArrayInputStream(bytes), check);
        List<String> problems = new ArrayList<>();
        if (check.transactions != expected) {
            problems.add(check.transactions + " transactions");
        }
        if (check.accepted != expected) {
            problems.add(check.accepted + " accepted");
        }
        if (check.requests != expected || check.setsWithOtherThanOneRequest != 0) {
            problems.add(check.requests + " requests, " + check.setsWithOtherThanOneRequest + " sets without exactly one");
        }
        if (check.groups != 1 || !"A".equals(check.groupStatus)) {
            problems.add(check.groups + " groups, AK9 status " + check.groupStatus);
        }
        if (check.interchanges != 1 || !check.interchangeAccepted) {
            problems.add(check.interchanges + " interchanges, TA1 note " + check.interchangeNote);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(what + ": want " + expected + " accepted transactions with one request each, got "
                    + String.join("; ", problems) + (check.firstRejection == null ? "" : "; first rejection " + check.firstRejection));
        }
    }

    static Path samplesDir() {
        String configured = System.getProperty("pagateway.samples");
        if (configured != null) {
            return Path.of(configured);
        }
        // the repo root normally; walk up in case JMH runs from target/ or a module folder
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("samples/x12");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("samples/x12 not found from " + dir + "; run from the repo root or set -Dpagateway.samples");
    }

    /** The listener the benchmarks use: hands each transaction to the Blackhole and counts requests. */
    static final class Counting implements X12Listener {
        private final Blackhole bh;
        int accepted;
        int requests;

        Counting(Blackhole bh) {
            this.bh = bh;
        }

        @Override
        public void transaction(ReadTransaction transaction) {
            if (transaction.ack().accepted()) {
                accepted++;
            }
            requests += transaction.requests().size();
            bh.consume(transaction);
        }

        /** A cheap per-invocation guard on top of the setup check: a rejected set is not the path we time. */
        void expect(int sets) {
            if (accepted != sets || requests != sets) {
                throw new IllegalStateException(accepted + " accepted sets, " + requests + " requests; want " + sets + " of each");
            }
        }

        @Override
        public void groupEnded(GroupHeader header, GroupAck ack) {
            bh.consume(ack);
        }

        @Override
        public void interchangeEnded(InterchangeHeader header, InterchangeAck ack) {
            bh.consume(ack);
        }
    }

    /** The listener the setup checks with. */
    static final class Checking implements X12Listener {
        int transactions;
        int accepted;
        int requests;
        int setsWithOtherThanOneRequest;
        int groups;
        String groupStatus;
        int interchanges;
        boolean interchangeAccepted;
        String interchangeNote;
        String firstRejection;

        @Override
        public void transaction(ReadTransaction transaction) {
            transactions++;
            if (transaction.ack().accepted()) {
                accepted++;
            } else if (firstRejection == null) {
                firstRejection = transaction.ack().toString();
            }
            requests += transaction.requests().size();
            if (transaction.requests().size() != 1) {
                setsWithOtherThanOneRequest++;
            }
        }

        @Override
        public void groupEnded(GroupHeader header, GroupAck ack) {
            groups++;
            groupStatus = ack.status() + (ack.groupErrorCodes().isEmpty() ? "" : " " + ack.groupErrorCodes());
        }

        @Override
        public void interchangeEnded(InterchangeHeader header, InterchangeAck ack) {
            interchanges++;
            interchangeAccepted = ack.accepted();
            interchangeNote = ack.noteCode() + (ack.description() == null ? "" : " " + ack.description());
        }
    }
}
