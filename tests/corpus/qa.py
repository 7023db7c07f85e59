"""Score the held-out question sets (``tests/corpus/questions-qa*.yaml``) against the bundled corpus.

The questions were written from public timelines before anyone looked at what the corpus answers, so
the score says how well ``actorgraph relations`` and ``actorgraph explain`` answer questions nobody
tuned the data for. Each question is run through the real command (in-process, ``--format json``,
``--as-of`` its date) and marked:

- ``right``: every expected actor is in the answer and no excluded one is (or, for ``empty``, the
  answer holds nothing);
- ``missing``: the answer names none of the expected actors (nothing recorded, or a gap);
- ``wrong``: anything else: an excluded (stale or false) actor is named, or only some expected ones.

::

    .venv/bin/python -m tests.corpus.qa            # the score and every question not right
    .venv/bin/python -m tests.corpus.qa --all      # every question with the actors the answer named
    .venv/bin/python -m tests.corpus.qa tests/corpus/questions-qa2.yaml   # one set only

With no file the runner scores every set (the first, ``questions-qa.yaml``, and the second to eighth,
each written by another helper from other pages, ``questions-qa2.yaml`` to ``questions-qa10.yaml``) and
prints a score per set and overall.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from loaders.cli.main import main as actorgraph

__all__ = ["QUESTIONS", "QUESTION_SETS", "Outcome", "answer_ids", "load_questions", "main", "score", "score_all"]

#: The first frozen question set.
QUESTIONS = Path(__file__).with_name("questions-qa.yaml")

#: Every frozen set, each written before its first run (a new set gets a new file, never edits of an old one).
QUESTION_SETS = (
    QUESTIONS,
    Path(__file__).with_name("questions-qa2.yaml"),
    Path(__file__).with_name("questions-qa3.yaml"),
    Path(__file__).with_name("questions-qa4.yaml"),
    Path(__file__).with_name("questions-qa5.yaml"),
    Path(__file__).with_name("questions-qa6.yaml"),
    Path(__file__).with_name("questions-qa7.yaml"),
    Path(__file__).with_name("questions-qa8.yaml"),
    Path(__file__).with_name("questions-qa9.yaml"),
    Path(__file__).with_name("questions-qa10.yaml"),
    Path(__file__).with_name("questions-qa11.yaml"),
    Path(__file__).with_name("questions-qa12.yaml"),
    Path(__file__).with_name("questions-qa13.yaml"),
    Path(__file__).with_name("questions-qa14.yaml"),
    Path(__file__).with_name("questions-qa15.yaml"),
    Path(__file__).with_name("questions-qa16.yaml"),
    Path(__file__).with_name("questions-qa17.yaml"),
    Path(__file__).with_name("questions-qa18.yaml"),
    Path(__file__).with_name("questions-qa19.yaml"),
    Path(__file__).with_name("questions-qa20.yaml"),
    Path(__file__).with_name("questions-qa21.yaml"),
    Path(__file__).with_name("questions-qa22.yaml"),
    Path(__file__).with_name("questions-qa23.yaml"),
    Path(__file__).with_name("questions-qa24.yaml"),
    Path(__file__).with_name("questions-qa25.yaml"),
    Path(__file__).with_name("questions-qa26.yaml"),
    Path(__file__).with_name("questions-qa27.yaml"),
    Path(__file__).with_name("questions-qa28.yaml"),
    Path(__file__).with_name("questions-qa29.yaml"),
    Path(__file__).with_name("questions-qa30.yaml"),
    Path(__file__).with_name("questions-qa31.yaml"),
    Path(__file__).with_name("questions-qa32.yaml"),
    Path(__file__).with_name("questions-qa33.yaml"),
    Path(__file__).with_name("questions-qa34.yaml"),
    Path(__file__).with_name("questions-qa35.yaml"),
    Path(__file__).with_name("questions-qa36.yaml"),
    Path(__file__).with_name("questions-qa37.yaml"),
    Path(__file__).with_name("questions-qa38.yaml"),
    Path(__file__).with_name("questions-qa39.yaml"),
    Path(__file__).with_name("questions-qa40.yaml"),
    Path(__file__).with_name("questions-qa41.yaml"),
    Path(__file__).with_name("questions-qa42.yaml"),
    Path(__file__).with_name("questions-qa43.yaml"),
    Path(__file__).with_name("questions-qa44.yaml"),
    Path(__file__).with_name("questions-qa45.yaml"),
    Path(__file__).with_name("questions-qa46.yaml"),
    Path(__file__).with_name("questions-qa47.yaml"),
    Path(__file__).with_name("questions-qa48.yaml"),
    Path(__file__).with_name("questions-qa49.yaml"),
    Path(__file__).with_name("questions-qa50.yaml"),
    Path(__file__).with_name("questions-qa51.yaml"),
    Path(__file__).with_name("questions-qa52.yaml"),
    Path(__file__).with_name("questions-qa53.yaml"),
    Path(__file__).with_name("questions-qa54.yaml"),
    Path(__file__).with_name("questions-qa55.yaml"),
    Path(__file__).with_name("questions-qa56.yaml"),
    Path(__file__).with_name("questions-qa57.yaml"),
    Path(__file__).with_name("questions-qa58.yaml"),
)


@dataclass
class Outcome:
    """One question's verdict, with the actors the answer named (to show why)."""

    id: str
    date: str
    verdict: str  # right | wrong | missing
    named: list[str] = field(default_factory=list)
    why: str = ""


