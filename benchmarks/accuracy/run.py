#!/usr/bin/env python3
"""Asks the question set of questions.md through datachat and through a plain prompt, side by side, and
scores both against the gold results on the sample's SQLite file.

  run.py --datachat PATH --base-url URL --model NAME [--questions q01,q05] [--limit N]
  run.py --self-check [--datachat PATH]

Per question, datachat first (`datachat -q QUESTION --format json`, follow-ups with `--session` of the
question they follow; SQL, status, attempts, tokens and timings read back from the run's own history
store), then the plain prompt (plain_prompt.py) to the same model on the same endpoint. Each final SQL is
run on the same SQLite file and compared with the gold result (results.py). Prints a line per question
and a summary; writes every detail as JSON to benchmarks/out/.

--self-check replaces the model with FakeLLM answering every question with its own gold SQL (all must
score right both ways), then with a few deliberately wrong answers (each must score as the kind it is).
"""

import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True

import engines  # noqa: E402
import plain_prompt  # noqa: E402
import questions as question_set  # noqa: E402
import results  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SYSTEMS = ("datachat", "plain")

# Failure kinds, in report order. "right" is not a failure; "partial" passes "gold columns present" only.
KINDS = (
    "right", "partial", "wrong logic", "wrong identifier", "wrong function", "sql error", "no sql", "refused",
    "endpoint error", "timeout",
)
ERROR_KINDS = ("wrong identifier", "wrong function", "sql error", "timeout")

_IDENTIFIER = re.compile(
    r"no such (table|column)|unknown (table|column)|ambiguous column|column .* does not exist|"
    r"relation .* does not exist|"
    r"not (a|an existing) (table|column)|has no column|no column named|not in the schema",
    re.I,
)
# A function the dialect lacks (YEAR() in SQLite): a dialect mistake, which dialect notes address.
_FUNCTION = re.compile(r"no such function|function .* does not exist", re.I)
_TIMEOUT = re.compile(r"timeout|timed out|interrupted|statement_timeout|canceling statement", re.I)


def classify_error(message):
    if _TIMEOUT.search(message or ""):
        return "timeout"
    if _FUNCTION.search(message or ""):
        return "wrong function"
    return "wrong identifier" if _IDENTIFIER.search(message or "") else "sql error"


def score_sql(sqlite_path, sql, gold, ordered):
    """(kind, verdict, error, first rows): runs the answer's SQL on the sample and compares it with gold."""
    try:
        returned = engines.run_sqlite(sqlite_path, sql)
    except engines.QueryError as error:
        return classify_error(str(error)), None, str(error), None
    verdict = results.compare(gold, returned, ordered)
    kind = "right" if verdict["exact"] else "partial" if verdict["columns"] else "wrong logic"
    return kind, verdict, "", {"columns": returned[0], "rows": [list(map(_jsonable, r)) for r in returned[1][:5]]}


def _jsonable(value):
    return value.hex() if isinstance(value, bytes) else value


# datachat ------------------------------------------------------------------------------------------------


