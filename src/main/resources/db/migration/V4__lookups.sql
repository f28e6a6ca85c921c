-- What the provider lookups filter on (GET /api/v1/authorizations?memberId=&status=&diagnosisCode=&site=) and what
-- their summary rows show, kept beside the JSON so a lookup never parses it. Filled as authorizations are stored;
-- rows stored before this migration get them from the Java migration 4.1 (store/LookupColumnsBackfill).
-- Types are ones H2 and PostgreSQL both take.
ALTER TABLE authorization_record ADD COLUMN requester_site VARCHAR(64);
ALTER TABLE authorization_record ADD COLUMN primary_diagnosis VARCHAR(16);
ALTER TABLE authorization_record ADD COLUMN service_start DATE;
ALTER TABLE authorization_record ADD COLUMN service_end DATE;
CREATE INDEX authorization_site ON authorization_record (requester_site);

-- Every diagnosis of an authorization (up to 12 in a 278), so a lookup by diagnosis code finds the secondary ones too.
-- Codes are kept as the 278 carries them: upper case, without the dot (S82891B).
CREATE TABLE authorization_diagnosis (
    authorization_id  VARCHAR(16) NOT NULL,
    diagnosis_order   INT         NOT NULL,
    code              VARCHAR(16) NOT NULL,
    CONSTRAINT authorization_diagnosis_key PRIMARY KEY (authorization_id, diagnosis_order)
);
CREATE INDEX authorization_diagnosis_code ON authorization_diagnosis (code);
