-- Makes audit_event append-only for the role Sacrum connects as (SACRUM_DB_USER) on PostgreSQL 13+.
-- The hash chain (GET /api/manage/audit/verify) DETECTS a changed or deleted record; this PREVENTS it, as far as
-- the application's role goes. Run it as a superuser or the database owner, after Sacrum's first start has created
-- the schema (Flyway V4 or later), and after any import (an import deletes the new instance's few own records to
-- chain them after the imported log):
--
--   psql -v ON_ERROR_STOP=1 -v app_role=sacrum -v audit_owner=sacrum_audit -d sacrum -f deploy/postgres/audit-append-only.sql
--
-- A table's owner can always grant itself back what was revoked, so the table first moves to a role of its own
-- (audit_owner, which nobody logs in as); the application keeps SELECT and INSERT, and UPDATE of the two hash
-- columns only (the one-time chaining of records written before the chain existed, audit.control.ChainBackfill).
-- A later migration that alters audit_event must then be run by audit_owner (or a superuser).

SELECT format('CREATE ROLE %I NOLOGIN', :'audit_owner')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'audit_owner') \gexec

ALTER TABLE audit_event OWNER TO :"audit_owner";
REVOKE ALL ON audit_event FROM PUBLIC;
REVOKE ALL ON audit_event FROM :"app_role";
GRANT SELECT, INSERT ON audit_event TO :"app_role";
GRANT UPDATE (prev_hash, hash) ON audit_event TO :"app_role";

-- Belt and braces, and the alternative where the table cannot change owner: a trigger (owned by audit_owner with
-- the table, so the application's role can neither drop nor disable it) refuses UPDATE, DELETE and TRUNCATE,
-- except filling in the hashes of a record that has none yet.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.hash IS NULL
           AND (NEW.id, NEW.at, NEW.actor, NEW.action, NEW.entry_id, NEW.content_type, NEW.slug, NEW.revision_number,
                NEW.from_state, NEW.to_state, NEW.detail)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.at, OLD.actor, OLD.action, OLD.entry_id, OLD.content_type, OLD.slug, OLD.revision_number,
                OLD.from_state, OLD.to_state, OLD.detail) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$fn$;
ALTER FUNCTION audit_event_append_only() OWNER TO :"audit_owner";

DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- To undo (before an import into this database, or a migration that alters the table), as audit_owner or a superuser:
--   DROP TRIGGER audit_event_append_only ON audit_event; DROP TRIGGER audit_event_no_truncate ON audit_event;
--   ALTER TABLE audit_event OWNER TO <app_role>;