class Datachat:
    """One run's datachat: a fresh history store and working folder (no .env), the user's sample cache."""

    def __init__(self, binary, base_url, model, api_key, timeout, work):
        self.binary, self.timeout = binary, timeout
        self.history = work / "history.sqlite"
        self.work = work
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("DATACHAT_", "OPENAI_", "DATABASE_URL"))}
        self.env.update(
            OPENAI_BASE_URL=base_url, OPENAI_API_KEY=api_key, DATACHAT_MODEL=model, NO_COLOR="1",
            DATACHAT_HISTORY_URL=f"sqlite://{self.history}",
            # A local model on shared cores queues requests for minutes: waiting is the endpoint's time,
            # not datachat's failure, so its first-byte and total limits are the runner's.
            DATACHAT_LLM_FIRST_BYTE_TIMEOUT=str(int(timeout)), DATACHAT_LLM_TIMEOUT=str(int(timeout)),
            DATACHAT_LLM_IDLE_TIMEOUT="120",
        )
        for name in ("DATACHAT_PROMPTS_DIR", "DATACHAT_SAMPLE_DIR"):
            if name in os.environ:
                self.env[name] = os.environ[name]
        self.sessions = {}  # question id -> session id

    def _read(self, sql, *parameters):
        if not self.history.exists():
            return []
        connection = sqlite3.connect(f"file:{self.history}?mode=ro", uri=True)
        connection.row_factory = sqlite3.Row
        try:
            return [dict(r) for r in connection.execute(sql, parameters)]
        except sqlite3.OperationalError:
            return []
        finally:
            connection.close()

    def ask(self, question):
        session = self.sessions.get(question.follows) if question.follows else None
        known = {r["id"] for r in self._read("SELECT id FROM chat_sessions")}
        before = 0
        if session:
            before = self._read("SELECT coalesce(max(seq), 0) AS s FROM chat_messages WHERE session_id = ?", session)[0]["s"]
        command = [self.binary, "-q", question.text, "--format", "json"] + (["--session", session] if session else [])
        start = time.monotonic()
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, env=self.env, cwd=self.work, timeout=4 * self.timeout
            )
            exit_code, stderr = done.returncode, done.stderr
        except subprocess.TimeoutExpired:
            exit_code, stderr = None, f"no answer within {4 * self.timeout:.0f} s"
        seconds = time.monotonic() - start
        if not session:
            new = [r["id"] for r in self._read("SELECT id FROM chat_sessions ORDER BY created_at") if r["id"] not in known]
            session = new[-1] if new else None
        self.sessions[question.id] = session
        turn = []
        if session:
            turn = self._read(
                "SELECT * FROM chat_messages WHERE session_id = ? AND seq > ? AND role = 'assistant' ORDER BY seq",
                session, before,
            )
        last = turn[-1] if turn else {}
        answer = {
            "exit_code": exit_code,
            "stderr": stderr.strip()[-500:],
            "session": session,
            "sql": last.get("sql"),
            "status": last.get("status"),
            "error": last.get("error"),
            "attempts": len(turn),
            "attempt_sql": [m.get("sql") for m in turn],
            "reply": (last.get("content") or "")[:2000],
            "prompt_tokens": sum(m.get("prompt_tokens") or 0 for m in turn),
            "completion_tokens": sum(m.get("completion_tokens") or 0 for m in turn),
            "model_ms": sum(m.get("model_ms") or 0 for m in turn),
            "seconds": seconds,
        }
        if exit_code is None:
            answer["kind"] = "timeout"
        elif exit_code == 5 or (not turn and exit_code != 0):
            answer["kind"] = "endpoint error"
        elif last.get("status") == "rejected" or exit_code == 3:
            answer["kind"] = "refused"
        elif last.get("status") == "no_sql" or exit_code == 6 or not last.get("sql"):
            answer["kind"] = "no sql"
        elif last.get("status") != "ok":
            answer["kind"] = classify_error(last.get("error") or stderr)
        return answer


# plain prompt --------------------------------------------------------------------------------------------


class Plain:
    def __init__(self, sqlite_path, base_url, model, api_key, timeout):
        self.dump = plain_prompt.schema_dump(sqlite_path)
        self.base_url, self.model, self.api_key, self.timeout = base_url, model, api_key, timeout
        self.turns = {}  # question id -> (question words, reply shown back as the assistant's turn)
        self.follows = {}

    def ask(self, question):
        earlier, parent = [], question.follows
        while parent:
            earlier.insert(0, self.turns[parent])
            parent = self.follows.get(parent)
        self.follows[question.id] = question.follows
        chat = plain_prompt.messages(self.dump, question.text, earlier)
        start = time.monotonic()
        try:
            reply, prompt_tokens, completion_tokens, _ = plain_prompt.ask(
                self.base_url, self.model, self.api_key, chat, self.timeout
            )
        except plain_prompt.EndpointError as error:
            self.turns[question.id] = (question.text, "")
            kind = "timeout" if _TIMEOUT.search(str(error)) else "endpoint error"
            return {"kind": kind, "error": str(error), "sql": None, "seconds": time.monotonic() - start,
                    "prompt_tokens": 0, "completion_tokens": 0, "attempts": 1}
        sql = plain_prompt.extract_sql(reply)
        self.turns[question.id] = (question.text, f"```sql\n{sql}\n```" if sql else reply)
        answer = {"sql": sql, "reply": reply[:2000], "prompt_tokens": prompt_tokens or 0,
                  "completion_tokens": completion_tokens or 0, "seconds": time.monotonic() - start, "attempts": 1}
        if not sql:
            answer["kind"] = "no sql"
        return answer


# the run -------------------------------------------------------------------------------------------------


