package org.pagateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.CanonicalJson;
import org.pagateway.model.Channel;
import org.pagateway.model.Decision;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Authorizations in the database, the source of truth for every request the gateway accepted. */
public final class AuthorizationStore {

    private static final String INSERT = "INSERT INTO authorization_record (id, status, action_code, channel, source_name,"
            + " member_id, requester_id, request_category, service_type, review_queue, interchange_ref, request_json,"
            + " decision_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    public AuthorizationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores all in one database transaction: a batch of authorizations is stored whole or not at all. */
    public void insertAll(List<Authorization> authorizations) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (Authorization a : authorizations) {
                    bind(insert, a);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store authorizations", e);
        }
    }

    private static void bind(PreparedStatement insert, Authorization a) throws SQLException {
        AuthorizationRequest r = a.request();
        Timestamp created = Timestamp.from(a.createdAt());
        insert.setString(1, a.id());
        insert.setString(2, a.status().name());
        insert.setString(3, a.decision().actionCode());
        insert.setString(4, a.channel().name());
        insert.setString(5, a.sourceName());
        insert.setString(6, memberId(r));
        insert.setString(7, r.requester() == null ? null : r.requester().id());
        insert.setString(8, r.category().name());
        insert.setString(9, r.serviceType());
        insert.setString(10, a.decision().reviewQueue());
        insert.setString(11, r.envelope() == null ? null
                : r.envelope().senderId() + "/" + r.envelope().interchangeControlNumber() + "/"
                        + r.envelope().groupControlNumber() + "/" + r.envelope().transactionControlNumber());
        insert.setString(12, json(r));
        insert.setString(13, json(a.decision()));
        insert.setTimestamp(14, created);
        insert.setTimestamp(15, created);
    }

    /** A dependent is often sent by name only: the subscriber's member ID finds the family's requests. */
    private static String memberId(AuthorizationRequest r) {
        if (r.patient() != null && r.patient().memberId() != null) {
            return r.patient().memberId();
        }
        return r.subscriber() == null ? null : r.subscriber().memberId();
    }

    public Optional<Authorization> find(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT id, channel, source_name, request_json,"
                        + " decision_json, created_at FROM authorization_record WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Authorization(rs.getString(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                        CanonicalJson.mapper().readValue(rs.getString(4), AuthorizationRequest.class),
                        CanonicalJson.mapper().readValue(rs.getString(5), Decision.class),
                        rs.getTimestamp(6).toInstant()));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read authorization " + id, e);
        }
    }

    public int count() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM authorization_record");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count authorizations", e);
        }
    }

    private static String json(Object value) {
        try {
            return CanonicalJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical model not serializable", e);
        }
    }
}
