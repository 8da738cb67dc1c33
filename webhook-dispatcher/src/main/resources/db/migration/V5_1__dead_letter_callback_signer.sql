-- A callback's dead letter keeps the orders API client and key versions that sign it (the delivery's client_id
-- and callback_key_versions headers), so that its replay is signed like the original; null for endpoints and for
-- callbacks of events published before per-client callback secrets.
alter table dead_letters add column client_id varchar(100);
alter table dead_letters add column callback_key_versions varchar(40);
