package org.pagateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.fax.FaxCover;
import org.pagateway.fax.FaxCoverSheet;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.FailingConsumer;
import org.pagateway.support.MultipartForm;
import org.pagateway.support.PatientData;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;

/**
 * Logs never carry member names, birth dates, diagnoses, remarks or document contents. Every sample (X12 valid over
 * HTTP and as an inbox file, X12 broken over HTTP, JSON valid and broken), a revision, a document upload, a dead
 * letter and its replay and a reviewer's decision go through the running gateway while an appender on the root
 * logger keeps every event of every logger and thread at the levels the gateway ships with (logback.xml); each
 * event's message, arguments, exception chain, MDC and thread name are then searched for what the samples and the
 * member roster hold.
 */
@ExtendWith(RunningGateway.class)
class LogPrivacyTest {

    private static final String DOCUMENT_TEXT = "Progress note: wound bed granulating, no signs of infection";

    @Test
    void aFullSampleRunLogsNoPatientData() throws Exception {
        PatientData patients = PatientData.fromSamples();
        assertTrue(patients.names().contains("HOLLOWAY") && patients.birthDates().contains("19610422")
                && patients.birthDates().contains("1961-04-22") && patients.diagnoses().contains("M23.221"),
                "read from the samples and the roster: " + patients);

        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(captured);
        try {
            runEverySample();
        } finally {
            root.detachAppender(captured);
        }

        List<ILoggingEvent> events = List.copyOf(captured.list);
        assertTrue(events.stream().anyMatch(e -> e.getFormattedMessage().startsWith("X12_FILE logprivacy-")),
                "the file intake logged its summary: the appender saw the run");
        List<String> leaks = new ArrayList<>();
        for (ILoggingEvent event : events) {
            String text = text(event);
            for (Object[] sensitive : patients.patterns()) {
                if (((Pattern) sensitive[1]).matcher(text).find()) {
                    leaks.add(sensitive[0] + " in: " + text.lines().findFirst().orElse(""));
                }
            }
            if (text.contains(DOCUMENT_TEXT)) {
                leaks.add("document contents in: " + text);
            }
        }
        assertEquals(List.of(), leaks, events.size() + " events searched");
    }

    /**
     * The valid X12 samples go as one batch of interchanges over HTTP and as one batch file (the same intake, so one
     * pass each is enough); the broken ones one by one over HTTP, since a broken interchange can hide the ones after it.
     */
    private static void runEverySample() throws Exception {
        Path x12 = Samples.ROOT.resolve("x12");
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (Path sample : Samples.list(x12, ".edi")) {
            batch.writeBytes(fresh(sample));
            file.writeBytes(fresh(sample));
        }
        String name = RunningGateway.dropIntoInbox(file.toByteArray(), "logprivacy-" + System.nanoTime() + ".edi");
        assertEquals(200, RunningGateway.post("/x12/278", "application/edi-x12", batch.toByteArray()).statusCode());

        List<Callable<HttpResponse<byte[]>>> requests = new ArrayList<>();
        for (Path sample : Samples.list(x12.resolve("broken"), ".edi")) {
            requests.add(() -> RunningGateway.post("/x12/278", "application/edi-x12", fresh(sample)));
        }
        String[] admission = new String[1];
        for (Path folder : List.of(Samples.ROOT.resolve("json"), Samples.ROOT.resolve("json").resolve("broken"))) {
            for (Path sample : Samples.list(folder, ".json")) {
                requests.add(() -> {
                    HttpResponse<byte[]> answer = RunningGateway.post("/api/v1/authorizations", "application/json",
                            Samples.bytes(sample));
                    if (sample.getFileName().toString().equals("03-admission-inpatient.json")) {
                        admission[0] = CanonicalJson.mapper().readTree(answer.body()).get("id").asText();
                    }
                    return answer;
                });
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            for (Future<HttpResponse<byte[]>> answer : clients.invokeAll(requests)) {
                assertTrue(answer.get().statusCode() < 500, "answered: " + answer.get().statusCode());
            }
        } finally {
            clients.shutdown();
        }

        String id = admission[0];
        assertEquals(200, RunningGateway.post("/api/v1/authorizations/" + id + "/revisions", "application/json", """
                {"requestedBy":"ur.desk","addUnits":[{"line":1,"units":2}],"remarks":"Admitted through ED with community acquired pneumonia, still hypoxic."}"""
                .getBytes(StandardCharsets.UTF_8)).statusCode());
        MultipartForm form = new MultipartForm().field("description", "progress notes").file("file", "notes.pdf",
                "application/pdf", FaxCoverSheet.render(new FaxCover(null, null, id, "Dr. Example", null, null, null, null,
                        DOCUMENT_TEXT, null)));
        assertEquals(201, RunningGateway.post("/api/v1/authorizations/" + id + "/documents", form.contentType(), form.bytes())
                .statusCode());
        // dead-lettered by a reviewer tool that fails on it, and replayed: the broker's warning and the replay's log
        FailingConsumer.failEveryDelivery("review.medical.admission", id);
        assertEquals(200, RunningGateway.post("/admin/dead-letters/replay", "application/json",
                "{\"all\":true}".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(200, RunningGateway.post("/api/v1/reviews/" + id + "/decision", "application/json", """
                {"action":"deny","reviewer":"dr.lindgren","reason":"Not medically necessary."}""".getBytes(StandardCharsets.UTF_8))
                .statusCode());
        RunningGateway.awaitFile(RunningGateway.settings().archive().resolve(name));
    }

    /** A sample under an interchange control number of its own, so the gateway processes it rather than answers it again. */
    private static byte[] fresh(Path sample) {
        try {
            return Samples.asNewInterchange(sample);
        } catch (RuntimeException unreadableIsa) {
            return Samples.bytes(sample);
        }
    }

    /** Everything an appender could write of the event. */
    private static String text(ILoggingEvent event) {
        StringWriter all = new StringWriter();
        PrintWriter out = new PrintWriter(all);
        out.println(event.getFormattedMessage());
        out.println(event.getThreadName() + " " + event.getLoggerName() + " " + event.getMDCPropertyMap());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                out.println(argument);
            }
        }
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            out.println(t.getClassName() + ": " + t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                out.println(frame.getSTEAsString());
            }
        }
        out.flush();
        return all.toString();
    }
}
