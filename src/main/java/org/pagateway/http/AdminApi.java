package org.pagateway.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pagateway.queue.DeadLetter;
import org.pagateway.queue.DeadLetterReplay;
import org.pagateway.queue.QueueAdmin;
import org.pagateway.queue.QueueState;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The operations API: GET /admin/queues (each queue's depth and consumers), GET /admin/dead-letters (what failed,
 * where and why, without the messages' patient data) and POST /admin/dead-letters/replay (one or all back to their
 * queues). A broker that cannot be reached is a 503, as for every other request.
 */
public final class AdminApi {

    private final QueueAdmin admin;
    private final DeadLetterReplay replay;

    public AdminApi(QueueAdmin admin, DeadLetterReplay replay) {
        this.admin = admin;
        this.replay = replay;
    }

    /** The answers' bodies. An empty list is still written: "no dead letters" is an answer, not a missing field. */
    record Queues(@JsonInclude(JsonInclude.Include.ALWAYS) List<QueueState> queues) {
    }

    record DeadLetters(long count, @JsonInclude(JsonInclude.Include.ALWAYS) List<DeadLetter> deadLetters) {
    }

    record Replayed(long replayed, long left, @JsonInclude(JsonInclude.Include.ALWAYS) List<DeadLetterReplay.Outcome> outcomes) {
    }

    public HttpAnswer queues() {
        return HttpAnswer.json(200, new Queues(admin.queues()), Map.of());
    }

    public HttpAnswer deadLetters() {
        List<DeadLetter> letters = admin.deadLetters();
        // the broker shows a page of each queue; the count says whether there are more than shown
        return HttpAnswer.json(200, new DeadLetters(Math.max(admin.deadLetterCount(), letters.size()), letters), Map.of());
    }

    /**
     * {"messageId": N} replays one: 404 when there is no such dead letter (also the answer to a second replay of it),
     * 409 when it may not go back. {"all": true} replays every one that may, and names those left with the reason.
     */
    public HttpAnswer replay(byte[] body) {
        JsonBody<ReplayRequest> parsed = JsonBody.read(body, ReplayRequest.class, "a replay request");
        if (parsed.problem() != null) {
            return parsed.problem();
        }
        ReplayRequest request = parsed.value();
        boolean all = Boolean.TRUE.equals(request.all());
        if (all == (request.messageId() != null)) {
            String reason = all ? "give messageId or all, not both" : "give the messageId of one dead letter, or all: true";
            return new Problem("https://pa-gateway.org/problems/validation", "Invalid replay request", 422, reason,
                    List.of(new Problem.FieldError(all ? "messageId" : "all", reason))).answer();
        }
        if (all) {
            return outcomes(replay.all());
        }
        Optional<DeadLetterReplay.Outcome> outcome = replay.one(request.messageId());
        if (outcome.isEmpty()) {
            // the broker shows the first 200 of each queue: one further back is found once those ahead of it are replayed
            return Problem.of(404, "not-found", "No such dead letter", "No dead letter has message ID " + request.messageId()
                    + ": it was replayed already, or never was one (or it is behind the first 200 of its dead-letter queue,"
                    + " which are all the broker shows). GET /admin/dead-letters lists them.").answer();
        }
        if (!outcome.get().replayed()) {
            return Problem.of(409, "not-replayed", "Dead letter not replayed", outcome.get().reason()).answer();
        }
        return outcomes(List.of(outcome.get()));
    }

    private static HttpAnswer outcomes(List<DeadLetterReplay.Outcome> outcomes) {
        long replayed = outcomes.stream().filter(DeadLetterReplay.Outcome::replayed).count();
        return HttpAnswer.json(200, new Replayed(replayed, outcomes.size() - replayed, outcomes), Map.of());
    }
}
