package org.pagateway.queue;

import java.util.Optional;

/** Whether a dead letter may go back: empty when it may, otherwise why not. */
@FunctionalInterface
public interface ReplayCheck {

    ReplayCheck ALWAYS = letter -> Optional.empty();

    Optional<String> refusal(DeadLetter letter);
}
