"""The explainer-critical claims of the bundled Syria corpus, and how many independent sources back each.

Issue 13 asks for at least two independent sources behind the claims the explainers lean on: who is on
which side, who backs each side, and who holds the main cities. Those claims are computed here rather
than listed by hand, so the list follows the corpus:

- the claims cited in the side sections of ``explain "Who is fighting in Syria?"`` at each of
  :data:`CHECK_DATES` (why each actor is on its side, whom it fights, the ties, leaders and backers
  of the side; the "recent changes", "also present" and "tensions" sections are left out: they
  report around the sides rather than draw them);
- every ``controls`` claim on one of :data:`MAIN_CITIES`.

Two sources are independent when they come from different newsrooms. A publisher field records a
republication as ``"AP (via X)"`` or ``"X (AFP report)"``; :func:`origins` reads the newsroom(s)
behind it, so a wire story carried by two outlets counts once. Run::

    .venv/bin/python -m tests.corpus.critical

to print the figures and every critical claim with fewer than two independent sources.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

__all__ = ["CHECK_DATES", "MAIN_CITIES", "QUESTION", "Row", "audit", "critical_claims", "independent", "origins"]

QUESTION = "Who is fighting in Syria?"

#: The dates the explainer is checked at (issue 13's list).
CHECK_DATES = ("2012-08-01", "2013-06-01", "2014-09-15", "2015-10-15", "2016-02-17", "2017-06-15",
               "2018-03-15", "2019-01-23", "2020-03-01", "2021-06-01", "2022-06-01", "2023-06-01",
               "2024-12-05", "2024-12-10", "2025-03-15", "2025-08-01")

#: The place ids of the main cities, whose control claims are critical.
MAIN_CITIES = ("damascus", "aleppo", "homs", "hama", "idlib", "raqqa", "deir-ez-zor", "daraa", "hasakah",
               "qamishli", "latakia", "manbij", "afrin", "kobani", "palmyra")

#: Agencies whose copy outlets run under their own name with the agency in brackets: "LBCI (AFP)".
_AGENCIES = ("reuters", "ap", "associatedpress", "afp", "agencefrancepresse", "anadoluagency", "anadolu",
             "xinhua", "dpa", "dw", "pti", "ians", "ani", "bernama", "sputnik", "tass", "efe", "storyful")

#: Spellings of one newsroom, after :func:`_key` (lower case, letters and digits only).
_ALIASES = {
    "associatedpress": "ap",
    "agencefrancepresse": "afp",
    "anadolu": "anadoluagency",
    "bbcnews": "bbc",
    "aljazeeranet": "aljazeera",
    "aljazeeraenglish": "aljazeera",
    "ctcsentinel": "combatingterrorismcenteratwestpoint",
    "ctcsentinelcombatingterrorismcenteratwestpoint": "combatingterrorismcenteratwestpoint",
    "kuwaitnewsagency": "kuna",
    "usdepartmentofstatefederalregister": "usdepartmentofstate",
    "usdepartmentofstateofficeofthecoordinatorforcounterterrorism": "usdepartmentofstate",
    "unitednationsmeetingscoverage": "unitednations",
    "reutersbased": "reuters",
    "afpbased": "afp",
}

# "(AFP report)", "(IANS, Xinhua report)", "(AP photo)", "(AFP report via Azernews)", "(Reuters-based report)"
_REPORT = re.compile(r"\(([^()]+?)\s+(?:report|photo)\b[^()]*\)", re.IGNORECASE)
# "The Nation (Pakistan), Reuters report"
_TRAILING_REPORT = re.compile(r",\s*([^,()]+?)\s+report\s*$", re.IGNORECASE)
# "(quoting The Hill)", "(citing the BBC)", "(after Reuters and Middle East Eye)", "(reposting Al-Monitor)"
_RELAYED = re.compile(r"\((?:quoting|citing|after|reposting)\s+([^()]+)\)", re.IGNORECASE)
# "(AFP-based)"
_BASED = re.compile(r"\(([^()]+?)-based\)", re.IGNORECASE)
# "(via X)", "(read via a mirror)", "(video via TV-O)": the newsroom is the name before the brackets
_VIA = re.compile(r"\((?:[^()]*\s)?via\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\(([^()]+)\)")
_SPLIT = re.compile(r"\s*(?:,|\band\b)\s*", re.IGNORECASE)


def _key(name: str) -> str:
    """One newsroom's name in a form that ignores spelling: "The BBC", "BBC News" -> "bbc"."""
    text = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    key = re.sub(r"[^0-9a-z]", "", text.casefold())
    return _ALIASES.get(key, key)


