package org.pagateway.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.pagateway.model.Channel;
import org.pagateway.model.Outcome;
import org.pagateway.queue.QueueException;
import org.pagateway.queue.QueueState;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What the gateway counts and times, served at GET /metrics in the Prometheus text format (Micrometer's Prometheus
 * registry): requests received by channel, decisions by outcome, authorizations stored, HTTP latency as a histogram,
 * the depth and consumers of every queue (asked of the broker at each scrape) and the JVM's own figures. Names and
 * labels carry no request data: channels, outcomes, route IDs and queue names only.
 */
public final class GatewayMetrics {

    /** Prometheus text exposition format 0.0.4, what PrometheusMeterRegistry.scrape() writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Duration[] LATENCY_BUCKETS = { Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10) };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Supplier<List<QueueState>> queues;
    private final MultiGauge depth;
    private final MultiGauge consumers;
    private volatile int brokerReachable;

    /** @param queues the broker's queues now; may throw {@link QueueException} when the broker is down */
    public GatewayMetrics(Supplier<List<QueueState>> queues) {
        this.queues = queues;
        this.depth = MultiGauge.builder("gateway.queue.depth").description("Messages waiting on the queue").register(registry);
        this.consumers = MultiGauge.builder("gateway.queue.consumers").description("Consumers taking from the queue")
                .register(registry);
        registry.gauge("gateway.broker.reachable", Tags.empty(), this, m -> m.brokerReachable);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (Channel channel : Channel.values()) {
            // every series exists from the start, so a rate over it is 0 rather than absent
            received(channel, 0);
            stored(channel, 0);
        }
    }

    /** For an intake built without a gateway around it (tools, tests): counts go nowhere anyone reads. */
    public static GatewayMetrics detached() {
        return new GatewayMetrics(List::of);
    }

    /** Requests (X12 patient events or JSON requests) that reached the intake, resends included. */
    public void received(Channel channel, int requests) {
        counter("gateway.requests.received", "Authorization requests received", "channel", channel.name()).increment(requests);
    }

    /** Requests received before, answered again without a second authorization. */
    public void answeredAgain(Channel channel, int requests) {
        counter("gateway.requests.resent", "Requests received before and answered again", "channel", channel.name())
                .increment(requests);
    }

    public void decided(Outcome outcome) {
        counter("gateway.decisions", "Decisions made at intake, by outcome", "outcome", outcome.name()).increment();
    }

    public void stored(Channel channel, int authorizations) {
        counter("gateway.authorizations.stored", "Authorizations stored", "channel", channel.name()).increment(authorizations);
    }

    /** One HTTP request, by method, route (the operation, never the path with its IDs) and status. */
    public void http(String method, String route, int status, long millis) {
        Timer.builder("http.server.requests").description("HTTP requests answered")
                .tags("method", method == null ? "unknown" : method, "route", route == null ? "unknown" : route,
                        "status", String.valueOf(status))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(millis, TimeUnit.MILLISECONDS);
    }

    /** The text a Prometheus server scrapes, with the queues as the broker has them now. */
    public String scrape() {
        try {
            List<QueueState> now = queues.get();
            depth.register(now.stream().map(q -> MultiGauge.Row.of(Tags.of("queue", q.name()), q.depth())).toList(), true);
            consumers.register(now.stream().map(q -> MultiGauge.Row.of(Tags.of("queue", q.name()), q.consumers())).toList(), true);
            brokerReachable = 1;
        } catch (QueueException e) {
            // no depths are better than stale ones; the reachable gauge says why they are missing
            depth.register(List.of(), true);
            consumers.register(List.of(), true);
            brokerReachable = 0;
        }
        return registry.scrape();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }
}
