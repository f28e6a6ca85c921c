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

    private static final java.util.concurrent.atomic.AtomicInteger FRESH = new java.util.concurrent.atomic.AtomicInteger(
            (int) (System.nanoTime() % 100_000));

    /**
     * A sample of one interchange under an interchange control number no test used before: the gateway answers
     * a resent interchange with its first answer, so a test that needs a first answer of its own sends this.
     */
    public static byte[] asNewInterchange(Path sample) {
        return asNewInterchange(bytes(sample));
    }

    /** The same for X12 made in a test. */
    public static byte[] asNewInterchange(byte[] interchange) {
        String x12 = new String(interchange, java.nio.charset.StandardCharsets.ISO_8859_1);
        char separator = x12.charAt(3);
        String[] isa = x12.substring(0, 106).split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        String control = isa[13];
        String fresh = String.format("9%08d", FRESH.incrementAndGet() % 100_000_000);
        String result = x12.substring(0, 90) + fresh + x12.substring(99);
        int iea = result.lastIndexOf("IEA" + separator);
        result = result.substring(0, iea) + result.substring(iea).replace(control, fresh);
        return result.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
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
