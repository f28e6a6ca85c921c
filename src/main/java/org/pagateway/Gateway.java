package org.pagateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.pagateway.http.AccessControl;
import org.pagateway.http.AccessGate;
import org.pagateway.http.AdminApi;
import org.pagateway.http.AuthorizationApi;
import org.pagateway.http.DocumentApi;
import org.pagateway.http.HealthApi;
import org.pagateway.http.HttpAnswerWriter;
import org.pagateway.http.MetricsApi;
import org.pagateway.http.OpenApiDocument;
import org.pagateway.http.PdfApi;
import org.pagateway.http.ProblemErrorHandler;
import org.pagateway.http.Problems;
import org.pagateway.http.ReviewApi;
import org.pagateway.http.RevisionApi;
import org.pagateway.http.UploadBinding;
import org.pagateway.http.X12Api;
import org.pagateway.intake.AuthorizationIntake;
import org.pagateway.intake.X12FileIntake;
import org.pagateway.intake.X12Intake;
import org.pagateway.lookup.AuthorizationViewer;
import org.pagateway.metrics.GatewayMetrics;
import org.pagateway.queue.Broker;
import org.pagateway.queue.DeadLetterReplay;
import org.pagateway.queue.QueueAdmin;
import org.pagateway.queue.QueueSweep;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.review.ResponseDelivery;
import org.pagateway.review.ReviewDesk;
import org.pagateway.review.StaleReviewCheck;
import org.pagateway.review.RevisionDesk;
import org.pagateway.rules.DecisionEngine;
import org.pagateway.rules.MemberRoster;
import org.pagateway.rules.PayerProfile;
import org.pagateway.rules.ProviderDirectory;
import org.pagateway.security.ApiKeys;
import org.pagateway.security.RateLimiter;
import org.pagateway.security.SecuritySettings;
import org.pagateway.security.TlsContext;
import org.pagateway.security.TradingPartners;
import org.pagateway.store.AuthorizationIds;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.store.ControlNumbers;
import org.pagateway.store.Database;
import org.pagateway.store.DocumentStore;
import org.pagateway.store.ReferenceFiles;
import org.pagateway.validation.DocumentContent;
import org.pagateway.x12.X12Limits;
import org.pagateway.x12.X12RequestReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway: the embedded broker and database (unless external ones are configured), the beans
 * that do the work, and Camel Main running the YAML routes under routes/ that connect them.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** The REST path that takes document uploads (routes/provider-api.yaml), which the upload binding reads. */
    static final String DOCUMENTS_PATH = "/api/v1/authorizations/{id}/documents";
    /** The REST path that takes X12, whose bodies have their own size limit. */
    static final String X12_PATH = "/x12/278";

    private final GatewaySettings settings;
    private final Broker broker;
    private final Database database;
    private final ReviewQueuePublisher publisher;
    private final X12RequestReader x12Reader;
    private final AuthorizationStore store;
    private final QueueAdmin queueAdmin;
    private final Main main;

    private Gateway(GatewaySettings settings, Clock clock) {
        this.settings = settings;
        createFolders(settings);
        // before anything starts: a configuration file or keystore that cannot be read stops the gateway with nothing
        // to undo (a broker or pool started first would keep the process alive, serving nothing)
        SecuritySettings security = settings.security();
        ApiKeys keys = ApiKeys.load(security.keys(), security.keysFile(settings.dataDir()));
        TradingPartners partners = TradingPartners.load(security.partners());
        SSLContextParameters tls = security.tls() ? TlsContext.parameters(security) : null;
        PayerProfile profile = PayerProfile.load(settings.profile());
        MemberRoster roster = ReferenceFiles.roster(settings.members());
        ProviderDirectory directory = ReferenceFiles.directory(settings.providers());
        this.broker = settings.embeddedBroker() ? Broker.start(settings.dataDir().resolve("broker"), settings.brokerPort(),
                settings.redelivery()) : null;
        try {
            this.database = Database.open(settings.effectiveDbUrl(), settings.dbUser(), settings.dbPassword(), directory);
        } catch (RuntimeException e) {
            // the broker is up and would hold its port and journal lock after a failed start
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
        this.publisher = new ReviewQueuePublisher(settings.effectiveBrokerUrl());
        this.x12Reader = new X12RequestReader(new X12Limits(security.setSegments(), security.interchangeSegments()));
        this.store = new AuthorizationStore(database.dataSource(), directory);
        DecisionEngine decisions = new DecisionEngine(profile, roster, directory);
        ControlNumbers controlNumbers = new ControlNumbers(database.dataSource());
        RevisionDesk revisions = new RevisionDesk(store, publisher, controlNumbers, decisions, clock);
        this.queueAdmin = new QueueAdmin(settings.effectiveBrokerUrl());
        GatewayMetrics metrics = new GatewayMetrics(queueAdmin::queues);
        AuthorizationIntake intake = new AuthorizationIntake(new AuthorizationIds(database.dataSource(), clock),
                decisions, store, publisher, revisions, clock, metrics);
        X12Intake x12Intake = new X12Intake(x12Reader, intake, controlNumbers, partners);
        ResponseDelivery responses = new ResponseDelivery(store, publisher, settings.outbox(), clock);
        ReviewDesk reviews = new ReviewDesk(store, publisher, controlNumbers, profile, responses, clock);
        // documents are named and described in the payer's time, as its portal does
        DocumentStore documents = new DocumentStore(database.dataSource(), clock.withZone(profile.payer().zone()));
        AuthorizationViewer viewer = new AuthorizationViewer(store, documents, roster, directory, profile);
        AccessControl access = new AccessControl(keys, new RateLimiter(security.ratePerSecond(), security.burst()),
                store::requesterSite, directory);

        this.main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/*.yaml");
        main.configure().withName("pa-gateway");
        settings.asProperties().forEach(main::addOverrideProperty);
        main.bind("x12FileIntake", new X12FileIntake(x12Intake, settings.outbox(), settings.errors()));
        main.bind("x12Api", new X12Api(x12Intake, access));
        main.bind("authorizationApi", new AuthorizationApi(intake, store, viewer, access));
        main.bind("reviewApi", new ReviewApi(reviews));
        main.bind("revisionApi", new RevisionApi(revisions));
        main.bind("documentApi", new DocumentApi(store, documents));
        main.bind("pdfApi", new PdfApi(store, documents, profile));
        main.bind("openApi", new OpenApiDocument());
        main.bind("uploadBinding", new UploadBinding(DOCUMENTS_PATH, DocumentContent.MAX_BYTES, X12_PATH,
                security.x12BodyBytes(), security.jsonBodyBytes()));
        main.bind("queueSweep", new QueueSweep(store, publisher, clock));
        main.bind("responseDelivery", responses);
        main.bind("healthApi", new HealthApi(healthChecks()));
        main.bind("problems", new Problems());
        HttpAnswerWriter answers = new HttpAnswerWriter(metrics);
        main.bind("httpAnswer", answers);
        main.bind("adminApi", new AdminApi(queueAdmin, new DeadLetterReplay(queueAdmin, new StaleReviewCheck(store))));
        main.bind("metricsApi", new MetricsApi(metrics));
        main.bind("accessGate", new AccessGate(access, answers));
        // what Jetty answers by itself (no such path, unparseable HTTP) is problem+json too
        main.bind("problemErrorHandler", new ProblemErrorHandler());
        main.addOverrideProperty("camel.component.jetty.errorHandler", "#bean:problemErrorHandler");
        if (tls != null) {
            // HTTPS instead of HTTP: the REST endpoints' jetty component with the keystore
            main.bind("gatewayTls", tls);
            main.addOverrideProperty("camel.component.jetty.sslContextParameters", "#bean:gatewayTls");
            main.addOverrideProperty("camel.rest.scheme", "https");
        }
    }

    /** Starts everything and returns once the routes run. */
    public static Gateway start(GatewaySettings settings) {
        return start(settings, Clock.systemDefaultZone());
    }

    /** With the clock decisions are made by (the maintenance window, authorization IDs, timestamps). */
    public static Gateway start(GatewaySettings settings, Clock clock) {
        Gateway gateway = new Gateway(settings, clock);
        try {
            gateway.main.start();
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        LOG.info("gateway up: {}://{}:{}  home {}  broker {}  database {}", settings.security().tls() ? "https" : "http",
                settings.httpHost(), settings.httpPort(),
                settings.home(), settings.embeddedBroker() ? "embedded " + settings.effectiveBrokerUrl() : settings.brokerUrl(),
                settings.dbUrl() == null || settings.dbUrl().isBlank() ? "embedded H2" : "external");
        return gateway;
    }

    private Map<String, BooleanSupplier> healthChecks() {
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("broker", publisher::isUp);
        checks.put("store", database::isUp);
        checks.put("routes", this::routesStarted);
        return checks;
    }

    private boolean routesStarted() {
        CamelContext context = main.getCamelContext();
        return context != null && context.getStatus() == ServiceStatus.Started
                && context.getRoutes().stream().allMatch(r -> context.getRouteController().getRouteStatus(r.getId()).isStarted());
    }

    public GatewaySettings settings() {
        return settings;
    }

    public AuthorizationStore store() {
        return store;
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        try {
            main.stop();
        } catch (RuntimeException e) {
            LOG.warn("camel did not stop cleanly: {}", e.getMessage());
        }
        publisher.close();
        queueAdmin.close();
        x12Reader.close();
        database.close();
        if (broker != null) {
            broker.close();
        }
    }

    private static void createFolders(GatewaySettings settings) {
        for (Path folder : new Path[] { settings.dataDir(), settings.inbox(), settings.outbox(), settings.archive(),
                settings.errors() }) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + folder, e);
            }
        }
    }
}
