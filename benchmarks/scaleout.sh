#!/usr/bin/env bash
# Verifies the README's "Beyond one machine" commands, as written there, on one machine: local
# PostgreSQL clusters on ports 5433-5437 stand in for the servers (a primary, its read replica,
# a coordinator and two shards). Each command is printed before it runs; the output is
# committed beside this script:
#
#     bash benchmarks/scaleout.sh > benchmarks/scaleout.txt 2>&1
#
# Needs Debian's postgresql (server programs) and the project's .venv. Leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$ROOT/.venv/bin:$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1):$PATH"
WORK=$(mktemp -d /tmp/pbdocs-scaleout-XXXXXX)
chmod 755 "$WORK"
[ "$(id -u)" = 0 ] && chown postgres "$WORK"

# The server programs run as the postgres user (they refuse root); psql and pbdocs as we are.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
show() {  # print a command as typed: arguments with spaces in quotes
  local out="\$" a; for a in "$@"; do [[ $a == *" "* ]] && out+=" \"$a\"" || out+=" $a"; done
  printf '%s\n' "$out"; }
run() { show "$@"; "$@"; }
run_pg() { show "$@"; as_pg "$@"; }
runj() {  # runj "KEYS" CMD…: print CMD, run it, print the named keys of its JSON output
  local keys=$1; shift; show "$@"; "$@" | json $keys; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(*[d[k] if isinstance(d[k], (int, str)) else json.dumps(d[k], sort_keys=True, ensure_ascii=False) for k in sys.argv[1:]])" "$@"; }

cleanup() {
  for d in primary replica coord shard1 shard2; do
    [ -d "$WORK/$d" ] && as_pg pg_ctl -D "$WORK/$d" -m immediate -w stop >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

new_server() {  # a cluster standing in for a server: data folder, port
  as_pg initdb -D "$WORK/$1" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  as_pg pg_ctl -D "$WORK/$1" -l "$WORK/$1.log" -w \
    -o "-p $2 -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null
  psql -qX -h 127.0.0.1 -p "$2" -U postgres -c "CREATE DATABASE pbdocs"
}

mkdir -p "$WORK/corpus"
cp corpus/*.* "$WORK/corpus/"
cd "$WORK"
QUERIES=("双带头人" "三会一课 OR 主题党日" "组织员 NOT 辅导员" "思想政治工作")

echo "## 1. A read replica (pg_basebackup): web servers search the replica"
new_server primary 5433
PRIMARY=postgresql://postgres@127.0.0.1:5433/pbdocs
runj "documents clauses added" pbdocs index --corpus corpus --engine postgres --db "$PRIMARY" --format json
run_pg pg_basebackup -h 127.0.0.1 -p 5433 -U postgres -D replica -R -X stream -c fast
run_pg pg_ctl -D replica -l replica.log -w -o "-p 5434 -k /tmp" start
REPLICA=postgresql://postgres@127.0.0.1:5434/pbdocs
for q in "${QUERIES[@]}"; do
  p=$(pbdocs search "$q" --db "$PRIMARY" --index i1 --format json | json total)
  r=$(pbdocs search "$q" --db "$REPLICA" --index i2 --format json | json total)
  echo "search “$q”: primary $p hits, replica $r hits"
  [ "$p" = "$r" ]
done
show pbdocs show jyu-2021-54/二/（六）/14 --db "$REPLICA"
pbdocs show "jyu-2021-54/二/（六）/14" --db "$REPLICA" | sed -n 1,3p
echo "-- an update on the primary reaches the replica:"
sed 's/双带头人/双带头人工作室/' corpus/hdu-2020-55.txt > corpus/hdu-2020-55-copy.txt
runj "documents added updated removed" pbdocs index --corpus corpus --engine postgres --db "$PRIMARY" --format json
sleep 1
echo "replica: $(pbdocs search 双带头人工作室 --db "$REPLICA" --index i2 --format json | json total) hits for 双带头人工作室 (primary: $(pbdocs search 双带头人工作室 --db "$PRIMARY" --index i1 --format json | json total))"
echo "-- indexing against the replica is refused in one sentence:"
show pbdocs index --corpus corpus --engine postgres --db "$REPLICA"
pbdocs index --corpus corpus --engine postgres --db "$REPLICA" --index i3 && exit 1 || echo "(exit $?)"

echo
echo "## 2. Partitioning by institution across servers (postgres_fdw)"
new_server shard1 5436
new_server shard2 5437
new_server coord 5435
mkdir -p empty
for port in 5436 5437; do  # each shard gets pbdocs' tables and indexes, empty
  runj "documents" pbdocs index --corpus empty --engine postgres --db "postgresql://postgres@127.0.0.1:$port/pbdocs" --index "shard$port" --format json
done
show "psql -h 127.0.0.1 -p 5435 -U postgres pbdocs <<'SQL' …"
psql -qX -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5435 -U postgres pbdocs <<'SQL'
CREATE EXTENSION postgres_fdw;
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '5436',
  dbname 'pbdocs', use_remote_estimate 'true', options '-c enable_seqscan=off -c jit=off');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '5437',
  dbname 'pbdocs', use_remote_estimate 'true', options '-c enable_seqscan=off -c jit=off');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user 'postgres');
CREATE SCHEMA pbdocs;
CREATE TABLE pbdocs.clauses (clause_id text NOT NULL, doc_id text NOT NULL, ord bigint NOT NULL,
  inst text NOT NULL, year text, kind text, depts text[] NOT NULL, lead text[] NOT NULL,
  support text[] NOT NULL, terms tsvector NOT NULL,
  grams tsvector NOT NULL, data text NOT NULL) PARTITION BY HASH (inst);
CREATE FOREIGN TABLE pbdocs.clauses_1 PARTITION OF pbdocs.clauses
  FOR VALUES WITH (MODULUS 2, REMAINDER 0) SERVER shard1 OPTIONS (schema_name 'pbdocs', table_name 'clauses');
CREATE FOREIGN TABLE pbdocs.clauses_2 PARTITION OF pbdocs.clauses
  FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard2 OPTIONS (schema_name 'pbdocs', table_name 'clauses');
SQL
COORD=postgresql://postgres@127.0.0.1:5435/pbdocs
rm corpus/hdu-2020-55-copy.txt
runj "documents clauses added" pbdocs index --corpus corpus --engine postgres --db "$COORD" --index ic --format json
for port in 5436 5437; do
  echo "shard on port $port holds: $(psql -qAtX -h 127.0.0.1 -p $port -U postgres pbdocs -c \
    "SELECT count(*) || ' clauses of ' || string_agg(DISTINCT inst, '、') FROM pbdocs.clauses")"
done
runj "documents removed" pbdocs index --corpus corpus --engine postgres --db "$PRIMARY" --index i1 --format json
for q in "${QUERIES[@]}"; do
  one=$(pbdocs search "$q" --db "$PRIMARY" --index i1 --format json --facets --limit 20)
  two=$(pbdocs search "$q" --db "$COORD" --index ic --format json --facets --limit 20)
  same=$([ "$(echo "$one" | json total facets hits)" = "$(echo "$two" | json total facets hits)" ] && echo yes || echo NO)
  echo "search “$q” --facets: one server $(echo "$one" | json total) hits, partitioned $(echo "$two" | json total); same facets, hits, order and scores: $same"
  [ "$same" = yes ]
done
run pbdocs search 双带头人 --inst 嘉应 --db "$COORD" --limit 1
run pbdocs show nbpt-2020-sanji/三/4 --db "$COORD" --format json --index ic | sed -n 1,4p
echo
echo "all checks passed"