def _names(text: str) -> list[str]:
    return [n for n in _SPLIT.split(text) if n.strip()]


@cache
def origins(publisher: str) -> frozenset[str]:
    """The newsroom(s) a page's words come from, read from the source's ``publisher`` field.

    A republication names its newsroom first ("AP (via X)") or in brackets ("X (AFP report)",
    "LBCI (AFP)"); a page built on several agencies names them all ("France 24 (AP, AFP)").
    Otherwise the publisher itself is the newsroom.

    >>> sorted(origins("AP (via The Gleaner)")), sorted(origins("The Hindu (AP report)"))
    (['ap'], ['ap'])
    >>> sorted(origins("France 24 (AP, AFP)")), sorted(origins("Kurdistan 24"))
    (['afp', 'ap'], ['kurdistan24'])
    """
    head = publisher.split("(", 1)[0].strip(" ,") or publisher
    for pattern in (_REPORT, _TRAILING_REPORT, _RELAYED, _BASED):
        found = pattern.search(publisher)
        if found and not re.search(r"\bvia\b", found.group(1), re.IGNORECASE):  # "(translation via X Report)"
            return frozenset(_key(n) for n in _names(found.group(1)))
    if not _VIA.search(publisher):
        for inside in _BRACKETS.findall(publisher):
            names = [_key(n) for n in _names(inside)]
            if names and all(n in _AGENCIES for n in names):
                return frozenset(_ALIASES.get(n, n) for n in names)
    return frozenset({_key(head)})


def independent(publishers) -> int:
    """How many of these publishers are independent of one another (a wire carried twice counts once).

    A page resting on several agencies takes all of them; pages are taken single-newsroom first,
    each only if it shares no newsroom with those already taken, so the count never overstates.

    >>> independent(["AP (via KRDO)", "AP (via WYMT)"]), independent(["Reuters", "Al Arabiya (Reuters report)"])
    (1, 1)
    >>> independent(["Reuters", "AFP (via Rappler)", "France 24 (AP, AFP)"])
    2
    """
    taken: set[str] = set()
    count = 0
    for newsrooms in sorted((origins(p) for p in publishers), key=lambda o: (len(o), sorted(o))):
        if not newsrooms & taken:
            taken |= newsrooms
            count += 1
    return count


def critical_claims(graph) -> dict[str, tuple[str, ...]]:
    """Claim id -> why it is critical (the check dates whose sides cite it, or ``controls <city>``)."""
    from queries.explain import Explainer

    why: dict[str, list[str]] = {}
    explainer = Explainer(graph)
    for day in CHECK_DATES:
        explanation = explainer.explain(QUESTION, as_of=day)
        for section in explanation.sections:
            if section.key.startswith("side-"):
                for sentence in section.sentences:
                    for claim_id in sentence.claims:
                        reasons = why.setdefault(claim_id, [])
                        if day not in reasons:
                            reasons.append(day)
    cities = set(MAIN_CITIES)
    for claim in graph.all_claims():
        if claim.predicate.value == "controls" and claim.object in cities:
            why.setdefault(claim.id, []).append(f"controls {claim.object}")
    return {k: tuple(v) for k, v in sorted(why.items())}


@dataclass(frozen=True, slots=True)
class Row:
    """One critical claim: why it is critical, its sources' publishers and its independent count."""

    claim: str
    why: tuple[str, ...]
    publishers: tuple[str, ...]
    independent: int


def audit(graph=None) -> list[Row]:
    """Every critical claim of ``graph`` (default: the bundled Syria corpus) with its independent count."""
    if graph is None:
        graph = _bundled()
    rows = []
    for claim_id, why in critical_claims(graph).items():
        claim = graph.claim(claim_id)
        publishers = tuple(graph.source(s).publisher for s in dict.fromkeys(claim.source_ids))
        rows.append(Row(claim_id, why, publishers, independent(publishers)))
    return rows


@lru_cache(maxsize=1)
def _bundled():
    from loaders import bundled_dataset, load_datasets

    return load_datasets([Path(bundled_dataset("syria"))])


def main() -> int:
    rows = audit()
    weak = [r for r in rows if r.independent < 2]
    print(f"explainer-critical claims: {len(rows)} "
          f"({sum(not any(w.startswith('controls') for w in r.why) for r in rows)} from the sides at "
          f"{len(CHECK_DATES)} dates, {sum(any(w.startswith('controls') for w in r.why) for r in rows)} "
          "controls claims on the main cities)")
    print(f"with fewer than two independent sources: {len(weak)}")
    for r in weak:
        print(f"  {r.claim}  [{'; '.join(r.publishers)}]  ({', '.join(r.why[:3])}{', ...' if len(r.why) > 3 else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
