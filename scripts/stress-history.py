#!/usr/bin/env python3
"""Stress the history store the way fault injection does, and check that nothing is lost.

Not a test and not in CI's default run: it takes minutes and wants the machine's attention.

For each history engine (SQLite, and PostgreSQL when DATACHAT_TEST_POSTGRES_URL is set):

1. Kills: TURNS one-shot turns (`datachat -q "stress turn N"`) against FakeLLM, each sent SIGKILL
   after a random delay between 0 and 1.5 times a normal turn's length, so the kills land before the
   question is saved, while the model streams, while the query runs, and while the answer is saved.
2. Writers: WRITERS interactive sessions at once (questions piped in), all appending to one shared
   session, QUESTIONS each.

Then it checks the store: the engine's integrity check (SQLite), every session has its question
(no empty session), seqs are 1..n with no gap or duplicate, a session starts with the user's row,
every turn that exited 0 is saved whole (question settled `ok`, answer `ok`), and each writer's
questions are in its own order. It prints one line of figures per phase and exits 1 if any check failed.

usage: scripts/stress-history.py [--turns 200] [--writers 8] [--questions 25] [--seed 1] [--engines sqlite,postgres]
       (DATACHAT_BIN and FAKELLM_BIN override the debug builds it makes)
"""
import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build():
    datachat = os.environ.get("DATACHAT_BIN")
    fake = os.environ.get("FAKELLM_BIN")
    if not datachat or not fake:
        subprocess.run(["swift", "build", "--product", "datachat"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["swift", "build", "--product", "FakeLLM"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        datachat = datachat or os.path.join(ROOT, ".build/debug/datachat")
        fake = fake or os.path.join(ROOT, ".build/debug/FakeLLM")
    return datachat, fake


def start_fake(fake, work):
    """FakeLLM streaming a short answer in small timed pieces, so a turn lasts long enough to be cut."""
    script = os.path.join(work, "script.json")
    with open(script, "w") as f:
        json.dump({"rules": [], "default": {
            "reply": "Counting the orders.\n```sql\nSELECT count(*) AS orders FROM orders\n```\nThat is all of them.",
            "chunk_bytes": 6, "chunk_delay_ms": 15}}, f)
    process = subprocess.Popen([fake, "--script", script, "--exit-on-stdin-eof"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    return process, line.split("listening on ")[1].strip()


class Store:
    """Reads the history back: SQLite through the sqlite3 module, PostgreSQL through psql."""

    def __init__(self, engine, url, pg_url=None, schema=None):
        self.engine, self.url, self.pg_url, self.schema = engine, url, pg_url, schema

    def rows(self, sql):
        if self.engine == "sqlite":
            connection = sqlite3.connect(self.url[len("sqlite://"):])
            try:
                return [tuple("" if v is None else str(v) for v in row) for row in connection.execute(sql)]
            finally:
                connection.close()
        # Unit and record separators: saved text has newlines of its own.
        out = subprocess.run(["psql", self.pg_url, "-At", "-F", "\x1f", "-R", "\x1e", "-c", sql], check=True,
                             capture_output=True, text=True,
                             env=dict(os.environ, PGOPTIONS=f"-csearch_path={self.schema}")).stdout
        out = out[:-1] if out.endswith("\n") else out
        return [tuple(record.split("\x1f")) for record in out.split("\x1e") if record]

    def integrity(self):
        if self.engine == "sqlite":
            return self.rows("PRAGMA integrity_check") == [("ok",)]
        # PostgreSQL keeps its own pages whole; check what the store promises: keys and references hold.
        orphans = self.rows("SELECT count(*) FROM chat_messages m LEFT JOIN chat_sessions s ON s.id = m.session_id "
                            "WHERE s.id IS NULL")
        return orphans == [("0",)]

    def messages(self):
        return self.rows("SELECT s.id, s.title, m.seq, m.role, m.content, m.status FROM chat_sessions s "
                         "LEFT JOIN chat_messages m ON m.session_id = s.id ORDER BY s.id, m.seq")


def check_sessions(store):
    """Problems with seq and order in every session, and the sessions by id with their messages."""
    problems = []
    sessions = {}
    for session_id, title, seq, role, content, status in store.messages():
        sessions.setdefault(session_id, {"title": title, "messages": []})
        if seq != "":
            sessions[session_id]["messages"].append((int(seq), role, content, status))
    for session_id, session in sessions.items():
        messages = session["messages"]
        if not messages:
            problems.append(f"empty session {session_id} ({session['title']!r})")
            continue
        seqs = [m[0] for m in messages]
        if seqs != list(range(1, len(seqs) + 1)):
            problems.append(f"session {session_id}: seqs {seqs[:10]}... are not 1..{len(seqs)}")
        if messages[0][1] != "user":
            problems.append(f"session {session_id} does not start with the question")
    if not store.integrity():
        problems.append("integrity check failed")
    return sessions, problems


def run_kills(datachat, environment, store, turns, rng):
    # A normal turn's length, measured on three that run to the end.
    lengths = []
    for n in range(3):
        start = time.monotonic()
        subprocess.run([datachat, "-q", f"stress warm-up {n}"], env=environment, capture_output=True, check=True)
        lengths.append(time.monotonic() - start)
    normal = statistics.median(lengths)
    finished, killed = set(), set()
    for n in range(turns):
        process = subprocess.Popen([datachat, "-q", f"stress turn {n}"], env=environment,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            code = process.wait(timeout=rng.uniform(0, 1.5 * normal))
            (finished if code == 0 else killed).add(n)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            killed.add(n)
    sessions, problems = check_sessions(store)
    by_question = {}
    for session in sessions.values():
        for seq, role, content, status in session["messages"]:
            if role == "user" and content.startswith("stress turn "):
                by_question[int(content.split()[-1])] = session["messages"]
    lost = [n for n in finished if n not in by_question or
            [(m[1], m[3]) for m in by_question[n]] != [("user", "ok"), ("assistant", "ok")]]
    problems += [f"turn {n} exited 0 but is not saved whole" for n in lost]
    saved_killed = sum(1 for n in killed if n in by_question)
    pending = sum(1 for n in killed if n in by_question and by_question[n][0][3] == "pending")
    return {"turn_s": round(normal, 2), "turns": turns, "finished": len(finished), "killed": len(killed),
            "killed_with_question_saved": saved_killed, "killed_question_pending": pending,
            "lost_finished": len(lost), "empty_sessions": sum(1 for s in sessions.values() if not s["messages"]),
            "problems": problems}


def run_writers(datachat, environment, store, writers, questions):
    seed = subprocess.run([datachat, "-q", "stress shared session"], env=environment, capture_output=True, text=True)
    if seed.returncode != 0:
        return {"problems": [f"the shared session could not start: {seed.stderr.strip()}"]}
    session_id = store.rows("SELECT id FROM chat_sessions WHERE title = 'stress shared session'")[0][0]
    start = time.monotonic()
    processes = []
    for w in range(writers):
        text = "".join(f"writer {w} question {q}\n" for q in range(questions))
        process = subprocess.Popen([datachat, "--session", session_id], env=environment, stdin=subprocess.PIPE,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        processes.append((process, text))
    for process, text in processes:
        process.stdin.write(text)
        process.stdin.close()
    failures = []
    for process, _ in processes:
        errors = process.stderr.read()
        if process.wait() != 0:
            failures.append(errors.strip().splitlines()[-1:] or ["exit %d" % process.returncode])
    elapsed = time.monotonic() - start
    sessions, problems = check_sessions(store)
    messages = sessions[session_id]["messages"]
    expected = 2 + writers * questions * 2
    if len(messages) != expected:
        problems.append(f"shared session has {len(messages)} messages, expected {expected}")
    for w in range(writers):
        order = [int(m[2].split()[-1]) for m in messages if m[1] == "user" and m[2].startswith(f"writer {w} ")]
        if order != list(range(questions)):
            problems.append(f"writer {w}'s questions are saved as {order[:8]}..., not in order")
    seqs = [m[0] for m in messages]
    duplicates = len(seqs) - len(set(seqs))
    problems += [f"a writer failed: {f}" for f in failures]
    return {"writers": writers, "questions_each": questions, "messages": len(messages), "expected": expected,
            "duplicate_seqs": duplicates, "gaps": len(set(range(1, max(seqs) + 1)) - set(seqs)),
            "seconds": round(elapsed, 1), "problems": problems}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--questions", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--engines", default="sqlite,postgres")
    arguments = parser.parse_args()
    datachat, fake = build()
    failed = False
    with tempfile.TemporaryDirectory(prefix="datachat-stress-") as work:
        server, base_url = start_fake(fake, work)
        try:
            for engine in arguments.engines.split(","):
                pg_url = os.environ.get("DATACHAT_TEST_POSTGRES_URL")
                if engine == "postgres" and not pg_url:
                    print("postgres: skipped (set DATACHAT_TEST_POSTGRES_URL, e.g. from scripts/test-postgres.sh start)")
                    continue
                home = os.path.join(work, engine)
                os.makedirs(home)
                environment = {"HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
                               "XDG_CACHE_HOME": os.path.join(work, "cache"), "PATH": os.environ["PATH"],
                               "OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": "sk-stress", "USER": "stress",
                               "DATACHAT_PROMPTS_DIR": os.path.join(ROOT, "prompts"),
                               "DATACHAT_SAMPLE_DIR": os.path.join(ROOT, "sample-data")}
                if engine == "sqlite":
                    history = "sqlite://" + home + "/history.sqlite"
                    store = Store("sqlite", history)
                else:
                    schema = "stress_" + uuid.uuid4().hex[:8]
                    subprocess.run(["psql", pg_url, "-qc", f"CREATE SCHEMA {schema}"], check=True)
                    separator = "&" if "?" in pg_url else "?"
                    history = f"{pg_url}{separator}options=-csearch_path%3D{schema}"
                    store = Store("postgres", history, pg_url, schema)
                environment["DATACHAT_HISTORY_URL"] = history
                rng = random.Random(arguments.seed)
                for phase, result in [("kills", run_kills(datachat, environment, store, arguments.turns, rng)),
                                      ("writers", run_writers(datachat, environment, store, arguments.writers,
                                                              arguments.questions))]:
                    problems = result.pop("problems")
                    figures = " ".join(f"{key}={value}" for key, value in result.items())
                    print(f"{engine} {phase}: {figures} problems={len(problems)}")
                    for problem in problems[:20]:
                        print(f"  {problem}")
                    failed = failed or bool(problems)
                if engine == "postgres":
                    subprocess.run(["psql", pg_url, "-qc", f"DROP SCHEMA {store.schema} CASCADE"], check=True,
                                   env=dict(os.environ, PGOPTIONS="-cclient_min_messages=warning"))
        finally:
            server.stdin.close()
            server.wait()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