def run(chosen, sqlite_path, askers, out_path, label, before=None):
    gold = {q.id: engines.run_sqlite(sqlite_path, q.gold["sqlite"]) for q in chosen}
    details = []
    for q in chosen:
        entry = {"id": q.id, "kind": q.kind, "question": q.text, "follows": q.follows, "ordered": q.ordered,
                 "gold_sql": q.gold["sqlite"], "gold_rows": len(gold[q.id][1])}
        parts = []
        if before:
            before(q, askers)
        for name, asker in askers.items():
            answer = asker.ask(q)
            if "kind" not in answer:
                kind, verdict, error, preview = score_sql(sqlite_path, answer["sql"], gold[q.id], q.ordered)
                answer.update(kind=kind, why=(verdict or {}).get("why", ""), returned=preview)
                if error:
                    answer["error"] = error
            entry[name] = answer
            parts.append(f"{name} {answer['kind']:<16} {answer['seconds']:5.1f}s {answer['prompt_tokens']:6d} tok"
                         + (f" x{answer['attempts']}" if answer.get("attempts", 1) > 1 else "   "))
        details.append(entry)
        print(f"{q.id} {q.text[:44]:<44} | " + " | ".join(parts), flush=True)
        out_path.write_text(json.dumps({"label": label, "questions": details}, indent=1, ensure_ascii=False))
    summary = summarise(details, list(askers))
    out_path.write_text(json.dumps({"label": label, "summary": summary, "questions": details}, indent=1, ensure_ascii=False))
    return details, summary


def carry_over(earlier, details, names, label, out_path):
    """The earlier run's questions, each one asked now replaced for the systems asked now; a question a
    system was not asked again keeps its earlier answer, and every entry says where it came from."""
    now = {d["id"]: d for d in details}
    questions = []
    for entry in earlier["questions"]:
        entry = dict(entry)
        if entry["id"] in now:
            for name in names:
                entry[name] = now[entry["id"]][name]
            entry["source"] = f"asked again ({', '.join(names)}): {label or out_path.name}"
        else:
            entry["source"] = entry.get("source") or f"carried over from {earlier.get('label') or 'the earlier run'}"
        questions.append(entry)
    systems = [name for name in SYSTEMS if questions and name in questions[0]]
    return {"label": f"{label} over {earlier.get('label', '')}".strip(), "summary": summarise(questions, systems),
            "questions": questions}


def summarise(details, names):
    n = len(details)
    out = {"questions": n}
    for name in names:
        answers = [d[name] for d in details]
        for a in answers:  # kinds taken from an error's words follow the current rules, also for an old file
            if a["kind"] in ERROR_KINDS and a.get("error"):
                a["kind"] = classify_error(a["error"])
        kinds = {k: sum(a["kind"] == k for a in answers) for k in KINDS}
        tokens = [a["prompt_tokens"] for a in answers]
        seconds = [a["seconds"] for a in answers]
        out[name] = {
            "exact": kinds["right"],
            "columns": kinds["right"] + kinds["partial"],
            "kinds": kinds,
            "identifier_errors_after_repair": kinds["wrong identifier"],
            "repaired": sum(a.get("attempts", 1) > 1 for a in answers),
            "median_prompt_tokens": statistics.median(tokens) if tokens else 0,
            "total_prompt_tokens": sum(tokens),
            "total_completion_tokens": sum(a["completion_tokens"] for a in answers),
            "median_seconds": round(statistics.median(seconds), 2) if seconds else 0,
            "mean_seconds": round(statistics.mean(seconds), 2) if seconds else 0,
            "total_seconds": round(sum(seconds), 1),
        }
    return out


def print_summary(summary, names):
    n = summary["questions"]
    pct = lambda k: f"{k:3d}/{n} ({100 * k / n:5.1f}%)" if n else "0"
    print()
    print(f"{'':28}" + "".join(f"{name:>24}" for name in names))
    rows = [("exact result", lambda s: pct(s["exact"])), ("gold columns present", lambda s: pct(s["columns"]))]
    rows += [(f"  {k}", (lambda k: lambda s: str(s["kinds"][k]))(k)) for k in KINDS[1:]]
    rows += [
        ("turns with a repair", lambda s: str(s["repaired"])),
        ("prompt tokens, median", lambda s: f"{s['median_prompt_tokens']:,.0f}"),
        ("prompt tokens, total", lambda s: f"{s['total_prompt_tokens']:,}"),
        ("completion tokens, total", lambda s: f"{s['total_completion_tokens']:,}"),
        ("seconds a question, median", lambda s: f"{s['median_seconds']:.1f}"),
        ("seconds a question, mean", lambda s: f"{s['mean_seconds']:.1f}"),
        ("seconds, total", lambda s: f"{s['total_seconds']:.0f}"),
    ]
    for label, value in rows:
        print(f"{label:<28}" + "".join(f"{value(summary[name]):>24}" for name in names))


