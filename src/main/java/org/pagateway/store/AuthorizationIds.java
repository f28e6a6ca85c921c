package org.pagateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

/**
 * Authorization IDs in the seed's format: two-digit year, day of year, 'R', a five-digit daily sequence
 * (19164R00145). Numbers come from the database in blocks, so several gateways sharing one database never
 * hand out the same ID and a busy batch does not pay a round trip per ID.
 *
 * <p>A day with more than 99,999 authorizations (one 100 MB batch has more) goes on in six and then seven digits
 * (19164R100000) rather than refusing the rest: IDs stay unique and sort by day, and X12 carries them anywhere
 * (REF02 and HCR02 take 50 characters).
 */
public final class AuthorizationIds {

    private static final int BLOCK = 50;
    /** The most a day can have: seven digits, so an ID is 13 characters at most. */
    static final int DAILY_MAX = 9_999_999;

    private final DataSource dataSource;
    private final Clock clock;
    private String blockDay;
    private int next;
    private int end;

    public AuthorizationIds(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public synchronized String next() {
        LocalDate today = LocalDate.now(clock);
        String day = String.format("%02d%03d", today.getYear() % 100, today.getDayOfYear());
        if (!day.equals(blockDay) || next >= end) {
            next = reserve(day);
            end = next + BLOCK;
            blockDay = day;
        }
        return day + "R" + String.format("%05d", next++);
    }

    /** Two gateways starting a day at once both find no row and both insert it: the loser tries again. */
    private int reserve(String day) {
        for (int attempt = 1;; attempt++) {
            try {
                return reserveOnce(day);
            } catch (StoreException e) {
                if (attempt == 3 || !(e.getCause() instanceof SQLException sql) || !"23505".equals(sql.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private int reserveOnce(String day) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int first = 1;
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT next_seq FROM authorization_sequence WHERE day_key = ? FOR UPDATE")) {
                    select.setString(1, day);
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next()) {
                            first = rs.getInt(1);
                            try (PreparedStatement update = c.prepareStatement(
                                    "UPDATE authorization_sequence SET next_seq = ? WHERE day_key = ?")) {
                                update.setInt(1, first + BLOCK);
                                update.setString(2, day);
                                update.executeUpdate();
                            }
                        } else {
                            try (PreparedStatement insert = c.prepareStatement(
                                    "INSERT INTO authorization_sequence (day_key, next_seq) VALUES (?, ?)")) {
                                insert.setString(1, day);
                                insert.setInt(2, first + BLOCK);
                                insert.executeUpdate();
                            }
                        }
                    }
                }
                if (first + BLOCK > DAILY_MAX + 1) {
                    throw new StoreException("the daily authorization sequence for " + day + " is used up", null);
                }
                c.commit();
                return first;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot reserve authorization IDs", e);
        }
    }
}
