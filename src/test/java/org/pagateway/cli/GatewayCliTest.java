package org.pagateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagateway.support.FailingConsumer.failEveryDelivery;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
import org.pagateway.queue.Broker;
import org.pagateway.queue.DeadLetterTest;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.TestKeys;

import com.fasterxml.jackson.databind.JsonNode;

/** The operations command line, run in this JVM against the running test gateway's admin API, as an operator would. */
@ExtendWith(RunningGateway.class)
class GatewayCliTest {

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String url = "http://" + RunningGateway.settings().httpHost() + ":" + RunningGateway.settings().httpPort();
        String[] withUrl = new String[args.length + 4];
        System.arraycopy(args, 0, withUrl, 0, args.length);
        withUrl[args.length] = "--url";
        withUrl[args.length + 1] = url;
        withUrl[args.length + 2] = "--key";
        withUrl[args.length + 3] = TestKeys.ADMIN;
        int exit = GatewayCli.run(new PrintWriter(out, true), new PrintWriter(err, true), withUrl);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void anOperatorListsQueuesAndDeadLettersAndReplaysOneThenAll() throws Exception {
        String id = DeadLetterTest.submit("16-pain-management.json");
        String queue = "review.medical.pain-management";
        failEveryDelivery(queue, id);

        Run queues = cli("queues");
        assertEquals(0, queues.exit(), queues.err());
        assertTrue(queues.out().lines().anyMatch(l -> l.startsWith(Broker.REVIEW_DEAD_LETTERS + " ")), queues.out());

        Run listed = cli("dead-letters");
        assertEquals(0, listed.exit(), listed.err());
        String line = listed.out().lines().filter(l -> l.contains(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not listed:\n" + listed.out()));
        assertTrue(line.contains(queue) && line.contains(Broker.REVIEW_DEAD_LETTERS), line);
        String messageId = line.split("\\s+")[0];

        Run replayed = cli("dead-letters", "replay", "--id", messageId);
        assertEquals(0, replayed.exit(), replayed.err());
        assertTrue(replayed.out().contains("replayed " + messageId + " (" + id + ") -> " + queue), replayed.out());

        Run again = cli("replay", "--id", messageId);
        assertEquals(1, again.exit(), "a second replay of the same dead letter finds nothing: " + again.out());
        assertTrue(again.err().contains("No dead letter has message ID " + messageId), again.err());

        failEveryDelivery(queue, id);
        Run all = cli("dead-letters", "replay", "--all");
        assertEquals(0, all.exit(), all.err());
        assertTrue(all.out().lines().anyMatch(l -> l.startsWith("replayed ") && l.contains("(" + id + ")")), all.out());
        assertTrue(all.out().lines().anyMatch(l -> l.matches("\\d+ replayed, \\d+ left")), all.out());
    }

    @Test
    void jsonIsTheGatewaysAnswerAsItIs() throws Exception {
        Run queues = cli("queues", "--json");
        assertEquals(0, queues.exit(), queues.err());
        JsonNode body = CanonicalJson.mapper().readTree(queues.out());
        assertTrue(body.path("queues").isArray(), queues.out());
    }

    @Test
    void badUsageAndAGatewayThatIsNotThereSayWhatIsWrong() {
        Run neither = cli("dead-letters", "replay");
        assertEquals(2, neither.exit());
        assertTrue(neither.err().contains("--id") && neither.err().contains("--all"), neither.err());

        StringWriter err = new StringWriter();
        int exit = GatewayCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "queues", "--url",
                "http://127.0.0.1:1");
        assertEquals(1, exit);
        assertTrue(err.toString().contains("cannot reach the gateway at http://127.0.0.1:1"), err.toString());

        StringWriter refused = new StringWriter();
        int keyless = GatewayCli.run(new PrintWriter(new StringWriter()), new PrintWriter(refused, true), "queues", "--url",
                "http://" + RunningGateway.settings().httpHost() + ":" + RunningGateway.settings().httpPort(), "--key",
                TestKeys.NORTHGATE);
        assertEquals(1, keyless);
        assertTrue(refused.toString().contains("HTTP 403"), "a client's key is not an admin's: " + refused);
    }
}