# self-check ----------------------------------------------------------------------------------------------

# Deliberately wrong answers, each with the kind it must be scored as: proof that the scoring can fail.
WRONG_VARIANTS = {
    "q15": ("wrong logic", lambda sql: sql.replace("'2024-01-01'", "'2023-01-01'")),  # two years, not one
    "q23": ("wrong logic", lambda sql: sql.replace("DESC", "ASC")),  # the bottom 10, not the top
    "q60": ("wrong logic", lambda sql: sql.replace("LIMIT 5", "LIMIT 6")),  # one row too many
    "q05": ("partial", lambda sql: sql.replace("COUNT(*) AS orders", "COUNT(*) AS orders, MIN(order_id) AS first_id")),
    "q14": ("wrong identifier", lambda sql: sql.replace("oi.unit_price", "oi.price")),
    "q01": ("no sql", None),
}


def fake_script(chosen, answer_for):
    """A FakeLLM script answering each question (matched by its exact words) with answer_for(q)."""
    rules = []
    for q in sorted(chosen, key=lambda q: -len(q.text)):  # a longer text first, should one contain another
        sql = answer_for(q)
        reply = f"Here is the query:\n```sql\n{sql}\n```" if sql else "I am not able to answer that from this data."
        rules.append({"match": r"\Q" + q.text + r"\E", "reply": reply})
    return {"rules": rules, "default": "FakeLLM: no rule for this question."}


