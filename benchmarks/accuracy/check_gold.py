#!/usr/bin/env python3
"""Runs every gold SQL of questions.md on both engines and proves the two results equal and non-empty.

usage: check_gold.py --datachat PATH --pg-url URL [--sqlite FILE] [--questions q01,q02]

SQLite: the sample file datachat builds (its cache), or --sqlite. PostgreSQL: a database the sample was
loaded into with `datachat load-sample URL`. Exits 1 when any question fails, naming it and why.
"""

import argparse
import sys

sys.dont_write_bytecode = True

import engines  # noqa: E402
import questions as question_set  # noqa: E402
import results  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datachat", default=".build/release/datachat", help="binary whose sample file is used")
    parser.add_argument("--sqlite", help="the sample SQLite file (default: datachat's cached one)")
    parser.add_argument("--pg-url", required=True, help="PostgreSQL URL holding the sample (datachat load-sample URL)")
    parser.add_argument("--questions", help="comma-separated ids (default: all)")
    args = parser.parse_args()

    chosen, _ = question_set.select(question_set.load(), args.questions.split(",") if args.questions else None)
    sqlite_path = args.sqlite or engines.sample_sqlite_path(args.datachat)
    print(f"sqlite: {sqlite_path}\npostgres: {args.pg_url.split('@')[-1]}")
    failures = 0
    for q in chosen:
        try:
            lite = engines.run_sqlite(sqlite_path, q.gold["sqlite"])
            pg = engines.run_postgres(args.pg_url, q.gold["postgres"])
        except engines.QueryError as error:
            failures += 1
            print(f"FAIL {q.id}: {error}")
            continue
        problems = []
        if not lite[1]:
            problems.append("SQLite gold returns no row")
        if [len(lite[0]), len(lite[1])] != [len(pg[0]), len(pg[1])]:
            problems.append(f"shapes differ: SQLite {len(lite[1])}x{len(lite[0])}, PostgreSQL {len(pg[1])}x{len(pg[0])}")
        else:
            # Both directions, exact: the same values, column for column, in order when the question asks for one.
            for a, b, label in ((lite, pg, "PostgreSQL against SQLite"), (pg, lite, "SQLite against PostgreSQL")):
                verdict = results.compare(a, b, q.ordered)
                if not verdict["exact"]:
                    problems.append(f"{label}: {verdict['why']}")
            if [c.lower() for c in lite[0]] != [c.lower() for c in pg[0]]:
                problems.append(f"column names differ: {lite[0]} vs {pg[0]}")
        if problems:
            failures += 1
            print(f"FAIL {q.id}: " + "; ".join(problems))
            print(f"     sqlite   {lite[1][:3]}\n     postgres {pg[1][:3]}")
        else:
            sample = ", ".join(map(str, lite[1][0]))
            print(f"ok   {q.id}  {len(lite[1]):4d} rows x {len(lite[0])}  first: {sample[:70]}")
    print(f"{len(chosen) - failures} of {len(chosen)} gold queries agree on SQLite and PostgreSQL")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
