#!/usr/bin/env bash
# The history store at a team's size, release build: `sessions search` over 1,000,000 messages on SQLite
# and on PostgreSQL (target under 50 ms), and `history migrate` of 100,000 messages both ways.
#
# The messages are made by SQL inside each engine (a recursive CTE in SQLite, generate_series in
# PostgreSQL), from the same formulas, so both stores hold the same text: 50,000 sessions of 20 messages,
# questions such as "how many refunds per region in 2023 for returning customers?" and answers with their
# SQL, with timings and tokens. Every SQL answer names `FROM orders`, so "orders" is in more than half of
# the messages (the worst case); "chargeback" is in one question of a thousand; "premium" in one message
# of eighty and "region" in one of twelve (the words between rare and common, the hardest to plan on
# PostgreSQL); "refunds region" needs two words. The store is made by datachat itself first (its migrations), then filled.
#
# Reports the median wall time of RUNS runs (default 5; 3 for migrate) of each command as a user runs
# it, process start included, after one warm-up run; and, for comparison, the same command on an empty
# store on each engine (the process's own start, and on PostgreSQL its connection).
#
# usage: benchmarks/history-store.sh [RUNS] [search|migrate]   (both by default)
#        (PostgreSQL: $DATACHAT_TEST_POSTGRES_URL, else scripts/test-postgres.sh start on $DATACHAT_TEST_PG_PORT)
set -euo pipefail
runs=${1:-5}
part=${2:-all}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift build -c release --product datachat >/dev/null
bin=$root/.build/release/datachat
url=${DATACHAT_TEST_POSTGRES_URL:-$(scripts/test-postgres.sh start)}
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 1; }
command -v psql >/dev/null || { echo "needs psql (apt-get install postgresql-client)" >&2; exit 1; }

work=$(mktemp -d)
schemas=()
cleanup() {
  for schema in "${schemas[@]}"; do psql "$url" -q -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
export HOME=$work XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state

# A PostgreSQL history store of its own: a new schema, and its URL with that search_path.
new_schema() {
  local schema="bench_history_$1_$$"
  psql "$url" -q -c "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" >/dev/null 2>&1
  schemas+=("$schema")
  python3 - "$url" "$schema" <<'PY'
import sys, urllib.parse
url, schema = sys.argv[1], sys.argv[2]
print(url + ("&" if "?" in url else "?") + "options=" + urllib.parse.quote(f"-csearch_path={schema}"))
PY
}

# The words the messages are made of; element k of each list is chosen by a formula of the message's number.
metrics="revenue orders customers sellers reviews payments refunds deliveries products categories returns \
discounts shipments invoices subscriptions visits carts coupons complaints ratings stock suppliers warehouses \
couriers vouchers"
dimensions="region month week state city category seller method status year quarter channel"
qualifiers="new returning loyal inactive premium wholesale retail online local foreign young senior business \
student family corporate trial churned vip regular seasonal domestic international mobile desktop tablet \
referred organic paid partner enterprise small medium large rural urban coastal northern southern eastern"
sqlite_array() { printf '['; local first=1; for w in $1; do [ $first = 1 ] || printf ','; printf '"%s"' "$w"; first=0; done; printf ']'; }
pg_array() { printf 'ARRAY['; local first=1; for w in $1; do [ $first = 1 ] || printf ','; printf "'%s'" "$w"; first=0; done; printf ']'; }

# fill_sqlite FILE SESSIONS: SESSIONS sessions of 20 messages into a store datachat made.
fill_sqlite() {
  local file=$1 sessions=$2 messages=$(($2 * 20))
  local m d q
  m=$(sqlite_array "$metrics") d=$(sqlite_array "$dimensions") q=$(sqlite_array "$qualifiers")
  "$bin" sessions list --history-url "$file" >/dev/null
  sqlite3 "$file" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < $sessions - 1)
INSERT INTO chat_sessions (id, title, created_at, updated_at, data_source, dialect, model, endpoint_host, user_name,
    client_version, schema_fingerprint)
SELECT printf('%08x-0000-4000-8000-000000000000', k), 'session ' || k,
    strftime('%Y-%m-%dT%H:%M:%S.000Z', 1700000000 + k * 600, 'unixepoch'),
    strftime('%Y-%m-%dT%H:%M:%S.000Z', 1700000000 + k * 600 + 190, 'unixepoch'),
    'sqlite:/data/shop.db', 'sqlite', 'bench-model', '127.0.0.1', 'analyst', 'bench', 'f'
FROM s;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $messages - 1),
words(i, t, metric, dimension, qualifier) AS (
    SELECT i, i / 2, json_extract('$m', '\$[' || ((i / 2) * 7 % 25) || ']'),
        json_extract('$d', '\$[' || ((i / 2) * 13 % 12) || ']'), json_extract('$q', '\$[' || ((i / 2) * 31 % 40) || ']')
    FROM n)
