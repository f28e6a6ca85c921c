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

/**
 * An X12 file from the inbox: its acknowledgments go to outbox/NAME.ack.x12 and its 278 responses to
 * outbox/NAME.278.x12, each written under a temporary name and renamed when complete so nobody picks up
 * half a file. Returns the folder the input belongs in afterwards: "archive", or "error" when nothing in
 * it could be read as X12.
 */
public final class X12FileIntake {

    private final X12Intake intake;
    private final Path outbox;

    public X12FileIntake(X12Intake intake, Path outbox) {
        this.intake = intake;
        this.outbox = outbox;
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
        } catch (RuntimeException e) {
            outputs.forEach(Output::discard);
            throw e;
        }
        outputs.forEach(Output::publish);
        return summary.unreadable() ? "error" : "archive";
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
