package org.pagateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample files under samples/ and the public conformance files under ../shared/conformance/. */
public final class Samples {

    public static final Path ROOT = Path.of("samples");
    public static final Path CONFORMANCE = Path.of("..", "shared", "conformance");

    private Samples() {
    }

    public static Path x12(String name) {
        return ROOT.resolve("x12").resolve(name);
    }

    public static Path json(String name) {
        return ROOT.resolve("json").resolve(name);
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a folder (not its subfolders) with the given ending, sorted by name. */
    public static List<Path> list(Path folder, String ending) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(ending)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
