-- Whether the 278 response of a reviewer's decision has yet to go out (outbound.278, and outbox/ for a file).
-- Set in the decision's own transaction and cleared once the response is out: a gateway that dies in between, or
-- meets a broker that is down, leaves it set, and the sweep delivers the response.
ALTER TABLE authorization_record ADD COLUMN response_due BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX authorization_response_due ON authorization_record (response_due);
