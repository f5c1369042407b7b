-- CongressPlatform — one-time PostgreSQL setup for a server (run as the postgres superuser):
--
--   sudo -u postgres psql -v app_password="'$(openssl rand -hex 24)'" -f infra/postgres/setup.sql
--
-- (keep the password: it goes into ConnectionStrings__PostgreSql in the systemd EnvironmentFile).
-- Creates the application role `congress`, the database `congress` owned by it, and the module
-- schemas owned by the role. Each module's first hand-written migration also runs
-- CREATE SCHEMA IF NOT EXISTS for its own schema (and keeps its own __EFMigrationsHistory there),
-- so a schema missing here is created on first start; creating them here just makes ownership
-- explicit. Re-running this script is safe.

\set ON_ERROR_STOP on

SELECT 'CREATE ROLE congress LOGIN'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'congress')
\gexec

-- psql interpolates :app_password (already quoted by the caller, see above).
ALTER ROLE congress WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :app_password;

SELECT 'CREATE DATABASE congress OWNER congress ENCODING ''UTF8'' TEMPLATE template0'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'congress')
\gexec

\connect congress

-- Nobody but the owner creates objects in public.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE congress FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE congress TO congress;

-- One schema per module (ARCHITECTURE.md rule 7). Add a line when a module is added.
CREATE SCHEMA IF NOT EXISTS identity  AUTHORIZATION congress;
CREATE SCHEMA IF NOT EXISTS deputies  AUTHORIZATION congress;
CREATE SCHEMA IF NOT EXISTS scheduler AUTHORIZATION congress;   -- Quartz job store (clustered)

ALTER SCHEMA identity  OWNER TO congress;
ALTER SCHEMA deputies  OWNER TO congress;
ALTER SCHEMA scheduler OWNER TO congress;

ALTER ROLE congress IN DATABASE congress SET timezone TO 'UTC';
