package org.pagateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationLookup;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.AuthorizationStatus;
import org.pagateway.model.AuthorizationSummary;
import org.pagateway.model.CanonicalJson;
import org.pagateway.model.Channel;
import org.pagateway.model.DateRange;
import org.pagateway.model.Decision;
import org.pagateway.model.Diagnosis;
import org.pagateway.model.HistoryEntry;
import org.pagateway.model.Provider;
import org.pagateway.model.Receipt;
import org.pagateway.model.RequestCategory;
import org.pagateway.rules.ProviderDirectory;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Authorizations in the database, the source of truth for every request the gateway accepted. */
public final class AuthorizationStore {

    private static final String INSERT = "INSERT INTO authorization_record (id, status, action_code, channel, source_name,"
            + " member_id, requester_id, request_category, service_type, review_queue, interchange_ref, request_json,"
            + " decision_json, created_at, updated_at, queued, requester_site, primary_diagnosis, service_start, service_end)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_DIAGNOSIS = "INSERT INTO authorization_diagnosis (authorization_id, diagnosis_order,"
            + " code) VALUES (?, ?, ?)";

    private static final String INSERT_RECEIPT = "INSERT INTO received_request (request_key, authorization_ids, decision_json,"
            + " received_at) VALUES (?, ?, ?, ?)";

    private static final String SUMMARY_COLUMNS = "r.id, r.request_category, r.created_at, r.member_id, r.primary_diagnosis,"
            + " r.status, r.service_start, r.service_end, r.requester_site, r.requester_id";

    private static final String INSERT_HISTORY = "INSERT INTO authorization_history (authorization_id, happened_at, actor,"
            + " action, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final ProviderDirectory directory;

    /** The directory gives each authorization the site of its requesting provider, which site lookups filter on. */
    public AuthorizationStore(DataSource dataSource, ProviderDirectory directory) {
        this.dataSource = dataSource;
        this.directory = directory;
    }

    /** Stores all in one database transaction: a batch of authorizations is stored whole or not at all. */
    public void insertAll(List<Authorization> authorizations) {
        insertAll(authorizations, List.of());
    }

    /**
     * Stores the authorizations and the receipts of the requests that made them in one database transaction.
     * {@link AlreadyReceived} when a receipt's key is taken: another gateway (or an earlier run) answered that
     * request first, and nothing of this batch is stored.
     */
    public void insertAll(List<Authorization> authorizations, List<Receipt> receipts) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(INSERT);
                    PreparedStatement history = c.prepareStatement(INSERT_HISTORY);
                    PreparedStatement diagnoses = c.prepareStatement(INSERT_DIAGNOSIS);
                    PreparedStatement received = c.prepareStatement(INSERT_RECEIPT)) {
                for (Authorization a : authorizations) {
                    bind(insert, a);
                    insert.addBatch();
                    List<Diagnosis> codes = a.request().diagnoses();
                    for (int i = 0; i < codes.size(); i++) {
                        diagnoses.setString(1, a.id());
                        diagnoses.setInt(2, i);
                        diagnoses.setString(3, diagnosisCode(codes.get(i).code()));
                        diagnoses.addBatch();
                    }
                    bindHistory(history, a.id(), new HistoryEntry(a.createdAt(), "gateway", "RECEIVED", null, a.status(),
                            a.decision().outcome() + (a.decision().reviewQueue() == null ? "" : " to " + a.decision().reviewQueue())));
                    history.addBatch();
                }
                Timestamp now = Timestamp.from(java.time.Instant.now());
                for (Receipt r : receipts) {
                    received.setString(1, r.key());
                    received.setString(2, String.join(",", r.authorizationIds()));
                    received.setString(3, json(r.decision()));
                    received.setTimestamp(4, now);
                    received.addBatch();
                }
                if (!receipts.isEmpty()) {
                    received.executeBatch();
                }
                insert.executeBatch();
                history.executeBatch();
                diagnoses.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new AlreadyReceived(e);
            }
            throw new StoreException("cannot store authorizations", e);
        }
    }

    /** 23505: unique violation, in H2 and PostgreSQL alike (a batch may wrap it). */
    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && "23505".equals(cause.getSQLState());
    }

    /** The receipts of requests already answered, by key. */
    public Map<String, Receipt> receipts(Collection<String> keys) {
        Map<String, Receipt> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection()) {
            List<String> all = new ArrayList<>(keys);
            for (int from = 0; from < all.size(); from += 100) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + 100));
                try (PreparedStatement select = c.prepareStatement("SELECT request_key, authorization_ids, decision_json"
                        + " FROM received_request WHERE request_key IN (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            String ids = rs.getString(2);
                            found.put(rs.getString(1), new Receipt(rs.getString(1),
                                    ids == null || ids.isEmpty() ? List.of() : List.of(ids.split(",")),
                                    CanonicalJson.mapper().readValue(rs.getString(3), Decision.class)));
                        }
                    }
                }
            }
            return found;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read received requests", e);
        }
    }

    /** These authorizations are on their review queues now. */
    public void markQueued(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE authorization_record SET queued = TRUE WHERE id = ?")) {
            for (String id : ids) {
                update.setString(1, id);
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot mark authorizations queued", e);
        }
    }

    /**
     * Authorizations stored (or last changed: a decision or revision that moved them) before {@code before} that should
     * be on a review queue and are not known to be.
     */
    public List<Authorization> unqueued(java.time.Instant before, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(COLUMNS + " FROM authorization_record WHERE queued = FALSE"
                        + " AND review_queue IS NOT NULL AND updated_at < ? ORDER BY updated_at FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setTimestamp(1, Timestamp.from(before));
            List<Authorization> unqueued = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    unqueued.add(authorization(rs));
                }
            }
            return unqueued;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read unqueued authorizations", e);
        }
    }

    private void bind(PreparedStatement insert, Authorization a) throws SQLException {
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
        // nothing to queue counts as queued, so the sweep never looks at it
        insert.setBoolean(16, a.decision().reviewQueue() == null);
        insert.setString(17, site(directory, r));
        insert.setString(18, r.diagnoses().isEmpty() ? null : diagnosisCode(r.diagnoses().get(0).code()));
        DateRange dates = r.servicePeriod();
        setDate(insert, 19, dates == null ? null : dates.start());
        setDate(insert, 20, dates == null ? null : dates.end());
    }

    /** The requesting provider's site in the directory, as the seed's "for this site" lookup knows it; upper case. */
    static String site(ProviderDirectory directory, AuthorizationRequest r) {
        if (r.requester() == null || r.requester().id() == null) {
            return null;
        }
        try {
            return directory.find(r.requester().id()).map(Provider::site)
                    .filter(site -> !site.isBlank()).map(AuthorizationStore::siteKey).orElse(null);
        } catch (RuntimeException e) {
            // a directory that cannot be read must not lose the request: it is stored without its site
            return null;
        }
    }

    /** Sites are matched without regard to case. */
    public static String siteKey(String site) {
        return site == null ? null : site.strip().toUpperCase(Locale.ROOT);
    }

    /** Diagnosis codes are matched as the 278 carries them: upper case, without the dot (S82.891B is S82891B). */
    public static String diagnosisCode(String code) {
        return code == null ? null : code.replace(".", "").strip().toUpperCase(Locale.ROOT);
    }

    static void setDate(PreparedStatement statement, int index, LocalDate day) throws SQLException {
        if (day == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, day);
        }
    }

    /** A dependent is often sent by name only: the subscriber's member ID finds the family's requests. */
    private static String memberId(AuthorizationRequest r) {
        if (r.patient() != null && r.patient().memberId() != null) {
            return r.patient().memberId();
        }
        return r.subscriber() == null ? null : r.subscriber().memberId();
    }

    /**
     * The site an authorization belongs to: its requesting provider's, as stored when it was taken (what site lookups
     * and access by site go by). Empty when there is no such authorization, or its requester has no site.
     */
    public Optional<String> requesterSite(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT requester_site FROM authorization_record WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read authorization " + id, e);
        }
    }

    /** An authorization's columns, in the order {@link #authorization} reads them. */
    private static final String COLUMNS = "SELECT id, channel, source_name, request_json, decision_json, created_at";
    private static final String SELECT_ONE = COLUMNS + " FROM authorization_record WHERE id = ?";

    public Optional<Authorization> find(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(SELECT_ONE)) {
            select.setString(1, id);
            return read(select);
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read authorization " + id, e);
        }
    }

    private static Optional<Authorization> read(PreparedStatement select) throws SQLException, JsonProcessingException {
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(authorization(rs)) : Optional.empty();
        }
    }

    private static Authorization authorization(ResultSet rs) throws SQLException, JsonProcessingException {
        return new Authorization(rs.getString(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                CanonicalJson.mapper().readValue(rs.getString(4), AuthorizationRequest.class),
                CanonicalJson.mapper().readValue(rs.getString(5), Decision.class),
                rs.getTimestamp(6).toInstant());
    }

    /** What a change makes of an authorization: its request and decision now, the 278 that says so, the history entry. */
    public record Change(AuthorizationRequest request, Decision decision, String responseX12, HistoryEntry entry) {
    }

    /**
     * Changes an authorization as it is now: the row is locked while the change is worked out from it and written,
     * so two revisions at once (or a revision and a reviewer's decision) each see the other's result instead of
     * overwriting it. With a {@code receiptKey} (an X12 revision's, see AuthorizationIntake) the answer is kept under
     * it in the same transaction, so a resend is answered instead of applied again. Empty when there is no such
     * authorization; whatever the change throws rolls it back; {@link AlreadyReceived} when the key is taken.
     */
    public Optional<Authorization> change(String id, String receiptKey, Function<Authorization, Change> change) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement select = c.prepareStatement(SELECT_ONE + " FOR UPDATE");
                    PreparedStatement update = c.prepareStatement("UPDATE authorization_record SET status = ?,"
                            + " action_code = ?, review_queue = ?, request_json = ?, decision_json = ?, response_x12 = ?,"
                            + " updated_at = ?, queued = ? WHERE id = ?");
                    PreparedStatement history = c.prepareStatement(INSERT_HISTORY);
                    PreparedStatement received = c.prepareStatement(INSERT_RECEIPT)) {
                select.setString(1, id);
                Optional<Authorization> current = read(select);
                if (current.isEmpty()) {
                    c.rollback();
                    return Optional.empty();
                }
                Change made = change.apply(current.get());
                update.setString(1, made.decision().status().name());
                update.setString(2, made.decision().actionCode());
                update.setString(3, made.decision().reviewQueue());
                update.setString(4, json(made.request()));
                update.setString(5, json(made.decision()));
                update.setString(6, made.responseX12());
                update.setTimestamp(7, Timestamp.from(made.entry().at()));
                // a new review queue is to be published to: until then the sweep knows it is not there
                update.setBoolean(8, made.decision().reviewQueue() == null);
                update.setString(9, id);
                update.executeUpdate();
                bindHistory(history, id, made.entry());
                history.executeUpdate();
                if (receiptKey != null) {
                    received.setString(1, receiptKey);
                    received.setString(2, id);
                    received.setString(3, json(made.decision()));
                    received.setTimestamp(4, Timestamp.from(made.entry().at()));
                    received.executeUpdate();
                }
                c.commit();
                Authorization was = current.get();
                return Optional.of(new Authorization(was.id(), was.channel(), was.sourceName(), made.request(),
                        made.decision(), was.createdAt()));
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                c.rollback();
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new AlreadyReceived(e);
            }
            throw new StoreException("cannot change authorization " + id, e);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot change authorization " + id, e);
        }
    }

    /** The authorizations a lookup finds, newest first, as summary rows. */
    public List<AuthorizationSummary> search(AuthorizationLookup lookup) {
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM authorization_record r WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (lookup.memberId() != null) {
            sql.append(" AND r.member_id = ?");
            values.add(lookup.memberId());
        }
        if (lookup.site() != null) {
            sql.append(" AND r.requester_site = ?");
            values.add(siteKey(lookup.site()));
        }
        if (lookup.withinSites() != null) {
            if (lookup.withinSites().isEmpty()) {
                return List.of();
            }
            sql.append(" AND r.requester_site IN (").append(String.join(", ", lookup.withinSites().stream().map(s -> "?").toList()))
                    .append(')');
            lookup.withinSites().stream().map(AuthorizationStore::siteKey).sorted().forEach(values::add);
        }
        if (!lookup.statuses().isEmpty()) {
            sql.append(" AND r.status IN (").append(String.join(", ", lookup.statuses().stream().map(s -> "?").toList())).append(')');
            lookup.statuses().stream().map(Enum::name).sorted().forEach(values::add);
        }
        if (lookup.diagnosisCode() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM authorization_diagnosis d WHERE d.authorization_id = r.id AND d.code = ?)");
            values.add(diagnosisCode(lookup.diagnosisCode()));
        }
        sql.append(" ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?");
        values.add(lookup.limit());
        values.add(lookup.offset());
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            List<AuthorizationSummary> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new AuthorizationSummary(rs.getString(1), requestType(rs.getString(2)),
                            rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
                            AuthorizationStatus.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class),
                            rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("cannot look up authorizations", e);
        }
    }

    private static String requestType(String category) {
        try {
            return RequestCategory.valueOf(category).requestType();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
    /**
     * Records a reviewer's decision, the 278 response it sends and the history entry, if the authorization still
     * has the status the decision was made on. False when someone decided it meanwhile.
     */
    /**
     * Records a reviewer's decision, if the authorization is still {@code expected}: the decision, its 278 response (due
     * for delivery from now), the history entry; and, when it moves to another review queue, not queued there yet.
     */
    public boolean decide(String id, AuthorizationStatus expected, Decision decision, String responseX12, HistoryEntry entry,
            boolean toAnotherQueue) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("UPDATE authorization_record SET status = ?, action_code = ?,"
                    + " review_queue = ?, decision_json = ?, response_x12 = ?, updated_at = ?, response_due = TRUE,"
                    + " queued = CASE WHEN ? THEN FALSE ELSE queued END WHERE id = ? AND status = ?");
                    PreparedStatement history = c.prepareStatement(INSERT_HISTORY)) {
                update.setString(1, decision.status().name());
                update.setString(2, decision.actionCode());
                update.setString(3, decision.reviewQueue());
                update.setString(4, json(decision));
                update.setString(5, responseX12);
                update.setTimestamp(6, Timestamp.from(entry.at()));
                update.setBoolean(7, toAnotherQueue);
                update.setString(8, id);
                update.setString(9, expected.name());
                if (update.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
                bindHistory(history, id, entry);
                history.executeUpdate();
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record the decision on " + id, e);
        }
    }

    /** Authorizations decided before {@code before} whose decision's 278 response has not been delivered yet. */
    public List<String> responsesDue(java.time.Instant before, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT id FROM authorization_record WHERE response_due = TRUE"
                        + " AND updated_at < ? ORDER BY updated_at FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setTimestamp(1, Timestamp.from(before));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("cannot read the responses due", e);
        }
    }

    /**
     * The response is out. Only while it is still the authorization's latest: a later decision's response, recorded
     * meanwhile, stays due until it is out too.
     */
    public void markResponseDelivered(String id, String responseX12) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE authorization_record SET response_due = FALSE"
                        + " WHERE id = ? AND response_x12 = ?")) {
            update.setString(1, id);
            update.setString(2, responseX12);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot mark the response of " + id + " delivered", e);
        }
    }

    public List<HistoryEntry> history(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT happened_at, actor, action, from_status, to_status, note"
                        + " FROM authorization_history WHERE authorization_id = ? ORDER BY id")) {
            select.setString(1, id);
            List<HistoryEntry> entries = new java.util.ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4) == null ? null : AuthorizationStatus.valueOf(rs.getString(4)),
                            AuthorizationStatus.valueOf(rs.getString(5)), rs.getString(6)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of " + id, e);
        }
    }

    /** The latest 278 response a decision sent for the authorization. */
    public Optional<String> response(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT response_x12 FROM authorization_record WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the response of " + id, e);
        }
    }

    private static void bindHistory(PreparedStatement insert, String id, HistoryEntry entry) throws SQLException {
        insert.setString(1, id);
        insert.setTimestamp(2, Timestamp.from(entry.at()));
        insert.setString(3, entry.actor());
        insert.setString(4, entry.action());
        insert.setString(5, entry.fromStatus() == null ? null : entry.fromStatus().name());
        insert.setString(6, entry.toStatus().name());
        String note = entry.note();
        insert.setString(7, note == null || note.length() <= 1000 ? note : note.substring(0, 1000));
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
