#!/usr/bin/env bash
# datachat replay of a 1,000-turn session on the bundled sample, release build: the time replay adds
# beyond the queries' own (target under 1 s).
#
# The session is ten real `\sql` turns (their hashes and previews written by datachat itself), copied a
# hundred times into one session of 1,000 turns. Each run replays it with --check; replay reports the
# queries' own time on standard error, and the rest of the wall-clock time is replay's: start-up,
# reading the store, the guard, hashing, comparing and printing.
#
# Reports the median of RUNS (default 5) runs of: wall time, queries' time, and the difference.
#
# usage: benchmarks/replay.sh [RUNS]
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift build -c release --product datachat >/dev/null
bin=$root/.build/release

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state
export OPENAI_BASE_URL=http://127.0.0.1:9/v1 OPENAI_API_KEY=sk-benchmark
export DATACHAT_PROMPTS_DIR=$root/prompts DATACHAT_SAMPLE_DIR=$root/sample-data

# Ten turns of the kinds an analyst asks: counts, group-bys, a join, a top-N, a date range.
"$bin/datachat" >/dev/null <<'SQL'
\sql SELECT count(*) AS orders FROM orders
\sql SELECT status, count(*) AS n FROM orders GROUP BY status
\sql SELECT c.name, count(*) AS products FROM products p JOIN categories c ON c.category_id = p.category_id GROUP BY c.name ORDER BY products DESC LIMIT 10
\sql SELECT order_id, status, ordered_at FROM orders WHERE ordered_at >= '2024-12-01' ORDER BY order_id LIMIT 20
\sql SELECT count(*) AS customers FROM customers
\sql SELECT substr(ordered_at, 1, 7) AS month, count(*) AS orders FROM orders WHERE ordered_at >= '2024-01-01' GROUP BY 1 ORDER BY 1
\sql SELECT method, round(avg(amount), 2) AS average FROM payments GROUP BY method
\sql SELECT name FROM categories
\sql SELECT score, count(*) AS reviews FROM reviews GROUP BY score ORDER BY score
\sql SELECT seller_id, count(*) AS items FROM order_items GROUP BY seller_id ORDER BY items DESC LIMIT 5
SQL

history=$work/data/datachat/history.sqlite
id=$(python3 - "$history" <<'PY'
import sqlite3, sys, uuid
db = sqlite3.connect(sys.argv[1])
(source,) = db.execute("SELECT id FROM chat_sessions").fetchone()
columns = [row[1] for row in db.execute("PRAGMA table_info(chat_messages)")]
messages = db.execute(f"SELECT {', '.join(columns)} FROM chat_messages WHERE session_id = ? ORDER BY seq", (source,)).fetchall()
assert len(messages) == 20, f"expected 20 messages, got {len(messages)}"
new = str(uuid.uuid4())
session_columns = [row[1] for row in db.execute("PRAGMA table_info(chat_sessions)")]
row = list(db.execute(f"SELECT {', '.join(session_columns)} FROM chat_sessions WHERE id = ?", (source,)).fetchone())
row[session_columns.index("id")] = new
db.execute(f"INSERT INTO chat_sessions VALUES ({', '.join('?' * len(row))})", row)
seq = 0
for copy in range(100):
    for message in messages:
        seq += 1
        values = list(message)
        values[columns.index("id")] = str(uuid.uuid4())
        values[columns.index("session_id")] = new
        values[columns.index("seq")] = seq
        db.execute(f"INSERT INTO chat_messages ({', '.join(columns)}) VALUES ({', '.join('?' * len(values))})", values)
db.commit()
print(new)
PY
)

python3 - "$runs" "$bin/datachat" "$id" <<'PY'
import re, statistics, subprocess, sys, time
runs, binary, session = int(sys.argv[1]), sys.argv[2], sys.argv[3]
walls, queries = [], []
for _ in range(runs + 1):  # the first run warms the page cache and is not counted
    start = time.perf_counter()
    done = subprocess.run([binary, "replay", session, "--check", "--format", "csv"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = (time.perf_counter() - start) * 1000
    assert done.returncode == 0, done.stderr
    assert "check: 1000 same" in done.stderr, done.stderr
    match = re.search(r"queries ([0-9.]+) ms", done.stderr)
    walls.append(wall)
    queries.append(float(match.group(1)))
walls, queries = walls[1:], queries[1:]
overheads = [w - q for w, q in zip(walls, queries)]
print(f"replay --check of a 1,000-turn session on the sample, {runs} runs, medians:")
print(f"  wall time                   {statistics.median(walls):8.1f} ms")
print(f"  the queries' own time       {statistics.median(queries):8.1f} ms")
print(f"  replay's own (wall - query) {statistics.median(overheads):8.1f} ms  (min {min(overheads):.1f}, max {max(overheads):.1f})")
PY
