"""The baseline datachat is measured against: a plain prompt any script could send.

The system message is the sample's CREATE TABLE statements (sqlite_master's SQL, tables only) with 3 rows
per table as INSERTs, then one line of instruction; the question is the user message; temperature 0. A
follow-up carries the questions it follows and the SQL this same prompt answered them with as earlier
turns. No notes, no guard, no repair: the SQL is taken from the reply and run as it is.
"""

import json
import re
import sqlite3
import time
import urllib.error
import urllib.request

INSTRUCTION = "Write one SQLite query that answers the question, in a ```sql block."
MAX_TOKENS = 1024  # a runaway answer at temperature 0 would otherwise run to the context's end


def _literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, bytes):
        return "X'" + value.hex() + "'"
    return "'" + str(value).replace("'", "''") + "'"


def schema_dump(sqlite_path, rows_per_table=3):
    connection = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    try:
        parts = []
        tables = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        ).fetchall()
        for name, sql in tables:
            parts.append(sql.strip() + ";")
            for row in connection.execute(f'SELECT * FROM "{name}" LIMIT {rows_per_table}'):
                parts.append(f"INSERT INTO {name} VALUES ({', '.join(_literal(v) for v in row)});")
            parts.append("")
        return "\n".join(parts).strip()
    finally:
        connection.close()


def messages(dump, question, earlier_turns):
    """earlier_turns: [(question, reply shown as the assistant's turn)], oldest first."""
    out = [{"role": "system", "content": dump + "\n\n" + INSTRUCTION}]
    for asked, answered in earlier_turns:
        out.append({"role": "user", "content": asked})
        out.append({"role": "assistant", "content": answered})
    out.append({"role": "user", "content": question})
    return out


def ask(base_url, model, api_key, chat, timeout):
    """(reply text, prompt tokens, completion tokens, seconds); raises EndpointError."""
    body = json.dumps({"model": model, "messages": chat, "temperature": 0, "max_tokens": MAX_TOKENS}).encode()
    request = urllib.request.Request(
        base_url.rstrip("/") + "/chat/completions",
        data=body,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {api_key}"},
    )
    start = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:
        raise EndpointError(f"HTTP {error.code}: {error.read()[:200].decode(errors='replace')}") from None
    except (urllib.error.URLError, TimeoutError, OSError, json.JSONDecodeError) as error:
        raise EndpointError(str(getattr(error, "reason", error))) from None
    seconds = time.monotonic() - start
    try:
        text = answer["choices"][0]["message"]["content"] or ""
    except (KeyError, IndexError, TypeError):
        raise EndpointError(f"no choices[0].message.content in {str(answer)[:200]}") from None
    usage = answer.get("usage") or {}
    return text, usage.get("prompt_tokens"), usage.get("completion_tokens"), seconds


class EndpointError(Exception):
    pass


_FENCED_SQL = re.compile(r"```[ \t]*sql[^\n]*\n(.*?)(```|$)", re.S | re.I)
_FENCED = re.compile(r"```[^\n]*\n(.*?)(```|$)", re.S)
_BARE = re.compile(r"^\s*(SELECT|WITH)\b.*", re.S | re.I)


def extract_sql(reply):
    """The first ```sql block, else the first fenced block, else a reply that is itself a query; None when
    there is no SQL. A trailing semicolon is dropped."""
    for pattern in (_FENCED_SQL, _FENCED, _BARE):
        match = pattern.search(reply)
        if match:
            sql = (match.group(1) if pattern is not _BARE else match.group(0)).strip().rstrip(";").strip()
            if sql:
                return sql
    return None
