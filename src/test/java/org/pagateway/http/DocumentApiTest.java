package org.pagateway.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.MultipartForm;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.SampleDocuments;
import org.pagateway.support.Samples;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Clinical documents over HTTP on a running gateway, uploaded as curl -F sends them: kept under the seed's names,
 * listed, downloaded as given; refused with the reason when too large (before the body is read), not a PDF, TIFF,
 * PNG or JPEG by content, not multipart, or without a file.
 */
@ExtendWith(RunningGateway.class)
class DocumentApiTest {

    @Test
    void uploadedDocumentsAreNamedTheSeedsWayListedAndDownloadedAsGiven() throws Exception {
        String id = submit();
        byte[] pdf = SampleDocuments.pdf(id);
        HttpResponse<byte[]> first = upload(id, new MultipartForm().field("description", "Clinical information rcvd today")
                .file("file", "notes.pdf", "application/pdf", pdf));
        assertEquals(201, first.statusCode(), text(first));
        JsonNode document = json(first);
        assertEquals(id + ".pdf", document.get("fileName").asText());
        assertEquals("notes.pdf", document.get("originalFileName").asText());
        assertEquals("Clinical information rcvd today", document.get("description").asText());
        String location = first.headers().firstValue("Location").orElseThrow();
        assertEquals("/api/v1/authorizations/" + id + "/documents/" + document.get("id").asText(), location);

        // named .pdf by the uploader, a PNG by its content: kept and served as the PNG it is
        byte[] png = SampleDocuments.image("png");
        HttpResponse<byte[]> second = upload(id, new MultipartForm().file("file", "scan.pdf", "application/pdf", png));
        assertEquals(201, second.statusCode(), text(second));
        assertEquals(id + "-1.png", json(second).get("fileName").asText());

        JsonNode list = json(RunningGateway.get("/api/v1/authorizations/" + id + "/documents"));
        assertEquals(2, list.get("documents").size());
        assertEquals(2, json(RunningGateway.get("/api/v1/authorizations/" + id)).get("documents").size(), "in the viewer too");

        HttpResponse<byte[]> downloaded = RunningGateway.get(location);
        assertEquals(200, downloaded.statusCode());
        assertEquals("application/pdf", downloaded.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"" + id + ".pdf\"", downloaded.headers().firstValue("Content-Disposition").orElse(""));
        assertArrayEquals(pdf, downloaded.body());
        HttpResponse<byte[]> image = RunningGateway.get("/api/v1/authorizations/" + id + "/documents/" + json(second).get("id").asText());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(png, image.body());
    }

    @Test
    void aFaxServerFilesWhatCameInUnderTheSeedsAutomaticName() throws Exception {
        String id = submit();
        HttpResponse<byte[]> faxed = upload(id, new MultipartForm().field("source", "FAX")
                .file("file", "fax-0001.tif", "image/tiff", SampleDocuments.image("tiff")));
        assertEquals(201, faxed.statusCode(), text(faxed));
        String description = json(faxed).get("description").asText();
        assertTrue(description.matches(id + " \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d [AP]M"), description);
    }

    @Test
    void aDocumentOverFiveMegabytesIsRefusedBeforeItIsRead() throws Exception {
        String id = submit();
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(SampleDocuments.pdf(id), 0, big, 0, 5);
        HttpResponse<byte[]> refused = upload(id, new MultipartForm().field("description", "too much")
                .file("file", "big.pdf", "application/pdf", big));
        assertEquals(413, refused.statusCode());
        assertEquals(Problem.CONTENT_TYPE, refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(json(refused).get("detail").asText().contains("up to 5 MB"), text(refused));
        // without a Content-Length (chunked), Jetty's multipart limit stops it while it streams
        MultipartForm form = new MultipartForm().file("file", "big.pdf", "application/pdf", big);
        HttpRequest chunked = RunningGateway.withAdminKey(HttpRequest.newBuilder(documents(id))).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form.bytes()))).build();
        HttpResponse<byte[]> streamed = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(413, streamed.statusCode(), text(streamed));
        // exactly 5 MB is still a document
        byte[] five = new byte[5 * 1024 * 1024];
        System.arraycopy(SampleDocuments.pdf(id), 0, five, 0, 5);
        assertEquals(201, upload(id, new MultipartForm().file("file", "five.pdf", "application/pdf", five)).statusCode());
    }

    @Test
    void whatIsNotADocumentUploadIsRefusedWithItsReason() throws Exception {
        String id = submit();
        HttpResponse<byte[]> executable = upload(id, new MultipartForm().field("description", "notes")
                .file("file", "notes.pdf", "application/pdf", "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(415, executable.statusCode());
        assertEquals("file", json(executable).at("/errors/0/field").asText());

        HttpResponse<byte[]> raw = RunningGateway.post("/api/v1/authorizations/" + id + "/documents", "application/pdf",
                SampleDocuments.pdf(id));
        assertEquals(415, raw.statusCode());
        assertTrue(json(raw).get("detail").asText().contains("multipart/form-data"), text(raw));

        assertEquals(422, upload(id, new MultipartForm().field("description", "no file")).statusCode());
        assertEquals(422, upload(id, new MultipartForm().field("description", "x".repeat(256))
                .file("file", "a.pdf", "application/pdf", SampleDocuments.pdf(id))).statusCode());
        assertEquals(404, upload("26001R99999", new MultipartForm().file("file", "a.pdf", "application/pdf",
                SampleDocuments.pdf(id))).statusCode());
        assertEquals(404, RunningGateway.get("/api/v1/authorizations/" + id + "/documents/999999").statusCode());
        assertEquals(404, RunningGateway.get("/api/v1/authorizations/" + id + "/documents/abc").statusCode());
        assertEquals(404, RunningGateway.get("/api/v1/authorizations/26001R99999/documents").statusCode());
    }

    private static HttpResponse<byte[]> upload(String id, MultipartForm form) throws IOException, InterruptedException {
        HttpRequest request = RunningGateway.withAdminKey(HttpRequest.newBuilder(documents(id)))
                .header("Content-Type", form.contentType())
                // as curl does for a large body: the gateway can refuse it before it is sent
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI documents(String id) {
        return URI.create("http://" + RunningGateway.settings().httpHost() + ":" + RunningGateway.settings().httpPort()
                + "/api/v1/authorizations/" + id + "/documents");
    }

    private static String submit() throws Exception {
        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("05-dme-purchase.json")));
        assertEquals(201, created.statusCode(), text(created));
        return json(created).get("id").asText();
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return CanonicalJson.mapper().readTree(response.body());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
