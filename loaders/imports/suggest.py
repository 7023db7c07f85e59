"""Proposing crosswalk entries for the outside names an import could not match, with the reason for each.

Matching during an import is strict (an exact id, name or alias, alive on the row's day), so that nothing is
merged by guess. Afterwards :func:`suggest` looks again, loosely, and says why it thinks a name may be an
actor the reference data has; the user accepts what is right (``actorgraph crosswalk suggest --accept``),
which writes ordinary crosswalk entries dated to the actor's lifetime.

Reasons, strongest first: the acronym before a colon is one of the actor's aliases; the name is a state's
forces and the state has one armed-forces actor; the names differ only in spelling (close after folding
case, accents, apostrophes, dashes and common transliteration variants); most of their significant words
are shared.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from graph.names import fold_name
from loaders.imports.bundle import Unmatched
from loaders.imports.crosswalk import Crosswalk, CrosswalkEntry
from loaders.imports.names import parse_acled_name, parse_icews_name

__all__ = ["Suggestion", "accept", "suggest"]

_FILLER = {"al", "el", "ad", "ash", "as", "of", "the", "and", "de", "la", "wa", "fi", "li"}
_VARIANTS = [(r"\bjaish\b", "jaysh"), (r"\bjeish\b", "jaysh"), (r"\bdefense\b", "defence"),
             (r"\bzinki\b", "zenki"), (r"\bdeen\b", "din"), (r"\bhizb?allah\b", "hezbollah"),
             (r"\bfateh\b", "fatah"), (r"\bqaida\b", "qaeda"), (r"\bmovement\b", ""), (r"\bharakat\b", "")]
_FORCES = re.compile(r"^(military|police) forces of (.+)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True, order=True)
class Suggestion:
    """Outside KEY of SCHEME may be the reference actor ACTOR, with a score (0-1) and the reason."""

    scheme: str
    key: str
    actor: str
    actor_name: str
    score: float
    reason: str


def _spelling(text: str) -> str:
    out = fold_name(text)
    for pattern, repl in _VARIANTS:
        out = re.sub(pattern, repl, out)
    return " ".join(out.split())


def _words(text: str) -> set[str]:
    return {w for w in _spelling(text).split() if w not in _FILLER and len(w) > 1}


def suggest(unmatched: list[Unmatched], reference, *, per_name: int = 3, min_score: float = 0.6) -> list[Suggestion]:
    """Candidate actors of ``reference`` for each unmatched outside name, best first, with reasons."""
    actors = [a for a in reference.actors if a.kind.value != "person"]
    labels = [(a, label) for a in actors for label in (a.name, *a.aliases)]
    out: list[Suggestion] = []
    for u in unmatched:
        parsed = parse_icews_name(u.name) if u.scheme == "icews" else parse_acled_name(u.name)
        found: dict[str, tuple[float, str]] = {}

        def offer(actor, score: float, reason: str, found=found) -> None:
            if score >= min_score and score > found.get(actor.id, (0.0, ""))[0]:
                found[actor.id] = (score, reason)

        if parsed.acronym:
            for a, label in labels:
                if label == parsed.acronym:
                    offer(a, 0.9, f"its acronym {parsed.acronym!r} is an alias of {a.name!r}")
        forces = _FORCES.match(parsed.base)
        if forces and not parsed.unit:
            states = [reference.get(i) for i in reference.named(forces.group(2), places=False)]
            codes = {s.country for s in states if s.kind.value == "state" and s.country}
            armed = [a for a in actors if a.kind.value == "armed_forces" and a.country in codes]
            for a in armed:
                offer(a, 0.85 if len(armed) == 1 else 0.6,
                      f"state forces of {forces.group(2)}; {a.name!r} is {'the' if len(armed) == 1 else 'an'} "
                      f"armed-forces actor of that state")
        base = parsed.base or u.name
        spelled, words = _spelling(base), _words(base)
        for a, label in labels:
            ratio = difflib.SequenceMatcher(None, spelled, _spelling(label)).ratio()
            if ratio >= 0.8:
                offer(a, round(0.5 + ratio * 0.4, 2), f"spelling close to {label!r} ({ratio:.0%} alike)")
            theirs = _words(label)
            if words and theirs:
                shared = len(words & theirs) / len(words | theirs)
                if shared >= 0.6:
                    offer(a, round(0.4 + shared * 0.4, 2),
                          f"shares {len(words & theirs)} of {len(words | theirs)} significant words with {label!r}")
        ranked = sorted(found.items(), key=lambda kv: (-kv[1][0], kv[0]))[:per_name]
        out += [Suggestion(u.scheme, u.key, aid, reference.get(aid).name, score, reason + _life(reference.get(aid)))
                for aid, (score, reason) in ranked]
    return out


def _life(actor) -> str:
    if actor.founded is None and actor.dissolved is None:
        return ""
    return f"; it existed {actor.founded or '..'} to {actor.dissolved or '..'}, rows of other dates need another actor"


def accept(crosswalk: Crosswalk, suggestions: list[Suggestion], reference, *, min_score: float = 0.8) -> Crosswalk:
    """``crosswalk`` with the best suggestion of each name scoring ``min_score`` or more, dated to the actor's life."""
    best: dict[tuple[str, str], Suggestion] = {}
    for s in suggestions:
        if s.score >= min_score and (s.scheme, s.key) not in best:
            best[(s.scheme, s.key)] = s
    for s in best.values():
        a = reference.get(s.actor)
        crosswalk = crosswalk.set(CrosswalkEntry(s.scheme, s.key, s.actor, str(a.founded or ""), str(a.dissolved or ""),
                                                 f"accepted suggestion: {s.reason}"))
    return crosswalk
