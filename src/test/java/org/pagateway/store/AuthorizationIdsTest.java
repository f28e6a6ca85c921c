package org.pagateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.pagateway.support.TestParts;

/**
 * Authorization IDs and outbound control numbers come from the database, so gateways sharing it never hand out the
 * same one: here two ID sources and two control-number sources on one database, drawn from at once (on H2, and on
 * PostgreSQL on external parts, where the block reservation's SELECT ... FOR UPDATE and the sequence really race).
 */
class AuthorizationIdsTest {

    private static final Clock SEED_DAY = Clock.fixed(Instant.parse("2019-06-13T15:00:00Z"), ZoneOffset.UTC);

    @Test
    void twoGatewaysDrawingAtOnceNeverGetTheSameId() throws Exception {
        try (Database database = TestParts.openDatabase("ids")) {
            // two gateways: each its own blocks of 50; two threads each, 150 IDs a thread: several blocks apiece
            AuthorizationIds one = new AuthorizationIds(database.dataSource(), SEED_DAY);
            AuthorizationIds two = new AuthorizationIds(database.dataSource(), SEED_DAY);
            List<String> ids = drawAtOnce(List.of(one, one, two, two), 150, AuthorizationIds::next);

            assertEquals(600, ids.size());
            assertEquals(600, new HashSet<>(ids).size(), "no ID twice");
            assertTrue(ids.stream().allMatch(id -> id.matches("19164R\\d{5}")), ids.get(0));
            // both start the day: one takes the block from 00001, the other the one after, whichever is first
            assertTrue(ids.contains("19164R00001") && ids.contains("19164R00051"));
        }
    }

    /** A day of more than 99,999 (a 100 MB batch has 112,000) goes on in six digits; only ten million is too many. */
    @Test
    void aDayPast99999GoesOnInMoreDigits() throws Exception {
        try (Database database = TestParts.openDatabase("ids-past-99999")) {
            setNextOfTheDay(database, 99_981);
            AuthorizationIds ids = new AuthorizationIds(database.dataSource(), SEED_DAY);
            List<String> drawn = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                drawn.add(ids.next());
            }
            assertEquals("19164R99981", drawn.get(0));
            assertEquals("19164R99999", drawn.get(18));
            assertEquals("19164R100000", drawn.get(19));
            assertEquals("19164R100030", drawn.get(49));

            setNextOfTheDay(database, AuthorizationIds.DAILY_MAX - 10);
            StoreException full = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                    () -> new AuthorizationIds(database.dataSource(), SEED_DAY).next());
            assertTrue(full.getMessage().contains("used up"), full.getMessage());
        }
    }

    private static void setNextOfTheDay(Database database, int next) throws Exception {
        try (var c = database.dataSource().getConnection(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM authorization_sequence WHERE day_key = '19164'");
            s.executeUpdate("INSERT INTO authorization_sequence (day_key, next_seq) VALUES ('19164', " + next + ")");
        }
    }

    /** Each gateway takes its control numbers 50 at a time: one database round trip per 50 answers. */
    @Test
    void controlNumbersComeInBlocks() throws Exception {
        try (Database database = TestParts.openDatabase("control-number-blocks")) {
            ControlNumbers one = new ControlNumbers(database.dataSource());
            ControlNumbers two = new ControlNumbers(database.dataSource());
            assertEquals(List.of(1L, 2L, 3L), List.of(one.next(), one.next(), one.next()));
            assertEquals(1L + ControlNumbers.BLOCK, two.next(), "the other gateway's block starts after the first's");
            for (int i = 4; i <= ControlNumbers.BLOCK; i++) {
                one.next();
            }
            assertEquals(1L + 2 * ControlNumbers.BLOCK, one.next(), "a used-up block is followed by a new one");
        }
    }

    @Test
    void controlNumbersAreUniqueAcrossGateways() throws Exception {
        try (Database database = TestParts.openDatabase("control-numbers")) {
            ControlNumbers one = new ControlNumbers(database.dataSource());
            ControlNumbers two = new ControlNumbers(database.dataSource());
            List<Long> numbers = drawAtOnce(List.of(one, two), 100, ControlNumbers::next);

            assertEquals(200, new HashSet<>(numbers).size(), "no number twice");
            assertEquals(1L, numbers.stream().mapToLong(n -> n).min().orElseThrow(), "the sequence starts at 1");
            assertEquals(200L, numbers.stream().mapToLong(n -> n).max().orElseThrow(), "and skips nothing");
        }
    }

    private interface Draw<S, T> {
        T from(S source);
    }

    /** Each source in a thread of its own, all started together, {@code each} draws a thread. */
    private static <S, T> List<T> drawAtOnce(List<S> sources, int each, Draw<S, T> draw) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sources.size());
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<List<T>>> drawn = new ArrayList<>();
            for (S source : sources) {
                Callable<List<T>> thread = () -> {
                    go.await();
                    List<T> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(draw.from(source));
                    }
                    return mine;
                };
                drawn.add(pool.submit(thread));
            }
            go.countDown();
            List<T> all = new ArrayList<>();
            for (Future<List<T>> f : drawn) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }
}
