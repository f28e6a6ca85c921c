-- One row per authorization (one patient event). The canonical request and decision are kept whole as
-- JSON; the columns beside them are what lookups filter on.
-- Written to run unchanged on H2 2.3 and PostgreSQL: the JSON is TEXT, which PostgreSQL has and H2 takes as
-- CHARACTER VARYING (up to 10^9 characters). It said CLOB, which PostgreSQL lacks, until PostgreSQL came; no
-- production database existed then. A development H2 database made before fails Flyway's checksum: delete it.
CREATE TABLE authorization_record (
    id                VARCHAR(16)  NOT NULL PRIMARY KEY,
    status            VARCHAR(16)  NOT NULL,
    action_code       VARCHAR(4)   NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    source_name       VARCHAR(512),
    member_id         VARCHAR(80),
    requester_id      VARCHAR(80),
    request_category  VARCHAR(32)  NOT NULL,
    service_type      VARCHAR(8),
    review_queue      VARCHAR(128),
    interchange_ref   VARCHAR(200),
    request_json      TEXT         NOT NULL,
    decision_json     TEXT         NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX authorization_member ON authorization_record (member_id);
CREATE INDEX authorization_status ON authorization_record (status);

-- Daily sequence behind the seed's IDs: YYDDD R nnnnn. Gateways take blocks of numbers.
CREATE TABLE authorization_sequence (
    day_key   VARCHAR(5) NOT NULL PRIMARY KEY,
    next_seq  INT        NOT NULL
);

-- Control numbers of the interchanges the gateway sends (ISA13/GS06); taken with nextval(), which both know.
CREATE SEQUENCE outbound_control_number START WITH 1 MAXVALUE 999999999 CYCLE;
