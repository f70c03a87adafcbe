"""Runs one SQL statement on the sample in SQLite (the sqlite3 module, read-only) or PostgreSQL (the psql
CLI), returning (columns, rows) or raising QueryError with the engine's message."""

import csv
import glob
import io
import os
import sqlite3
import subprocess
import time
from pathlib import Path


class QueryError(Exception):
    pass


def sample_sqlite_path(datachat, cache_home=None):
    """The sample file datachat itself queries (XDG_CACHE_HOME/datachat/sample-<fingerprint>.db), built by
    `datachat schema` when missing; the newest when several fingerprints are cached."""
    cache = Path(cache_home or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "datachat"
    files = glob.glob(str(cache / "sample-*.db"))
    if not files:
        subprocess.run([datachat, "schema"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
        files = glob.glob(str(cache / "sample-*.db"))
    if not files:
        raise QueryError(f"`{datachat} schema` built no sample-*.db in {cache}")
    return max(files, key=os.path.getmtime)


def run_sqlite(path, sql, timeout=30.0, max_rows=100_000):
    """Read-only, like datachat's connection; stops after `timeout` seconds."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    deadline = time.monotonic() + timeout
    connection.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
    try:
        cursor = connection.execute(sql)
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchmany(max_rows + 1)
    except sqlite3.Error as error:
        if time.monotonic() > deadline:
            raise QueryError(f"timeout: the query ran over {timeout:.0f} s") from None
        raise QueryError(str(error)) from None
    except (ValueError, OverflowError) as error:  # e.g. a text column that is not UTF-8
        raise QueryError(str(error)) from None
    finally:
        connection.close()
    if len(rows) > max_rows:
        raise QueryError(f"more than {max_rows} rows")
    return columns, [tuple(r) for r in rows]


NULL_MARK = "\x01NULL\x01"


def run_postgres(url, sql, timeout=30.0):
    """Through `psql --csv` in a UTC session; cells come back as text (numbers and timestamps are
    normalised by results.py), NULL told apart from '' by a marker."""
    env = dict(os.environ, PGTZ="UTC", PGOPTIONS=f"-c statement_timeout={int(timeout * 1000)}")
    command = ["psql", url, "--csv", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-P", f"null={NULL_MARK}", "-c", sql]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout + 10)
    except subprocess.TimeoutExpired:
        raise QueryError(f"timeout: psql ran over {timeout:.0f} s") from None
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()
        raise QueryError(message[0] if message else f"psql exited {done.returncode}")
    table = list(csv.reader(io.StringIO(done.stdout)))
    if not table:
        return [], []
    rows = [tuple(None if cell == NULL_MARK else cell for cell in row) for row in table[1:]]
    return table[0], rows
