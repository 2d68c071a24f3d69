#!/bin/sh
# pg_schema.sh: the PostgreSQL migrations are kept in step with SQLite's.
#
#   pg_schema.sh SRC PGSTATE
#
# SRC is the source tree, PGSTATE the folder of a cluster started by
# tests/support/pg_cluster.sh (ctest's fixture "pg").  Checks that
#   - migrations/sqlite/ and migrations/postgres/ hold the same file
#     names (so the same numbers), no number twice;
#   - every PostgreSQL migration applies, in order, each in a transaction,
#     to a fresh database;
#   - the schemas they make, and SQLite's after all of migrations/sqlite/,
#     are the same: the tables; per table the columns (SQLite's read with
#     pragma table_info, PostgreSQL's from information_schema), each with
#     its type class, NOT NULL and primary key; the foreign keys; the
#     unique constraints; the named indexes (table, columns, unique,
#     partial); the triggers.
# On a difference it prints both sides' lines that differ and fails.
# Exits 77 (skipped) when the PostgreSQL binaries are missing.
set -eu
src="$1"
state="$2"
sqlite_dir="$src/migrations/sqlite"
pg_dir="$src/migrations/postgres"

bindir=$(sh "$src/tests/support/pg_cluster.sh" bindir) || exit $?
if [ ! -f "$state/env" ]; then
  echo "pg_schema.sh: no cluster in $state (the fixture pg/cluster_start" \
       "failed?)" >&2
  exit 1
fi
command -v sqlite3 >/dev/null 2>&1 || {
  echo "pg_schema.sh: sqlite3 is needed (scripts/deps.sh --test)" >&2
  exit 1; }
# shellcheck source=/dev/null
. "$state/env"
psql="$bindir/psql"

