"""Reading the actor names of event datasets: what a name says besides the name itself.

ACLED writes one string per actor and packs several facts into it (its codebook's naming rules):

* an acronym before a colon: ``HTS: Hayat Tahrir al Sham``, ``QSD: Syrian Democratic Forces``;
* a country in brackets for groups named after what they are: ``Islamic State (Syria)``,
  ``Civilians (Syria)``, ``Unidentified Armed Group (Syria)``;
* a period in brackets for a state's forces, one per government: ``Military Forces of Syria (2000-2024)``;
* a unit after that period: ``Military Forces of Syria (2000-) Republican Guard`` (a part of that force);
* a place or faction after `` - ``: ``Militia (Pro-Government) - Aleppo``.

:func:`parse_acled_name` splits those apart so that each part can be matched on its own (the
crosswalk and the reference names are tried with the full string first, then the name without the
extras). ICEWS writes generic actors as ``Sector (Country)`` (``Military (Syria)``, ``Citizen (Syria)``),
read by :func:`parse_icews_name`.

Some outside "actors" are not actors a reader would call a side: placeholders for unknown perpetrators
("Unidentified Armed Group (Syria)", "Opposition Rebels (Syria)", "Militia (Pro-Government)") and
civilians, protesters or rioters. :func:`category` tells them apart; importers keep them out of the
claims that make sides (see each importer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.names import fold_name

__all__ = ["CIVILIANS", "PLACEHOLDER", "ActorName", "category", "parse_acled_name", "parse_icews_name"]

#: category of an outside actor that stands for unknown perpetrators
PLACEHOLDER = "placeholder"
#: category of civilians, protesters, rioters and unarmed identity groups
CIVILIANS = "civilians"

_ACRONYM = re.compile(r"^([A-Z0-9][^:]{0,24}?):\s+(.+)$")
_PERIOD = re.compile(r"^(.*?)\s*\((\d{4})-(\d{4})?\)(?:\s+(.*))?$")
_BRACKET = re.compile(r"^(.*?)\s*\(([^()]+)\)$")
_DASH_SUFFIX = re.compile(r"^(.+?)\s+-\s+(.+)$")
_PLACEHOLDERS = re.compile(
    r"^(unidentified|unknown|unnamed)\b|^opposition rebels\b|^rebel forces?\b|^armed group\b"
    r"|^militia \((pro|anti)-|^sole perpetrator|^private security forces\b|^gunmen\b",
    re.IGNORECASE,
)
_CIVILIAN_WORDS = re.compile(
    r"^(civilians|protesters|rioters|journalists|aid workers|health workers|refugees/idps|refugees|idps|"
    r"prisoners|students|teachers|women|children|farmers|fishers|herders|lawyers|judges|labou?r group|"
    r"citizens?|detainees|displaced persons)\b",
    re.IGNORECASE,
)
_IDENTITY_GROUP = re.compile(r"\b(?<!armed )group$", re.IGNORECASE)  # "Sunni Muslim Group (Syria)", not "Armed Group"


@dataclass(frozen=True, slots=True)
class ActorName:
    """One outside actor string, taken apart.

    ``base`` is the name without acronym, brackets and suffixes; ``force`` is the whole string of the
    force a unit belongs to (``Military Forces of Syria (2000-)`` for its Republican Guard).
    """

    text: str
    base: str
    acronym: str = ""
    qualifier: str = ""  # the bracketed country or descriptor, when not a period
    first_year: str = ""
    last_year: str = ""
    unit: str = ""
    force: str = ""
    suffix: str = ""  # what followed " - "

    def keys(self) -> list[str]:
        """The strings to try against a crosswalk and reference names, most specific first."""
        out = [self.text]
        if self.unit:
            return out  # a unit is not its force: only an exact entry or name may match it
        no_suffix = self.text[: -len(self.suffix) - 3].strip() if self.suffix else self.text
        candidates = [no_suffix, _with_bracket(self.base, self.qualifier), self.base]
        if self.acronym:
            candidates += [f"{self.acronym}: {self.base}", self.acronym]
        for c in candidates:
            if c and c not in out:
                out.append(c)
        return out


def _with_bracket(base: str, qualifier: str) -> str:
    return f"{base} ({qualifier})" if qualifier else ""


@lru_cache(maxsize=65536)
def parse_acled_name(text: str) -> ActorName:
    """Take an ACLED actor string apart.

    >>> n = parse_acled_name("HTS: Hayat Tahrir al Sham")
    >>> (n.acronym, n.base)
    ('HTS', 'Hayat Tahrir al Sham')
    >>> n = parse_acled_name("Military Forces of Syria (2000-) Republican Guard")
    >>> (n.base, n.first_year, n.unit, n.force)
    ('Military Forces of Syria', '2000', 'Republican Guard', 'Military Forces of Syria (2000-)')
    >>> n = parse_acled_name("Islamic State (Syria)")
    >>> (n.base, n.qualifier)
    ('Islamic State', 'Syria')
    >>> parse_acled_name("Militia (Pro-Government) - Aleppo").suffix
    'Aleppo'
    """
    text = " ".join(text.split())
    rest, suffix = text, ""
    m = _DASH_SUFFIX.match(rest)
    if m:
        rest, suffix = m.group(1), m.group(2)
    acronym = ""
    m = _ACRONYM.match(rest)
    if m and sum(ch.isupper() for ch in m.group(1)) >= 2:
        acronym, rest = m.group(1), m.group(2)
    m = _PERIOD.match(rest)
    if m:
        base, first, last, unit = m.group(1), m.group(2), m.group(3) or "", (m.group(4) or "").strip()
        force = f"{base} ({first}-{last})" if unit else ""
        return ActorName(text, base, acronym, "", first, last, unit, force, suffix)
    m = _BRACKET.match(rest)
    if m:
        return ActorName(text, m.group(1), acronym, m.group(2).strip(), suffix=suffix)
    return ActorName(text, rest, acronym, suffix=suffix)


def parse_icews_name(text: str) -> ActorName:
    """Take an ICEWS actor name apart: ``Military (Syria)`` is the sector ``Military`` of Syria.

    >>> n = parse_icews_name("Military (Syria)")
    >>> (n.base, n.qualifier)
    ('Military', 'Syria')
    """
    text = " ".join(text.split())
    m = _BRACKET.match(text)
    if m:
        return ActorName(text, m.group(1), qualifier=m.group(2).strip())
    return ActorName(text, text)


def category(name: ActorName, actor_type: str = "") -> str:
    """``placeholder``, ``civilians`` or ``""`` (an actor that may be a side).

    ``actor_type`` is ACLED's actor type code when known (5 rioters, 6 protesters, 7 civilians).

    >>> category(parse_acled_name("Unidentified Armed Group (Syria)"))
    'placeholder'
    >>> category(parse_acled_name("Civilians (Syria)")), category(parse_acled_name("Sunni Muslim Group (Syria)"))
    ('civilians', 'civilians')
    >>> category(parse_acled_name("Hayat Tahrir al-Sham"))
    ''
    """
    if actor_type in ("5", "6", "7"):
        return CIVILIANS
    base = name.base
    if _PLACEHOLDERS.search(base) or _PLACEHOLDERS.search(name.text):
        return PLACEHOLDER
    if _CIVILIAN_WORDS.search(base):
        return CIVILIANS
    if name.qualifier and _IDENTITY_GROUP.search(base) and "militia" not in fold_name(base):
        return CIVILIANS
    return ""
