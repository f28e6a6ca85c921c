package org.pagateway.queue;

/** One queue as operations see it: how many messages wait on it and how many consumers take from it. */
public record QueueState(String name, String address, long depth, int consumers) {
}
