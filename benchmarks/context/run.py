#!/usr/bin/env python3
"""Schema linking on a 300-table ERP schema: recall of the needed tables at the default budget, prompt
tokens and the time to build a prompt; and the cold statistics gathering time on it and on the sample.

    python3 benchmarks/context/run.py [--runs 5] [--budget 6000]

Builds datachat in release mode, generates the schema (generate_erp.py), and runs `datachat prompt
--json` for every question of questions.json; nothing is sent to any model.
"""
import argparse, glob, json, os, statistics, subprocess, sys, tempfile, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=int, default=6000)
    args = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "datachat"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "datachat")
    home = tempfile.mkdtemp(prefix="context-bench-")
    env = {"HOME": home, "XDG_CACHE_HOME": home + "/cache", "XDG_DATA_HOME": home + "/data", "PATH": "/usr/bin:/bin",
           "DATACHAT_SAMPLE_DIR": ROOT + "/sample-data", "DATACHAT_PROMPTS_DIR": ROOT + "/prompts",
           "DATACHAT_CONTEXT_BUDGET": str(args.budget)}
    erp = home + "/erp.db"
    subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks/context/generate_erp.py"), erp], check=True)
    questions = json.load(open(os.path.join(ROOT, "benchmarks/context/questions.json")))

    def prompt(question, database=None):
        command = [binary, "prompt", "--json", question] + (["--database-url", database] if database else [])
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        return json.loads(result.stdout)

    def gathering(database):
        """Cold statistics: seconds recorded in the cache file by the first run, median of several."""
        seconds = []
        for _ in range(args.runs):
            for path in glob.glob(home + "/cache/datachat/statistics/*"):
                os.remove(path)
            prompt("warm up", database)
            (path,) = glob.glob(home + "/cache/datachat/statistics/*.json")
            seconds.append(json.load(open(path))["gatheringSeconds"])
        return statistics.median(seconds)

    prompt("build the sample")  # the sample database is built once, on first use
    sample_seconds = gathering(None)
    erp_seconds = gathering(erp)

    recalls, tokens, build_ms, first_ms, misses = [], [], [], [], []
    for item in questions:
        runs = [prompt(item["question"], erp) for _ in range(args.runs)]
        shown = set(runs[0]["shown_tables"])
        needed = set(item["tables"])
        recalls.append(len(needed & shown) / len(needed))
        if needed - shown:
            misses.append((item["question"], sorted(needed - shown)))
        tokens.append(runs[0]["estimated_tokens"])
        build_ms.append(statistics.median(r["build_milliseconds"] for r in runs))
        first_ms.append(statistics.median(r["first_build_milliseconds"] for r in runs))
        assert runs[0]["estimated_tokens"] <= args.budget, item

    full = prompt("x")
    print(f"questions: {len(questions)} on {erp_tables(erp)} tables, budget {args.budget} tokens, {args.runs} runs each")
    print(f"recall of needed tables: {statistics.mean(recalls):.3f} (all needed shown for "
          f"{sum(r == 1 for r in recalls)} of {len(recalls)})")
    print(f"prompt tokens: median {statistics.median(tokens):.0f}, max {max(tokens)}")
    print(f"build a prompt (warm: schema, statistics and index in memory): median {statistics.median(build_ms):.2f} ms, "
          f"max {max(build_ms):.2f} ms")
    print(f"first prompt of a run (introspection, cached statistics, index): median {statistics.median(first_ms):.1f} ms")
    print(f"cold statistics gathering: ERP {erp_seconds * 1000:.0f} ms, sample {sample_seconds * 1000:.0f} ms (median)")
    print(f"sample prompt: {full['estimated_tokens']} tokens, {len(full['shown_tables'])} tables, whole schema")
    for question, missing in misses:
        print(f"  missed {missing} for: {question}")


def erp_tables(path):
    import sqlite3
    return sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").fetchone()[0]


if __name__ == "__main__":
    main()
