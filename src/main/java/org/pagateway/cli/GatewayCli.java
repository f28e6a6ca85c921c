package org.pagateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.pagateway.model.CanonicalJson;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The operations API from a terminal: queues, dead letters and replay. It talks to a running gateway's admin HTTP API
 * (not to the broker), so it works the same whether the gateway runs its embedded broker or an external one, and
 * needs no broker credentials. Exit codes: 0 done, 1 the gateway refused or could not be reached, 2 bad usage.
 */
@Command(name = "gateway-cli", mixinStandardHelpOptions = true, version = "pa-gateway operations 0.1",
        description = "Queues, dead letters and replay of a running pa-gateway, over its admin HTTP API.",
        subcommands = { GatewayCli.Queues.class, GatewayCli.DeadLetters.class, GatewayCli.Replay.class })
public final class GatewayCli implements Callable<Integer> {

    @Option(names = "--url", description = "the gateway's base URL (default: $GATEWAY_URL, else ${DEFAULT-VALUE})",
            defaultValue = "${env:GATEWAY_URL:-http://127.0.0.1:8080}", scope = CommandLine.ScopeType.INHERIT)
    String url;

    @Option(names = "--json", description = "print the gateway's JSON answer as it is", scope = CommandLine.ScopeType.INHERIT)
    boolean json;

    // the environment rather than the command line, where every user of the machine can read it (ps)
    @Option(names = "--key", description = "an admin API key (default: $GATEWAY_API_KEY)",
            defaultValue = "${env:GATEWAY_API_KEY:-}", scope = CommandLine.ScopeType.INHERIT)
    String key;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** The command line run in this JVM, printing to {@code out} and {@code err}; its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new GatewayCli()).setOut(out).setErr(err).execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "queues", description = "Each queue with its depth (messages waiting) and consumers.")
    static final class Queues implements Callable<Integer> {
        @ParentCommand
        GatewayCli cli;

        @Override
        public Integer call() {
            return cli.send("GET", "/admin/queues", null, body -> {
                PrintWriter out = cli.out();
                out.printf("%-40s %10s %10s%n", "QUEUE", "DEPTH", "CONSUMERS");
                for (JsonNode queue : body.path("queues")) {
                    out.printf("%-40s %10d %10d%n", queue.path("name").asText(), queue.path("depth").asLong(),
                            queue.path("consumers").asInt());
                }
            });
        }
    }

    @Command(name = "dead-letters", description = "The dead letters: what failed, where, and why (no patient data).",
            subcommands = Replay.class)
    static final class DeadLetters implements Callable<Integer> {
        @ParentCommand
        GatewayCli cli;

        @Override
        public Integer call() {
            return cli.send("GET", "/admin/dead-letters", null, body -> {
                PrintWriter out = cli.out();
                out.printf("%d dead letter(s)%n", body.path("count").asLong());
                out.printf("%-12s %-14s %-13s %-30s %10s  %s%n", "MESSAGE ID", "DEAD LETTERS", "AUTHORIZATION",
                        "ORIGINAL QUEUE", "DELIVERIES", "REASON");
                for (JsonNode letter : body.path("deadLetters")) {
                    out.printf("%-12d %-14s %-13s %-30s %10s  %s%n", letter.path("messageId").asLong(),
                            letter.path("deadLetterQueue").asText(), letter.path("authorizationId").asText("-"),
                            letter.path("originalQueue").asText("-"), letter.path("deliveryCount").asText("-"),
                            letter.path("reason").asText(""));
                }
            });
        }
    }

    @Command(name = "replay", description = "Put dead letters back on their original queues: one by message ID, or all."
            + " Safe to repeat: a replayed dead letter is gone from its dead-letter queue.")
    static final class Replay implements Callable<Integer> {
        @CommandLine.ParentCommand
        Object parent;

        @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--id", paramLabel = "MESSAGE_ID", description = "the message ID that dead-letters lists")
            Long id;

            @Option(names = "--all", description = "every dead letter that may go back")
            boolean all;
        }

        @Override
        public Integer call() {
            GatewayCli cli = parent instanceof DeadLetters letters ? letters.cli : (GatewayCli) parent;
            String request = which.all ? "{\"all\":true}" : "{\"messageId\":" + which.id + "}";
            return cli.send("POST", "/admin/dead-letters/replay", request, body -> {
                PrintWriter out = cli.out();
                for (JsonNode outcome : body.path("outcomes")) {
                    out.printf("%s %d (%s) -> %s%s%n", outcome.path("replayed").asBoolean() ? "replayed" : "left    ",
                            outcome.path("messageId").asLong(), outcome.path("authorizationId").asText("-"),
                            outcome.path("originalQueue").asText("-"),
                            outcome.hasNonNull("reason") ? ": " + outcome.path("reason").asText() : "");
                }
                out.printf("%d replayed, %d left%n", body.path("replayed").asLong(), body.path("left").asLong());
            });
        }
    }

    /** How a command shows a successful answer. */
    @FunctionalInterface
    interface Shown {
        void show(JsonNode body);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** One request to the admin API; a refusal prints the problem's detail to stderr and exits 1. */
    int send(String method, String path, String body, Shown shown) {
        PrintWriter err = spec.commandLine().getErr();
        URI uri = URI.create(url.replaceAll("/+$", "") + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key.strip());
        }
        request = body == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            err.println("cannot reach the gateway at " + url + ": is it running? (--url or GATEWAY_URL)");
            return 1;
        } catch (IOException e) {
            err.println("cannot reach the gateway at " + url + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        JsonNode answer;
        try {
            answer = CanonicalJson.mapper().readTree(response.body());
        } catch (IOException e) {
            err.println("HTTP " + response.statusCode() + " from " + uri + ", not JSON");
            return 1;
        }
        if (response.statusCode() >= 300) {
            err.println("HTTP " + response.statusCode() + " " + answer.path("title").asText() + ": " + answer.path("detail").asText());
            return 1;
        }
        if (json) {
            out().println(answer.toPrettyString());
        } else {
            shown.show(answer);
        }
        out().flush();
        return 0;
    }
}