def start_fake(script, work):
    fake = ROOT / ".build/release/FakeLLM"
    if not fake.exists():
        subprocess.run(["swift", "build", "-c", "release", "--product", "FakeLLM"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    path = work / f"script-{time.monotonic_ns()}.json"
    path.write_text(json.dumps(script))
    process = subprocess.Popen([str(fake), "--script", str(path), "--exit-on-stdin-eof"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if "listening on " not in line:
        process.kill()
        raise SystemExit(f"FakeLLM did not start: {line!r}")
    return process, line.strip().split("listening on ")[1]


def self_check(args, chosen, sqlite_path, work):
    print("self-check 1: every gold SQL given as the answer, through datachat and the plain prompt (FakeLLM)")
    process, base = start_fake(fake_script(chosen, lambda q: q.gold["sqlite"]), work)
    try:
        askers = {"datachat": Datachat(args.datachat, base, "fake-model", "none", args.timeout, work / "gold"),
                  "plain": Plain(sqlite_path, base, "fake-model", "none", args.timeout)}
        (work / "gold").mkdir()
        _, summary = run(chosen, sqlite_path, askers, args.out_dir / "self-check-gold.json", "self-check gold")
    finally:
        process.stdin.close()
        process.wait()
    print_summary(summary, SYSTEMS)
    ok = all(summary[s]["exact"] == summary["questions"] and summary[s]["columns"] == summary["questions"] for s in SYSTEMS)

    print("\nself-check 2: deliberately wrong answers must be scored as the kind they are")
    wrong = [q for q in chosen if q.id in WRONG_VARIANTS]

    def answer_for(q):
        change = WRONG_VARIANTS[q.id][1]
        if change is None:
            return None
        sql = change(q.gold["sqlite"])
        assert sql != q.gold["sqlite"], f"the wrong variant of {q.id} changed nothing"
        return sql

    # One FakeLLM per question, answering every request with the wrong answer: a repair request (whose
    # words are not the question's) gets it again, so the turn ends as that answer's kind.
    servers = []

    def serve(q, askers):
        script = fake_script([], None)
        script["default"] = fake_script([q], answer_for)["rules"][0]["reply"]
        process, base = start_fake(script, work)
        servers.append(process)
        askers["datachat"].env["OPENAI_BASE_URL"] = base
        askers["plain"].base_url = base

    (work / "wrong").mkdir()
    askers = {"datachat": Datachat(args.datachat, "", "fake-model", "none", args.timeout, work / "wrong"),
              "plain": Plain(sqlite_path, "", "fake-model", "none", args.timeout)}
    try:
        details, _ = run(wrong, sqlite_path, askers, args.out_dir / "self-check-wrong.json", "self-check wrong", serve)
    finally:
        for process in servers:
            process.stdin.close()
            process.wait()
    for d in details:
        expected = WRONG_VARIANTS[d["id"]][0]
        # datachat's guard may refuse or its repair may differ; the plain prompt runs the SQL as it is.
        for name in SYSTEMS:
            got = d[name]["kind"]
            mark = "ok  " if got == expected else "FAIL"
            ok = ok and got == expected
            print(f"{mark} {d['id']} {name:<8} expected {expected:<16} scored {got}  {d[name].get('why') or d[name].get('error') or ''}")
    print("\nself-check " + ("passed" if ok else "FAILED"))
    return 0 if ok else 1


def main():
    parser = argparse.ArgumentParser(description="datachat's accuracy benchmark on the bundled sample")
    parser.add_argument("--datachat", default=str(ROOT / ".build/release/datachat"), help="the datachat binary to test")
    parser.add_argument("--base-url", default=os.environ.get("OPENAI_BASE_URL", "http://127.0.0.1:8091/v1"))
    parser.add_argument("--model", default=os.environ.get("DATACHAT_MODEL", "qwen2.5-coder-1.5b"))
    parser.add_argument("--api-key", default=os.environ.get("OPENAI_API_KEY", "none"))
    parser.add_argument("--questions", help="comma-separated ids (the questions a follow-up needs are added)")
    parser.add_argument("--limit", type=int, help="only the first N questions")
    parser.add_argument("--only", choices=SYSTEMS, help="ask only datachat or only the plain prompt")
    parser.add_argument(
        "--timeout", type=float, default=600,
        help="seconds one model request may take (default 600); a datachat turn, repairs included, 4 times that")
    parser.add_argument("--label", default="", help="a name for this run in the JSON (e.g. the branch)")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "benchmarks/out")
    parser.add_argument("--self-check", action="store_true", help="score the gold itself and wrong variants (no model)")
    parser.add_argument(
        "--carry-over", type=Path, metavar="JSON",
        help="an earlier run's details: write beside this run's a file with every question of that one, the ones"
             " asked now replaced (the systems asked now only), and print its summary")
    parser.add_argument("--summarise", type=Path, metavar="JSON",
                        help="print the summary of a details file again, also of an interrupted run (no model)")
    args = parser.parse_args()
    if args.summarise:
        details = json.loads(args.summarise.read_text())["questions"]
        names = [name for name in SYSTEMS if details and name in details[0]]
        print_summary(summarise(details, names), names)
        return 0
    args.datachat = str(Path(args.datachat).resolve())
    args.out_dir.mkdir(parents=True, exist_ok=True)

    all_questions = question_set.load()
    chosen, added = question_set.select(all_questions, args.questions.split(",") if args.questions else None, args.limit)
    sqlite_path = engines.sample_sqlite_path(args.datachat)
    work = Path(tempfile.mkdtemp(prefix="datachat-accuracy-"))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so `finally` removes the temporary folder
    try:
        if args.self_check:
            return self_check(args, chosen, sqlite_path, work)
        print(f"datachat {args.datachat}\nendpoint {args.base_url} model {args.model}\nsample {sqlite_path}")
        if added:
            print(f"also asked, as the turns follow-ups need: {', '.join(sorted(added))}")
        names = [args.only] if args.only else list(SYSTEMS)
        askers = {}
        if "datachat" in names:
            askers["datachat"] = Datachat(args.datachat, args.base_url, args.model, args.api_key, args.timeout, work)
        if "plain" in names:
            askers["plain"] = Plain(sqlite_path, args.base_url, args.model, args.api_key, args.timeout)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        out_path = args.out_dir / f"accuracy-{stamp}.json"
        started = time.monotonic()
        details, summary = run(chosen, sqlite_path, askers, out_path, args.label)
        print_summary(summary, names)
        print(f"\n{len(chosen)} questions in {(time.monotonic() - started) / 60:.1f} min; details: {out_path}")
        if args.carry_over:
            combined = carry_over(json.loads(args.carry_over.read_text()), details, names, args.label, out_path)
            combined_path = out_path.with_name(out_path.stem + "-combined.json")
            combined_path.write_text(json.dumps(combined, indent=1, ensure_ascii=False))
            print(f"\nwith the other questions carried over from {args.carry_over}:")
            print_summary(combined["summary"], [name for name in SYSTEMS if name in combined["questions"][0]])
            print(f"details: {combined_path}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
