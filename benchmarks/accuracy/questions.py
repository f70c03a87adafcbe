"""Reads questions.md: one section per question, its words, flags and gold SQL for each engine."""

import re
from dataclasses import dataclass
from pathlib import Path

QUESTIONS_FILE = Path(__file__).with_name("questions.md")


@dataclass
class Question:
    id: str
    kind: str
    text: str
    ordered: bool
    follows: str | None
    gold: dict  # engine ("sqlite", "postgres") -> SQL


_HEADING = re.compile(r"^## (q\d+) · (.+)$", re.M)
_FIELD = re.compile(r"^(question|ordered|follows): *(.+)$", re.M)
_BLOCK = re.compile(r"^```sql (sqlite|postgres)\n(.*?)^```$", re.M | re.S)


def load(path=QUESTIONS_FILE):
    """Every question in file order. Raises ValueError naming the section when one is malformed."""
    text = Path(path).read_text(encoding="utf-8")
    headings = list(_HEADING.finditer(text))
    questions, seen, texts = [], set(), set()
    for i, heading in enumerate(headings):
        qid = heading.group(1)
        body = text[heading.end() : headings[i + 1].start() if i + 1 < len(headings) else len(text)]
        fields = dict(_FIELD.findall(body))
        gold = {engine: sql.strip() for engine, sql in _BLOCK.findall(body)}
        problems = []
        if qid in seen:
            problems.append("duplicate id")
        if fields.get("question", "").strip() in texts:
            problems.append("the same words as an earlier question (the self-check tells answers apart by them)")
        if "question" not in fields:
            problems.append("no question: line")
        if fields.get("ordered") not in ("yes", "no"):
            problems.append("ordered: must be yes or no")
        if set(gold) != {"sqlite", "postgres"}:
            problems.append("needs one ```sql sqlite and one ```sql postgres block")
        follows = fields.get("follows")
        if follows and follows not in seen:
            problems.append(f"follows {follows}, which is not an earlier question")
        if problems:
            raise ValueError(f"{path}: {qid}: " + "; ".join(problems))
        seen.add(qid)
        texts.add(fields["question"].strip())
        questions.append(
            Question(qid, heading.group(2).strip(), fields["question"].strip(), fields["ordered"] == "yes", follows, gold)
        )
    return questions


def select(questions, ids=None, limit=None):
    """The chosen questions (by id, then the first `limit`), with every question a follow-up needs added
    before it, in file order. Returns (questions, ids added only as context)."""
    by_id = {q.id: q for q in questions}
    chosen = list(questions)
    if ids:
        unknown = [i for i in ids if i not in by_id]
        if unknown:
            raise ValueError("unknown question ids: " + ", ".join(unknown))
        chosen = [q for q in questions if q.id in set(ids)]
    if limit is not None:
        chosen = chosen[:limit]
    wanted = {q.id for q in chosen}
    needed = set(wanted)
    for q in chosen:
        parent = q.follows
        while parent:
            needed.add(parent)
            parent = by_id[parent].follows
    return [q for q in questions if q.id in needed], needed - wanted