INSERT INTO chat_messages (id, session_id, seq, role, content, sql, status, columns, row_count, result_hash,
    attempt, model, prompt_tokens, completion_tokens, first_token_ms, model_ms, execution_ms, total_ms, created_at)
SELECT printf('%08x-%04x-4000-8000-%012x', i / 20, i % 20, i), printf('%08x-0000-4000-8000-000000000000', i / 20),
    i % 20 + 1, CASE i % 2 WHEN 0 THEN 'user' ELSE 'assistant' END,
    CASE i % 2 WHEN 0
        THEN 'how many ' || metric || ' per ' || dimension || ' in ' || (2019 + t % 6) || ' for ' || qualifier
            || ' customers' || CASE WHEN t % 1000 = 0 THEN ' with a chargeback' ELSE '' END || '?'
        ELSE 'Here are the ' || metric || ' per ' || dimension || ':' || char(10) || '\`\`\`sql' || char(10)
            || 'SELECT ' || dimension || ', count(*) AS ' || metric || ' FROM orders GROUP BY ' || dimension
            || char(10) || '\`\`\`'
    END,
    CASE i % 2 WHEN 1 THEN 'SELECT ' || dimension || ', count(*) AS ' || metric || ' FROM orders GROUP BY '
        || dimension END,
    'ok', CASE i % 2 WHEN 1 THEN '["' || dimension || '","' || metric || '"]' END,
    CASE i % 2 WHEN 1 THEN i % 40 + 1 END, CASE i % 2 WHEN 1 THEN printf('%016x', i) END, 1,
    CASE i % 2 WHEN 1 THEN 'bench-model' END, CASE i % 2 WHEN 1 THEN 900 + i % 300 END,
    CASE i % 2 WHEN 1 THEN 40 + i % 60 END, CASE i % 2 WHEN 1 THEN 200 + i * 37 % 800 END,
    CASE i % 2 WHEN 1 THEN 1000 + i * 53 % 4000 END, CASE i % 2 WHEN 1 THEN (i * 17 % 3000) / 10.0 END,
    CASE i % 2 WHEN 1 THEN 1400 + i * 59 % 4000 END,
    strftime('%Y-%m-%dT%H:%M:%S.000Z', 1700000000 + (i / 20) * 600 + (i % 20) * 10, 'unixepoch')
FROM words;
COMMIT;
SQL
}

