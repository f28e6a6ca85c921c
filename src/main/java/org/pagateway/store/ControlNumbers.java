package org.pagateway.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** ISA13/GS06 control numbers of the interchanges the gateway sends: unique across restarts and instances. */
public final class ControlNumbers {

    private final DataSource dataSource;

    public ControlNumbers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long next() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                // nextval('...') is PostgreSQL's; H2 takes it too, while PostgreSQL has no NEXT VALUE FOR
                ResultSet rs = s.executeQuery("SELECT nextval('outbound_control_number')")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot take an outbound control number", e);
        }
    }
}