tmp=$(mktemp -d)
db="aduan_schema_$$"
cleanup() {
  "$psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null \
    2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# 1. The same migrations in both folders.
(cd "$sqlite_dir" && ls [0-9][0-9][0-9][0-9]_*.sql) > "$tmp/files.sqlite"
(cd "$pg_dir" && ls [0-9][0-9][0-9][0-9]_*.sql) > "$tmp/files.pg"
if ! diff -u "$tmp/files.sqlite" "$tmp/files.pg" > "$tmp/files.diff"; then
  echo "pg_schema.sh: migrations/sqlite/ (-) and migrations/postgres/ (+)" \
       "differ; every migration needs its twin of the same name:" >&2
  tail -n +3 "$tmp/files.diff" | grep '^[-+]' >&2
  exit 1
fi
dup=$(cut -c1-4 "$tmp/files.sqlite" | uniq -d)
if [ -n "$dup" ]; then
  echo "pg_schema.sh: migration number used twice: $dup" >&2
  exit 1
fi

# 2. SQLite's schema, the migrations applied in order.
while read -r f; do
  sqlite3 -bail "$tmp/sqlite.db" < "$sqlite_dir/$f" || {
    echo "pg_schema.sh: migrations/sqlite/$f failed" >&2; exit 1; }
done < "$tmp/files.sqlite"
sqlite3 -bail "$tmp/sqlite.db" > "$tmp/schema.sqlite" <<'EOF'
CREATE TEMP VIEW t AS SELECT name FROM sqlite_master
  WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\';
SELECT 'column ' || t.name || '.' || c.name || ' '
       || CASE upper(c.type) WHEN 'INTEGER' THEN 'integer'
            WHEN 'TEXT' THEN 'text' WHEN 'REAL' THEN 'real'
            WHEN 'BLOB' THEN 'blob' ELSE 'other:' || c.type END
       || CASE WHEN c."notnull" OR c.pk > 0 THEN ' not-null' ELSE '' END
       || CASE WHEN c.pk > 0 THEN ' pk' ELSE '' END
  FROM t JOIN pragma_table_info(t.name) c;
SELECT 'fkey ' || t.name || '.' || f."from" || ' -> ' || f."table" || '.'
       || f."to"
  FROM t JOIN pragma_foreign_key_list(t.name) f;
SELECT 'unique ' || t.name || ' ('
       || (SELECT group_concat(name, ',')
             FROM (SELECT name FROM pragma_index_info(i.name) ORDER BY seqno))
       || ')'
  FROM t JOIN pragma_index_list(t.name) i WHERE i.origin = 'u';
SELECT 'index ' || i.name || ' on ' || t.name || ' ('
       || (SELECT group_concat(name, ',')
             FROM (SELECT name FROM pragma_index_info(i.name) ORDER BY seqno))
       || ')' || CASE WHEN i."unique" THEN ' unique' ELSE '' END
       || CASE WHEN i.partial THEN ' partial' ELSE '' END
  FROM t JOIN pragma_index_list(t.name) i WHERE i.origin = 'c';
SELECT 'trigger ' || name || ' on ' || tbl_name FROM sqlite_master
  WHERE type = 'trigger';
EOF

# 3. PostgreSQL's, in a fresh database of the shared cluster.
"$psql" -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db"
while read -r f; do
  "$psql" -X -q -v ON_ERROR_STOP=1 --single-transaction -d "$db" \
    -f "$pg_dir/$f" >/dev/null || {
    echo "pg_schema.sh: migrations/postgres/$f failed" >&2; exit 1; }
done < "$tmp/files.pg"
# The trigger of 0009 (PL/pgSQL here) queues each deleted evidence row.
if ! "$psql" -X -q -v ON_ERROR_STOP=1 -d "$db" <<'EOF'
BEGIN;
INSERT INTO reporters (phone, handle, created_at) VALUES ('+62', 'P-1', 1);
INSERT INTO inbound (channel, provider_id, reporter_id, kind, received_at)
  VALUES ('dev', 'm1', 1, 'media', 1);
INSERT INTO evidence (inbound_id, sha256, status, received_at)
  VALUES (1, 'ab12', 'stored', 1), (1, NULL, 'pending', 1);
DELETE FROM evidence;
DO $$ BEGIN
  ASSERT (SELECT string_agg(evidence_id || ':' || coalesce(sha256, '-'), ' '
                            ORDER BY seq) FROM evidence_dropped) = '1:ab12 2:-',
         'evidence_dropped_queue did not queue the deleted rows';
END $$;
ROLLBACK;
EOF
then
  echo "pg_schema.sh: the trigger of migrations/postgres/0009 failed" >&2
  exit 1
fi
"$psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" > "$tmp/schema.pg" <<'EOF'
SELECT 'column ' || c.table_name || '.' || c.column_name || ' '
       || CASE WHEN c.data_type IN ('bigint', 'integer', 'smallint')
                 THEN 'integer'
               WHEN c.data_type = 'text' THEN 'text'
               WHEN c.data_type IN ('double precision', 'real') THEN 'real'
               WHEN c.data_type = 'bytea' THEN 'blob'
               ELSE 'other:' || c.data_type END
       || CASE WHEN c.is_nullable = 'NO' THEN ' not-null' ELSE '' END
       || CASE WHEN EXISTS (
            SELECT 1 FROM information_schema.table_constraints tc
              JOIN information_schema.key_column_usage k
                USING (constraint_schema, constraint_name)
             WHERE tc.constraint_type = 'PRIMARY KEY'
               AND k.table_schema = c.table_schema
               AND k.table_name = c.table_name
               AND k.column_name = c.column_name) THEN ' pk' ELSE '' END
  FROM information_schema.columns c
 WHERE c.table_schema = 'public';
-- Constraints and indexes from the catalogue: information_schema has no
-- indexes, and lists a foreign key's columns without their pairing.
CREATE TEMP VIEW cols AS
  SELECT x.oid, string_agg(a.attname, ',' ORDER BY k.ord) AS names
    FROM (SELECT oid, conrelid AS rel, conkey AS keys FROM pg_constraint
          UNION ALL
          SELECT indexrelid, indrelid, indkey::int2[] FROM pg_index) x,
         unnest(x.keys) WITH ORDINALITY k(attnum, ord)
    JOIN pg_attribute a ON a.attnum = k.attnum
   WHERE a.attrelid = x.rel
   GROUP BY x.oid;
SELECT 'fkey ' || c.conrelid::regclass || '.' || a.attname || ' -> '
       || c.confrelid::regclass || '.' || fa.attname
  FROM pg_constraint c
  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
  JOIN pg_attribute fa ON fa.attrelid = c.confrelid
                      AND fa.attnum = c.confkey[1]
 WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace;
SELECT 'unique ' || c.conrelid::regclass || ' (' || cols.names || ')'
  FROM pg_constraint c JOIN cols ON cols.oid = c.oid
 WHERE c.contype = 'u' AND c.connamespace = 'public'::regnamespace;
SELECT 'index ' || ic.relname || ' on ' || i.indrelid::regclass || ' ('
       || cols.names || ')'
       || CASE WHEN i.indisunique THEN ' unique' ELSE '' END
       || CASE WHEN i.indpred IS NOT NULL THEN ' partial' ELSE '' END
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN cols ON cols.oid = i.indexrelid
 WHERE ic.relnamespace = 'public'::regnamespace
   AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                    WHERE c.conindid = i.indexrelid);
SELECT 'trigger ' || t.tgname || ' on ' || t.tgrelid::regclass
  FROM pg_trigger t
  JOIN pg_class r ON r.oid = t.tgrelid
 WHERE NOT t.tgisinternal AND r.relnamespace = 'public'::regnamespace;
EOF

# 4. The same lines on both sides.
sort "$tmp/schema.sqlite" > "$tmp/a"
sort "$tmp/schema.pg" > "$tmp/b"
if ! diff -u "$tmp/a" "$tmp/b" > "$tmp/schema.diff"; then
  echo "pg_schema.sh: the schemas differ (- only in SQLite's, + only in" \
       "PostgreSQL's):" >&2
  tail -n +3 "$tmp/schema.diff" | grep '^[-+]' >&2
  exit 1
fi
echo "pg_schema.sh: $(wc -l < "$tmp/files.pg") migrations," \
     "$(grep -c '^column ' "$tmp/a") columns in" \
     "$(cut -d' ' -f2 "$tmp/a" | grep '^[a-z_]*\.' | cut -d. -f1 | sort -u |
        wc -l) tables, $(grep -vc '^column ' "$tmp/a") constraints," \
     "indexes and triggers: the same in SQLite and PostgreSQL"