#: Explainer sections that give context rather than the answer: what changed in the last days (which
#: names the holders that just lost a place), and the claims that go against the sides.
CONTEXT_SECTIONS = frozenset({"recent", "tensions"})


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    """The questions, with dates kept as text (YAML would read 2012-09-01 as a date object)."""
    questions = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    for q in questions:
        q["date"] = str(q["date"])
    return questions


def _run(args: list[str]) -> object:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = actorgraph(args)
    if code not in (0, None):
        raise RuntimeError(f"actorgraph {' '.join(args)} failed ({code}): {err.getvalue().strip()}")
    text = out.getvalue().strip()
    return json.loads(text) if text else []


def _asked_about(ask: list[str]) -> set[str]:
    """Ids the question names in its arguments (the entity asked about is not part of the answer)."""
    named = set()
    for flag, value in zip(ask, ask[1:], strict=False):
        if flag in ("--subject", "--object", "--actor"):
            named.add(value)
    return named


def answer_ids(q: dict) -> tuple[list[str], bool]:
    """(the actors the answer names, whether it held anything at all) for question ``q``."""
    ask = [str(a) for a in q["ask"]]
    result = _run([*ask, "--as-of", q["date"], "--format", "json"])
    ids: list[str] = []
    if ask[0] == "relations":
        rows = result
        skip = _asked_about(ask)
        for row in rows:
            for side in ("subject", "object"):
                actor = row[side]["id"]
                if actor not in skip:
                    ids.append(actor)
        return list(dict.fromkeys(ids)), bool(rows)
    # explain: the actors of every claim the answer's own sections cite, and of every camp it draws
    # the entities the question is about are not part of the answer, except the body of a yes/no membership
    # question ("is the YPG part of the SDF"): it is what the answer confirms, credited only when a claim the answer
    # cites names it (the membership is recorded at the date)
    entities = [e["id"] for e in result.get("entities") or []]
    skip = set(entities[:1] if result.get("family") == "memberships" else entities)
    area = result.get("area") or {}
    skip |= {p["id"] for p in area.get("places") or []}
    claims = result.get("claims") or {}
    cited = [
        c
        for s in result.get("sections") or []
        if s["key"] not in CONTEXT_SECTIONS
        for sentence in s["sentences"]
        for c in sentence["claims"]
    ]
    for claim_id in dict.fromkeys(cited):
        claim = claims.get(claim_id)
        if claim:
            ids.extend(claim[side]["id"] for side in ("subject", "object"))
    for camp in result.get("camps") or []:
        ids.extend(a["id"] for a in [camp["anchor"], *camp.get("members", []), *camp.get("partners", [])])
    ids = [i for i in dict.fromkeys(ids) if i not in skip]
    return ids, bool(result.get("claims"))


def score(q: dict) -> Outcome:
    """The verdict on one question (a question the command cannot parse counts as missing, not a crash)."""
    try:
        named, anything = answer_ids(q)
    except RuntimeError as exc:
        return Outcome(q["id"], q["date"], "missing", [], f"command failed: {str(exc).splitlines()[0][:160]}")
    have = set(named)
    expect = q["expect"]
    out = Outcome(q["id"], q["date"], "right", named)
    if expect.get("empty"):
        if anything:
            out.verdict, out.why = "wrong", "expected no relation, got some"
        return out
    groups = [g if isinstance(g, list) else [g] for g in expect.get("all", [])]
    found = [g for g in groups if have & set(g)]
    stale = sorted(have & set(expect.get("none", [])))
    if groups and not found and not stale:
        out.verdict, out.why = "missing", f"none of {groups}"
    elif stale or len(found) < len(groups):
        lacking = [g for g in groups if g not in found]
        out.verdict = "wrong"
        out.why = "; ".join(
            part for part in (f"named {stale}" if stale else "", f"lacks {lacking}" if lacking else "") if part
        )
    return out


def score_all(questions: list[dict] | None = None) -> list[Outcome]:
    return [score(q) for q in (questions if questions is not None else load_questions())]


def _score_line(label: str, outcomes: list[Outcome]) -> str:
    counts = {v: sum(o.verdict == v for o in outcomes) for v in ("right", "wrong", "missing")}
    total = len(outcomes)
    return (
        f"{label}: {counts['right']}/{total} right ({100 * counts['right'] / total:.1f}%), "
        f"{counts['wrong']} wrong, {counts['missing']} missing"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="question files (default: every frozen set)")
    parser.add_argument("--all", action="store_true", help="list every question, not only those not right")
    args = parser.parse_args(argv)
    files = args.files or list(QUESTION_SETS)
    everything: list[Outcome] = []
    for path in files:
        if not path.is_file():
            parser.error(f"{path}: no such question file (expected a YAML file with a top-level 'questions' list)")
        outcomes = score_all(load_questions(path))
        for o in outcomes:
            if args.all or o.verdict != "right":
                print(f"{o.verdict:7} {o.id:34} {o.date:10} {o.why}  answer: {', '.join(o.named) or '-'}")
        print(_score_line(f"score {path.name}", outcomes))
        everything.extend(outcomes)
    if len(files) > 1:
        print(_score_line("score (all sets)", everything))
    return 0


if __name__ == "__main__":
    sys.exit(main())
