-- Every request the gateway answered, by what identifies it to its sender: an X12 patient event by sender,
-- ISA13, GS06, ST02 and its place in the set; a JSON request by its Idempotency-Key. A resend finds its first
-- answer here instead of making a second authorization. A rejected request has no authorization IDs: its
-- decision (the AAA) is kept so the resend is answered the same way.
CREATE TABLE received_request (
    request_key        VARCHAR(300) NOT NULL PRIMARY KEY,
    authorization_ids  VARCHAR(200),
    decision_json      VARCHAR      NOT NULL,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Whether the authorization is on its review queue yet. Stored and queued are two systems: an authorization
-- stored by a gateway that died (or met a broker that was down) before queueing it is queued by the sweep.
ALTER TABLE authorization_record ADD COLUMN queued BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE authorization_record SET queued = TRUE;
CREATE INDEX authorization_unqueued ON authorization_record (queued);
