package org.pagateway.x12;

import java.net.URL;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;

/** The StAEDI schemas under mappings/x12, loaded once per JVM: schema loading is far too slow to repeat per file. */
public final class X12Schemas {

    public static final String X217 = "005010X217";
    public static final String X231 = "005010X231A1";

    private static final class Holder {
        static final X12Schemas INSTANCE = new X12Schemas();
    }

    private final Schema request278;
    private final Schema response278;
    private final Schema ack999;
    private final Schema control00501;

    private X12Schemas() {
        SchemaFactory factory = SchemaFactory.newFactory();
        request278 = load(factory, "mappings/x12/278-005010X217-request.xml");
        response278 = load(factory, "mappings/x12/278-005010X217-response.xml");
        ack999 = load(factory, "mappings/x12/999-005010X231A1.xml");
        try {
            control00501 = factory.getControlSchema("X12", new String[] { "00501" });
        } catch (EDISchemaException e) {
            throw new IllegalStateException("no StAEDI control schema for X12 00501", e);
        }
    }

    public static X12Schemas get() {
        return Holder.INSTANCE;
    }

    public Schema request278() {
        return request278;
    }

    public Schema response278() {
        return response278;
    }

    public Schema ack999() {
        return ack999;
    }

    /** The envelope schema of what the gateway writes: ISA/IEA 00501, GS/GE, ST/SE, TA1. */
    public Schema control00501() {
        return control00501;
    }

    private static Schema load(SchemaFactory factory, String resource) {
        URL url = X12Schemas.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("schema missing from the classpath: " + resource);
        }
        try {
            return factory.createSchema(url);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("cannot load schema " + resource + ": " + e.getMessage(), e);
        }
    }
}
