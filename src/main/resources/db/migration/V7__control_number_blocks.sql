-- Control numbers are taken from the sequence 50 at a time (store/ControlNumbers): one database round trip, and on
-- H2 one store commit, per 50 interchanges sent instead of per interchange. Gateways sharing the database still
-- never get the same number: each nextval() is the first of a block no one else gets. Unused numbers of a block
-- are skipped at a restart; X12 asks for unique control numbers, not gapless ones.
ALTER SEQUENCE outbound_control_number INCREMENT BY 50;