# fill_postgres URL SESSIONS: the same rows in a PostgreSQL store datachat made.
fill_postgres() {
  local target=$1 sessions=$2 messages=$(($2 * 20))
  local m d q
  m=$(pg_array "$metrics") d=$(pg_array "$dimensions") q=$(pg_array "$qualifiers")
  "$bin" sessions list --history-url "$target" >/dev/null
  # The GIN index is built once after the rows, not row by row: the same index, made faster.
  psql "$target" -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
BEGIN;
DROP INDEX chat_messages_search;
INSERT INTO chat_sessions (id, title, created_at, updated_at, data_source, dialect, model, endpoint_host, user_name,
    client_version, schema_fingerprint)
SELECT lpad(to_hex(k), 8, '0') || '-0000-4000-8000-000000000000', 'session ' || k,
    to_char(to_timestamp(1700000000 + k * 600) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'),
    to_char(to_timestamp(1700000000 + k * 600 + 190) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'),
    'sqlite:/data/shop.db', 'sqlite', 'bench-model', '127.0.0.1', 'analyst', 'bench', 'f'
FROM generate_series(0, $sessions - 1) AS s (k);
INSERT INTO chat_messages (id, session_id, seq, role, content, sql, status, columns, row_count, result_hash,
    attempt, model, prompt_tokens, completion_tokens, first_token_ms, model_ms, execution_ms, total_ms, created_at)
SELECT lpad(to_hex(i / 20), 8, '0') || '-' || lpad(to_hex(i % 20), 4, '0') || '-4000-8000-' || lpad(to_hex(i), 12, '0'),
    lpad(to_hex(i / 20), 8, '0') || '-0000-4000-8000-000000000000',
    i % 20 + 1, CASE i % 2 WHEN 0 THEN 'user' ELSE 'assistant' END,
    CASE i % 2 WHEN 0
        THEN 'how many ' || metric || ' per ' || dimension || ' in ' || (2019 + t % 6) || ' for ' || qualifier
            || ' customers' || CASE WHEN t % 1000 = 0 THEN ' with a chargeback' ELSE '' END || '?'
        ELSE 'Here are the ' || metric || ' per ' || dimension || ':' || chr(10) || '\`\`\`sql' || chr(10)
            || 'SELECT ' || dimension || ', count(*) AS ' || metric || ' FROM orders GROUP BY ' || dimension
            || chr(10) || '\`\`\`'
    END,
    CASE i % 2 WHEN 1 THEN 'SELECT ' || dimension || ', count(*) AS ' || metric || ' FROM orders GROUP BY '
        || dimension END,
    'ok', CASE i % 2 WHEN 1 THEN '["' || dimension || '","' || metric || '"]' END,
    CASE i % 2 WHEN 1 THEN i % 40 + 1 END, CASE i % 2 WHEN 1 THEN lpad(to_hex(i), 16, '0') END, 1,
    CASE i % 2 WHEN 1 THEN 'bench-model' END, CASE i % 2 WHEN 1 THEN 900 + i % 300 END,
    CASE i % 2 WHEN 1 THEN 40 + i % 60 END, CASE i % 2 WHEN 1 THEN 200 + i::bigint * 37 % 800 END,
    CASE i % 2 WHEN 1 THEN 1000 + i::bigint * 53 % 4000 END, CASE i % 2 WHEN 1 THEN (i::bigint * 17 % 3000) / 10.0 END,
    CASE i % 2 WHEN 1 THEN 1400 + i::bigint * 59 % 4000 END,
    to_char(to_timestamp(1700000000 + (i / 20) * 600 + (i % 20) * 10) AT TIME ZONE 'UTC',
        'YYYY-MM-DD"T"HH24:MI:SS".000Z"')
FROM (
    SELECT i, i / 2 AS t, ($m)[(i / 2) * 7 % 25 + 1] AS metric, ($d)[(i / 2) * 13 % 12 + 1] AS dimension,
        ($q)[(i / 2) * 31 % 40 + 1] AS qualifier
    FROM generate_series(0, $messages - 1) AS g (i)
) AS words;
CREATE INDEX chat_messages_search ON chat_messages USING gin (search_vector);
COMMIT;
ANALYZE chat_sessions;
ANALYZE chat_messages;
SQL
}

# median_ms RUNS COMMAND...: the median wall time of RUNS runs after one warm-up, in ms.
median_ms() {
  python3 - "$@" <<'PY'
import statistics, subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
times = []
for index in range(runs + 1):
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {done.stderr}")
    if index > 0:
        times.append(elapsed)
print(f"{statistics.median(times):8.1f} ms  (min {min(times):.1f}, max {max(times):.1f})")
PY
}

searches=("chargeback" "premium" "region" "refunds region" "orders")
if [ "$part" != migrate ]; then
echo "sessions search, median of $runs runs (wall time of the command, start-up included):"

empty=$work/empty.sqlite
"$bin" sessions list --history-url "$empty" >/dev/null
echo "  empty SQLite store, \"orders\":            $(median_ms "$runs" "$bin" sessions search orders --history-url "$empty" --format csv)"

sqlite=$work/million.sqlite
start=$(date +%s)
fill_sqlite "$sqlite" 50000
echo "  (SQLite: 1,000,000 messages made and indexed in $(($(date +%s) - start)) s, $(du -m "$sqlite" | cut -f1) MB)"
for words in "${searches[@]}"; do
  match=$(for w in $words; do printf '"%s"* ' "$w"; done)
  hits=$(sqlite3 "$sqlite" "SELECT count(*) FROM chat_messages_search WHERE chat_messages_search MATCH '$match'")
  printf '  SQLite, 1M messages, %-18s %7s hits: %s\n' "\"$words\"" "$hits" \
    "$(median_ms "$runs" "$bin" sessions search "$words" --history-url "$sqlite" --format csv)"
done

empty_postgres=$(new_schema empty)
"$bin" sessions list --history-url "$empty_postgres" >/dev/null
echo "  empty PostgreSQL store, \"orders\":        $(median_ms "$runs" "$bin" sessions search orders --history-url "$empty_postgres" --format csv)"
# The floor any client pays here: a new process, a connection (SCRAM authentication) and one query.
echo "  psql -c 'SELECT 1' (the same server):     $(median_ms "$runs" psql "$empty_postgres" -qAt -c 'SELECT 1')"

postgres=$(new_schema search)
start=$(date +%s)
fill_postgres "$postgres" 50000
echo "  (PostgreSQL: 1,000,000 messages made and indexed in $(($(date +%s) - start)) s)"
for words in "${searches[@]}"; do
  match=$(for w in $words; do printf '%s:* & ' "$w"; done)
  hits=$(psql "$postgres" -At -c "SELECT count(*) FROM chat_messages WHERE search_vector @@ to_tsquery('simple', '${match% & }')")
  printf '  PostgreSQL, 1M messages, %-14s %7s hits: %s\n' "\"$words\"" "$hits" \
    "$(median_ms "$runs" "$bin" sessions search "$words" --history-url "$postgres" --format csv)"
done

fi
[ "$part" != search ] || exit 0

migrate_runs=$(( runs < 3 ? runs : 3 ))
echo "history migrate of 100,000 messages (5,000 sessions), median of $migrate_runs runs, each into a new store:"
source_sqlite=$work/hundred-thousand.sqlite
fill_sqlite "$source_sqlite" 5000
source_postgres=$(new_schema source)
fill_postgres "$source_postgres" 5000
python3 - "$migrate_runs" "$bin" "$source_sqlite" "$source_postgres" "$url" "$work" <<'PY'
import statistics, subprocess, sys, time, urllib.parse
runs, binary, source_sqlite, source_postgres, url, work = int(sys.argv[1]), *sys.argv[2:]
def psql(sql):
    subprocess.run(["psql", url, "-q", "-c", sql], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def migrate(source, target):
    start = time.perf_counter()
    done = subprocess.run([binary, "history", "migrate", "--history-url", source, "--to", target],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        sys.exit(f"migrate failed: {done.stderr}")
    return elapsed, done.stderr.strip()
def report(label, times, line):
    print(f"  {label:38} {statistics.median(times):8.1f} ms  (min {min(times):.1f}, max {max(times):.1f})")
    print(f"    {line}")
to_postgres, to_sqlite, again = [], [], []
for run in range(runs):
    schema = f"bench_history_target_{run}"
    psql(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    target = url + ("&" if "?" in url else "?") + "options=" + urllib.parse.quote(f"-csearch_path={schema}")
    elapsed, first = migrate(source_sqlite, target)
    to_postgres.append(elapsed)
    elapsed, second = migrate(source_sqlite, target)
    again.append(elapsed)
    psql(f"DROP SCHEMA {schema} CASCADE")
    file = f"{work}/target-{run}.sqlite"
    elapsed, back = migrate(source_postgres, file)
    to_sqlite.append(elapsed)
report("SQLite -> PostgreSQL (new schema)", to_postgres, first)
report("again (nothing to copy)", again, second)
report("PostgreSQL -> SQLite (new file)", to_sqlite, back)
PY
