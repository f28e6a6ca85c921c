package org.pagateway.http;

import java.nio.charset.StandardCharsets;

import org.pagateway.metrics.GatewayMetrics;

/** GET /metrics: the gateway's counters, timers and queue depths for a Prometheus server to scrape. */
public final class MetricsApi {

    private final GatewayMetrics metrics;

    public MetricsApi(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    public HttpAnswer scrape() {
        return HttpAnswer.of(200, GatewayMetrics.CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
