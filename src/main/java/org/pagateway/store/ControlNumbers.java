package org.pagateway.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * ISA13/GS06 control numbers of the interchanges the gateway sends: unique across restarts and instances. They are
 * taken from the database sequence in blocks of {@value #BLOCK} (its increment, migration V7), so an answer does not
 * cost a database round trip each; a restart skips what was left of its block.
 */
public final class ControlNumbers {

    static final int BLOCK = 50;
    /** ISA13 has nine digits. */
    private static final long LARGEST = 999_999_999L;

    private final DataSource dataSource;
    private long next;
    private long end;

    public ControlNumbers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public synchronized long next() {
        if (next >= end) {
            next = reserve();
            // the sequence cycles at 999,999,999: its last block is cut short there
            end = Math.min(next + BLOCK, LARGEST + 1);
        }
        return next++;
    }

    private long reserve() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                // nextval('...') is PostgreSQL's; H2 takes it too, while PostgreSQL has no NEXT VALUE FOR
                ResultSet rs = s.executeQuery("SELECT nextval('outbound_control_number')")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot take outbound control numbers", e);
        }
    }
}
