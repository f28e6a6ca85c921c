package org.pagateway.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.pagateway.model.Channel;
import org.pagateway.queue.QueueException;
import org.pagateway.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An X12 file from the inbox: its acknowledgments go to outbox/NAME.ack.x12 and its 278 responses to
 * outbox/NAME.278.x12, each written under a temporary name and renamed when complete so nobody picks up
 * half a file. Returns the folder the input belongs in afterwards: "archive", or "error" when nothing in
 * it could be read as X12.
 */
public final class X12FileIntake {

    private static final Logger LOG = LoggerFactory.getLogger(X12FileIntake.class);

    private final X12Intake intake;
    private final Path outbox;
    private final Path errors;

    public X12FileIntake(X12Intake intake, Path outbox, Path errors) {
        this.intake = intake;
        this.outbox = outbox;
        this.errors = errors;
    }

    /** Camel's entry: the absolute path of the file the inbox route picked up. */
    public String process(String absolutePath) {
        return processFile(Path.of(absolutePath));
    }

    public String processFile(Path file) {
        String name = file.getFileName().toString();
        List<Output> outputs = new ArrayList<>();
        Output acks = new Output(outbox.resolve(name + ".ack.x12"));
        Output responses = new Output(outbox.resolve(name + ".278.x12"));
        outputs.add(acks);
        outputs.add(responses);
        X12Summary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = intake.process(in, Channel.X12_FILE, name, acks::open, responses::open);
        } catch (IOException e) {
            outputs.forEach(Output::discard);
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (StoreException | QueueException | UncheckedIOException e) {
            // a part is down: the file stays in the inbox and is tried again
            outputs.forEach(Output::discard);
            throw e;
        } catch (RuntimeException e) {
            // a defect of the gateway, not of the file or the parts: retrying would fail the same way
            // and take the same requests again, so stop and leave the reason for operations beside the input
            outputs.forEach(Output::discard);
            // the message may carry X12 data (member names...): the log gets the kind of failure, the stack at DEBUG
            LOG.error("{} could not be answered and goes to error/: {}", name, e.getClass().getName());
            LOG.debug("failure answering {}", name, e);
            writeReason(file, e);
            return "error";
        }
        outputs.forEach(Output::publish);
        return summary.unreadable() ? "error" : "archive";
    }

    private void writeReason(Path file, RuntimeException e) {
        Path reason = errors.resolve(file.getFileName() + ".reason.txt");
        try {
            Files.writeString(reason, "not answered because of a gateway defect (" + e.getClass().getName()
                    + "); see the gateway log at DEBUG for the stack" + System.lineSeparator());
        } catch (IOException io) {
            LOG.warn("cannot write {}: {}", reason, io.getMessage());
        }
    }

    /** A file in the outbox, written as NAME.part and renamed into place when complete. */
    private static final class Output {
        private final Path target;
        private final Path part;
        private OutputStream stream;

        Output(Path target) {
            this.target = target;
            this.part = target.resolveSibling(target.getFileName() + ".part");
        }

        OutputStream open() {
            try {
                stream = new java.io.BufferedOutputStream(Files.newOutputStream(part), 64 * 1024);
                return stream;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + part, e);
            }
        }

        void publish() {
            if (stream == null) {
                return;
            }
            try {
                stream.close();
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot publish " + target, e);
            }
        }

        void discard() {
            if (stream == null) {
                return;
            }
            try {
                stream.close();
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the input stays in the inbox and is tried again; a stray .part is overwritten then
            }
        }
    }
}
