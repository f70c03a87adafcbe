#!/usr/bin/env python3
"""What confirmed examples cost a whole one-shot question: `datachat -q` (release build) against FakeLLM on
the bundled sample, with a history store holding COUNT confirmed examples of that database and with one
holding none, interleaved, median of RUNS each. The difference is reading the examples from the store,
indexing them (a one-shot process does it every time; a session once) and ranking them.

usage: examples-oneshot.py BUILD_DIR RUNS COUNT      (run by benchmarks/examples.sh)
"""
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

build, runs, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = tempfile.mkdtemp(prefix="examples-bench-")
script = os.path.join(work, "script.json")
with open(script, "w") as f:
    json.dump({"rules": [], "default": {"reply": "```sql\nSELECT count(*) AS n FROM orders\n```"}}, f)
server = subprocess.Popen(
    [f"{build}/FakeLLM", "--script", script, "--exit-on-stdin-eof"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    text=True)
base_url = server.stdout.readline().strip().rsplit(" ", 1)[-1]


def environment(history):
    return {
        "HOME": work, "XDG_CACHE_HOME": f"{work}/cache", "XDG_STATE_HOME": f"{work}/state", "PATH": "/usr/bin:/bin",
        "DATACHAT_SAMPLE_DIR": f"{root}/sample-data", "DATACHAT_PROMPTS_DIR": f"{root}/prompts",
        "OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": "none", "DATACHAT_HISTORY_URL": f"sqlite://{history}",
    }


def ask(history, question):
    start = time.perf_counter()
    result = subprocess.run(
        [f"{build}/datachat", "-q", question], env=environment(history), capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"datachat failed: {result.stderr}")
    return (time.perf_counter() - start) * 1000


# Each store starts from a real run, so its schema is datachat's own; then the examples are written into it.
empty, full = f"{work}/empty.sqlite", f"{work}/full.sqlite"
ask(empty, "how many orders?")
ask(full, "how many orders?")
db = sqlite3.connect(full)
data_source = db.execute("SELECT data_source FROM chat_sessions").fetchone()[0]
session = db.execute("SELECT id FROM chat_sessions").fetchone()[0]
measures = ["revenue", "number of orders", "average review score", "freight value", "items sold", "late deliveries"]
groupings = ["per category", "by seller", "by customer segment", "per state", "by city", "per month"]
rows = []
for i in range(count):
    question = f"{measures[i % 6]} {groupings[(i // 6) % 6]} in {2000 + i // 36}?"
    sql = (f"SELECT c.name, sum(oi.quantity * oi.unit_price) FROM orders o JOIN order_items oi "
           f"ON oi.order_id = o.order_id JOIN products p ON p.product_id = oi.product_id JOIN categories c "
           f"ON c.category_id = p.category_id WHERE o.ordered_at >= '{2000 + i // 36}-01-01' GROUP BY 1")
    rows.append((str(uuid.uuid4()), session, data_source, question, sql, f"2026-01-01T00:00:{i % 60:02}.{i % 1000:03}Z"))
db.executemany("INSERT INTO chat_examples VALUES (?, ?, ?, ?, ?, ?)", rows)
db.commit()
db.close()

question = "What was the revenue per category in 2024?"
timings = {"no examples": [], f"{count} examples": []}
for _ in range(runs):
    timings["no examples"].append(ask(empty, question))
    timings[f"{count} examples"].append(ask(full, question))
server.stdin.close()
server.wait()
print(f"datachat -q, release, {os.cpu_count()} cores, {runs} runs each, medians:")
for name, values in timings.items():
    print(f"  {name:>16}: {statistics.median(values):7.1f} ms (min {min(values):.1f}, max {max(values):.1f})")
difference = statistics.median(timings[f"{count} examples"]) - statistics.median(timings["no examples"])
print(f"  examples cost a one-shot question {difference:.1f} ms")
