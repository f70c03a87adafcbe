"""Compares a returned result with the gold one, two ways.

- exact: the same columns (in any order) and the same rows.
- gold columns present (defog sql-eval's rule): every gold column matches a distinct returned column by
  its values, rows lined up; extra returned columns are allowed.

Rows compare as a multiset unless the question asks for an order. Cells are normalised first, so that
SQLite's and PostgreSQL's spellings of one value agree: numbers (and numeric text) become floats,
timestamps 'YYYY-MM-DD HH:MM:SS' (no 'T', no fractional zeros, no UTC offset). Numbers are compared at
the coarser precision of the two columns, but never coarser than 2 decimals on the returned side: a
gold of 4.15 matches 4.1523, a gold of 1234.50 matches 1234.5, and neither matches 4.
"""

import math
import re
from collections import Counter
from itertools import islice

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$")
_MAX_DECIMALS = 6


def _decimals(text):
    if "e" in text or "E" in text:
        return _MAX_DECIMALS
    return min(len(text.split(".")[1]) if "." in text else 0, _MAX_DECIMALS)


def normalise(value):
    """('n', float, decimals), ('s', text) or ('null',)."""
    if value is None:
        return ("null",)
    if isinstance(value, bool):
        return ("n", float(value), 0)
    if isinstance(value, int):
        return ("n", float(value), 0)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return ("s", repr(value))
        return ("n", value, 0 if value.is_integer() else _decimals(repr(value)))
    if isinstance(value, bytes):
        return ("s", value.hex())
    text = str(value)
    stripped = text.strip()
    if _NUMBER.match(stripped):
        number = float(stripped)
        if math.isfinite(number):
            return ("n", number, _decimals(stripped))
    match = _TIMESTAMP.match(stripped)
    if match:
        day, clock, fraction, _ = match.groups()
        if len(clock) == 5:
            clock += ":00"
        if fraction and fraction.strip(".0"):
            clock += fraction.rstrip("0")
        return ("s", f"{day} {clock}")
    return ("s", text)


def _column(rows, j):
    return [normalise(row[j]) for row in rows]


def _precision(cells):
    return max((c[2] for c in cells if c[0] == "n"), default=0)


def _keys(cells, decimals):
    """Hashable, sortable cells with numbers rounded to `decimals`."""
    out = []
    for c in cells:
        if c[0] == "n":
            x = c[1]
            out.append((1, round(x + math.copysign(1e-9 * max(1.0, abs(x)), x), decimals), ""))
        elif c[0] == "s":
            out.append((2, 0.0, c[1]))
        else:
            out.append((0, 0.0, ""))
    return out


def compare(gold, returned, ordered):
    """{'exact': bool, 'columns': bool, 'why': text} for gold and returned (columns, rows) pairs."""
    gold_columns, gold_rows = gold
    got_columns, got_rows = returned
    if len(got_rows) != len(gold_rows):
        return {"exact": False, "columns": False, "why": f"{len(got_rows)} rows, gold has {len(gold_rows)}"}
    gold_cells = [_column(gold_rows, j) for j in range(len(gold_columns))]
    got_cells = [_column(got_rows, j) for j in range(len(got_columns))]
    # keys[g][r]: gold column g's and returned column r's cells, both at the precision of that pair.
    keys = {}
    candidates = []
    for g, gc in enumerate(gold_cells):
        options = []
        for r, rc in enumerate(got_cells):
            decimals = min(_precision(gc), max(_precision(rc), 2))
            gk, rk = _keys(gc, decimals), _keys(rc, decimals)
            if (gk == rk) if ordered else (Counter(gk) == Counter(rk)):
                keys[g, r] = (gk, rk)
                options.append(r)
        if not options:
            name = gold_columns[g]
            return {"exact": False, "columns": False, "why": f"no returned column has the values of gold column {name}"}
        candidates.append(options)
    for assignment in islice(_assignments(candidates), 10_000):
        if ordered or _rows_line_up(assignment, keys, len(gold_rows)):
            exact = len(got_columns) == len(gold_columns)
            why = "" if exact else f"{len(got_columns) - len(gold_columns)} extra column(s)"
            return {"exact": exact, "columns": True, "why": why}
    return {"exact": False, "columns": False, "why": "every gold column's values are there, but not on the same rows"}


def _assignments(candidates, taken=()):
    """Every injective choice of one returned column per gold column."""
    if len(taken) == len(candidates):
        yield taken
        return
    for r in candidates[len(taken)]:
        if r not in taken:
            yield from _assignments(candidates, taken + (r,))


def _rows_line_up(assignment, keys, n):
    gold_rows = Counter(tuple(keys[g, r][0][i] for g, r in enumerate(assignment)) for i in range(n))
    got_rows = Counter(tuple(keys[g, r][1][i] for g, r in enumerate(assignment)) for i in range(n))
    return gold_rows == got_rows
