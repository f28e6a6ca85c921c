package org.pagateway.x12;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.smooks.Smooks;
import org.smooks.api.ExecutionContext;
import org.smooks.api.SmooksException;
import org.smooks.io.source.StreamSource;
import org.xml.sax.SAXException;

/**
 * Reads X12 278 requests: StAEDI validates, the Smooks mapping in mappings/ builds the canonical model,
 * and the listener hears about every transaction, group and interchange as the stream goes by.
 * One instance serves the whole process: the Smooks configuration and the schemas load once.
 */
public final class X12RequestReader implements AutoCloseable {

    public static final String MAPPING = "mappings/x12-278-request.xml";

    private final Smooks smooks;
    private final X12Limits limits;

    public X12RequestReader() {
        this(X12Limits.DEFAULT);
    }

    public X12RequestReader(X12Limits limits) {
        this.limits = limits;
        X12Schemas.get();
        try (InputStream config = X12RequestReader.class.getClassLoader().getResourceAsStream(MAPPING)) {
            if (config == null) {
                throw new IllegalStateException("mapping missing from the classpath: " + MAPPING);
            }
            smooks = new Smooks(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("bad Smooks mapping " + MAPPING + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every interchange in {@code input}, telling {@code listener} as it goes. What the listener throws
     * (a part down, say) comes out as itself, not wrapped in Smooks' exception, so callers can tell it apart.
     */
    public void read(InputStream input, X12Listener listener) {
        ExecutionContext context = smooks.createExecutionContext();
        new X12ReadContext(listener, limits).attach(context);
        try {
            smooks.filterSource(context, new StreamSource<>(input));
        } catch (SmooksException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof RuntimeException runtime && !(cause instanceof SmooksException)) {
                    throw runtime;
                }
            }
            throw e;
        }
    }

    @Override
    public void close() {
        smooks.close();
    }
}
