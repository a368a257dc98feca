-- The storage API's schema, shared by all three services (JDBC for classic and loom, R2DBC for webflux;
-- Flyway applies it over JDBC at startup in each of them).

-- One row per object. The key is collated "C" so that ORDER BY key is byte order, the order of Java's
-- String.compareTo for the ASCII-only key grammar and so the listing order of the in-memory engine; the
-- primary key's index serves the keyset pages (WHERE key > cursor ORDER BY key LIMIT n).
CREATE TABLE storage_object (
	key          text COLLATE "C" PRIMARY KEY,
	content      bytea            NOT NULL,
	content_type text             NOT NULL,
	etag         text             NOT NULL,
	size         bigint           NOT NULL CHECK (size >= 0),
	created      timestamptz      NOT NULL,
	modified     timestamptz      NOT NULL
);

-- How full the store is: exactly one row, changed in the same transaction as the object it accounts for.
-- A write that adds objects or bytes takes the row's lock with a guarded UPDATE (... WHERE objects + 1 <= max
-- AND bytes + n <= max); concurrent writers queue on that lock and each re-checks the guard against the
-- committed totals, so the configured limits hold under any concurrency and a refused write rolls back its
-- object change. version grows with every change, so a reader can keep the newest of several snapshots.
CREATE TABLE storage_usage (
	id      smallint PRIMARY KEY CHECK (id = 1),
	objects bigint   NOT NULL CHECK (objects >= 0),
	bytes   bigint   NOT NULL CHECK (bytes >= 0),
	version bigint   NOT NULL
);

INSERT INTO storage_usage (id, objects, bytes, version) VALUES (1, 0, 0, 0);
