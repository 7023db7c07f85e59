"""Reading a question that fits no form by its gist: the names it holds and the cue words around them.

Users do not write the forms of ``forms.jsonl``: "hts leader 2019", "Who were Assad's main foreign
backers?", "Which militias did Iran back?", "Is HTS still listed as terrorist by the US?". When no
form fits, the parser hands this module the question as words, with its known names merged into one
word each, and :func:`read_gist` decides which family the question belongs to and which names it is
about, from cue words ("backers", "leader", "terrorist", "held") and where the names stand around them
("backed by Iran" asks whom Iran backs; "Iran's backers" who backs Iran).

The rules are deliberately few and general; a question whose gist is unclear (no cue word, or none of
the names fits the family) is not guessed: :func:`read_gist` returns ``None`` and the parser reports it
as not understood. The answer says how it read the question (``Question.read_as``), so a wrong reading
shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from queries.explain.posts import asked_post

__all__ = ["Gist", "Word", "read_gist", "read_as"]


@dataclass(frozen=True, slots=True)
class Word:
    """One word of the question: lower-case text, or a known name (``label`` ACTOR, PLACE or BOTH) or a DATE."""

    text: str
    label: str = ""

    @property
    def is_name(self) -> bool:
        return self.label in ("ACTOR", "PLACE", "BOTH")


@dataclass(frozen=True, slots=True)
class Gist:
    """The family read and the positions (in the words) of the names it is about, in the order the family wants."""

    family: str
    names: tuple[int, ...]
    support_type: str | None = None
    where_default: bool = False  # the question is about the default place (it names none)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Cue words of each family. A word is tested as written and with a plural or verb ending removed.
_TERROR = re.compile(r"^(?:terror\w*|designat\w*|proscri\w*|blacklist\w*|fto|sdgt)$")
_LINEAGE = _words("""become became becomes becoming origin origins originate originated originates predecessor
predecessors successor successors rename renamed renaming rebrand rebranded rebranding rebrands founded founder
founders founding emerge emerged emerges offshoot offshoots splinter splintered split merge merged merger mergers
descended descendant descendants roots fate disband disbanded dissolve dissolved dissolution formed lineage
happened called grow grew grown""")
_LEAD = _words("""lead leads led leader leaders leadership head heads headed chief chiefs commander commanders
command commands commanded emir amir boss chairman president minister premier leading caliph secretary sheikh""")
_IN_CHARGE = _words("charge")  # "in charge of": a place's holder, an actor's leader (tested before the leaders)
_MEMBER = _words("""member members membership belong belongs belonged comprise comprises comprised compose composed
components component constituent constituents factions faction joined join joins consist consists consisted
include includes included""")
_RUN = _words("run runs ran running")  # of a place, who holds it; of a body, who leads it
_TOOK_OVER = re.compile(r"\b(?:take|takes|took|taken|taking) over\b")  # with no place named: a succession
#: "what was it called before", "its former name": the names it had, read from its lineage
_FORMERLY = re.compile(r"\b(?:called|named|known as) (?:before|previously|formerly|earlier)\b|\bformer names?\b")
_MADE_UP = re.compile(r"\b(?:made|make|makes|making) up\b")
#: "what did JFS turn into", "evolved into": what a group became (its lineage)
_TURNED_INTO = re.compile(r"\b(?:turn|turns|turned|turning|evolve|evolves|evolved|evolving|transform|transforms|"
                          r"transformed|morph|morphed) into\b")
#: "broke away from X", "a breakaway of X", "defected from X": a split, asked about as the body's lineage
_BROKE_AWAY = re.compile(r"\b(?:(?:break|breaks|breaking|broke|broken) (?:away|off)|breakaway|defect\w*|secede\w*"
                         r"|(?:come|comes|came|coming) from)\b")  # "where did this group come from"
#: "where does X stand on Y", "X's stance toward Y": how two actors are related, asked with two names
_STANCE = re.compile(r"\b(?:(?:stand|stands|stood|standing) (?:on|toward|towards|regarding|with)"
                     r"|(?:stance|stances|attitude|attitudes|position|positions|view|views) (?:on|toward|towards|to|of"
                     r"|regarding))\b")
_ALLEGIANCE = _words("allegiance loyal loyalty loyalties pledge pledged pledges pledging")
_ALLY = _words("ally allies allied alliance alliances partner partners partnered alongside")
_BACKERS = _words("""backer backers supporter supporters sponsor sponsors patron patrons benefactor benefactors
funder funders financier financiers supplier suppliers""")
_CLIENTS = _words("proxy proxies client clients protege proteges")
_SUPPORT = _words("""support supports supported supporting back backs backed backing help helps helped helping aid
aids aided aiding arm arms armed arming fund funds funded funding finance finances financed financing sponsored
sponsoring assist assists assisted assisting equip equips equipped train trains trained supply supplies supplied
bankroll bankrolls bankrolled bankrolling weapons money behind prop props propped propping recruit
recruits recruited recruiting organise organises organised organising organize organizes organized organizing""")
_WEAPONS = _words("arm arms armed arming weapons equip equips equipped supplier suppliers supply supplies supplied")
#: verbs of giving, words of support only when a weapon is named ("who gave Hazm its TOW missiles")
_GIVE = _words("give gives gave given giving provide provides provided providing send sends sent sending deliver "
               "delivers delivered delivering")
_ARMS_NOUNS = _words("missile missiles rocket rockets tow tows manpads ammunition weapon weapons arms")
_MONEY = _words("fund funds funded funding finance finances financed financing funder funders financier "
                "financiers bankroll bankrolls bankrolled bankrolling money")
#: "armed" before these words describes the group, it does not ask who armed it
_ARMED_NOUNS = _words("""group groups force forces faction factions opposition men militia militias rebels rebel
actors actor conflict wing wings struggle""")
_CONTROL = _words("""control controls controlled controlling held hold holds holding ran run runs running govern
governs governed governing rule rules ruled ruling administer administers administered occupy occupies occupied
occupying captured capture captures took take takes taking seized seize seizes retook retake recaptured liberated
hands possession fell fall""")
_HAS = _words("has have had")  # "who has X": with a place, who holds it
_BASED = _words("based base bases headquarters headquartered hq stationed deployed located territory")
#: forces on the ground: with "in PLACE" they say where, so a country's name there is the place ("troops in Syria")
_TROOPS = _words("troops forces soldiers military presence boots")
#: taking part where something happens ("which groups operated in Idlib"): the sides there
_PRESENT = _words("operate operates operated operating active present")
#: a fight on someone's behalf ("which militias fought for Assad"): the one fought for is backed, not fought
_ON_BEHALF = _words("for alongside behalf")
#: a successor in a post ("who replaced Baghdadi", "who succeeded al-Bashir"): who leads what the person led
#: words of sanctions: the body after them is the one sanctioned, the answer is who opposes it
_SANCTION = _words("sanction sanctions sanctioned sanctioning")
_SUCCEEDED = _words("replace replaced replaces replacing succeed succeeded succeeds succeeding successor")
_FIGHT = _words("""fight fights fought fighting battle battles battled battling clash clashes clashed clashing attack
attacks attacked attacking war wars warring combat against enemy enemies foe foes opponent opponents adversary
adversaries rival rivals oppose opposes opposed opposing strike strikes striking struck bomb bombs bombed bombing
airstrikes airstrike shelling shelled target targets targeted targeting offensive raid raids raided hostilities conflict
hunt hunts hunted hunting vs versus blockade blockades blockaded blockading
hit hits hitting belligerent belligerents involved besiege besieged besieging siege sieges encircle encircled
ambush ambushes ambushed ambushing overran overrun overruns overrunning defend defends defended defending storm stormed
storming assault assaulted assaulting resist resists resisted resisting
sanction sanctions sanctioned sanctioning""")
_SIDE = _words("side sides camp camps")
_CONNECTION = _words("relationship relationships relation relations connected connection connections link links "
                     "linked ties tied between")
#: words before a place that say where something happens ("in eastern Syria"), not who takes part
_WHERE = _words("in at around near inside across throughout within over into")
#: words that carry no gist: a question made only of these and one name asks what the name is
_FILLER = _words("""what who whom is was are were the a an tell me us about describe profile of info information on
please give show explain some when now currently today there these days 's""")
#: nouns of bodies that, before "in ACTOR", ask for its members ("which groups are in the SNA")
_BODIES = _words("""group groups faction factions brigade brigades unit units militia militias organisation
organisations organization organizations party parties battalion battalions""")
#: words asking what the graph does not record (why, tolls, how many): such a question is not guessed
#: nouns of people counted in a toll ("killing 13 Iranian advisers", "losing men"): a number before them is no date
_PEOPLE_COUNTED = _words("""men women children people civilians soldiers fighters troops advisers advisors officers
members militants rebels guards workers""")
_UNANSWERED = _words("why casualties deaths injured wounded refugees displaced weather population cost costs")
#: who won or lost: not recorded, unless what was won or lost is a place ("since the army lost it": who holds it)
_OUTCOME = _words("win wins winning won lose loses losing lost")
_WON_PLACE = _words("it control hold")  # "lost it", "lost control of", "lost hold of" (a place named elsewhere)
#: a death: not recorded, unless it is said of a named person as a clause ("now that Soleimani is dead")
_DEATH = _words("killed died dead death")
_DEATH_LINKS = _words("is was got been had has 's")
#: "back" as an adverb ("is Daraa back under the regime") is not the verb of support ("did Iran back in 2013")
_BACK_ADVERB = _words("in into under to on with at")
#: verbs of taking before "back" ("take Palmyra back", "took back Aleppo"): a place retaken, not support
_TAKE = _words("take takes took taken taking retake retook get gets got win wins won seize seized")
#: "went after X": hunted, fought
_GO_AFTER = re.compile(r"\b(?:go|goes|went|going|gone) after\b")
#: nouns of an attack ("leading the push on Homs"): with a word of leading and a place, the sides there
_PUSH = _words("push pushes offensive offensives assault assaults advance advances drive campaign campaigns")
#: words standing for a name said before ("which Iranian body supports it", "who was behind them")
_PRONOUNS = _words("it them him her this that these those")
_BE = _words("is was are were 's be been being come came comes go goes went get got gets now")
_AGENT_KINDS = frozenset({"state", "government", "international_organisation"})


def _under_fire(plain: Sequence[str]) -> bool:
    """Whether "under" is said of fighting ("under siege", "under attack", "under fire"), not of a holder."""
    return any(w == "under" and k + 1 < len(plain) and (plain[k + 1] in ("fire", "bombardment", "shelling")
                                                         or _cue(plain[k + 1], _FIGHT))
               for k, w in enumerate(plain))


def _cue(word: str, cues: frozenset[str]) -> bool:
    return word in cues or (len(word) > 4 and (word[:-1] in cues or word.rstrip("s") in cues))


def read_gist(words: Sequence[Word], kind_of: Callable[[int], str], default: str | None = None,
              is_country: Callable[[int], bool] = lambda i: False) -> Gist | None:
    """The family and the names a question is about, read from its cue words, or ``None`` when unclear.

    ``kind_of(i)`` gives the kind of the entity named by ``words[i]`` (``"place"``, or an actor kind such
    as ``"state"`` or ``"person"``; ``""`` when the name fits several entities of different kinds).
    ``default`` is the place a question about the sides means when it names none (the main country).
    ``is_country(i)`` says whether the name at ``i`` is a country's (a war's whole ground rather than one battle's).
    """
    words = _main_clause(words)
    names = [i for i, w in enumerate(words) if w.is_name]
    if not names:  # "what are the main sides in the war": the main country's
        if default is not None and any(_cue(w.text, _SIDE) for w in words if w.label != "DATE"):
            return Gist("sides", (), where_default=True)
        return None
    plain = [w.text for w in words if not w.is_name and w.label != "DATE"]
    said = " ".join(plain)
    counted = {i for i, w in enumerate(words[:-1]) if w.text.isdigit() and words[i + 1].text in _PEOPLE_COUNTED}
    if any(w.text[:1].isdigit() and i not in counted and w.label != "DATE" and not w.is_name
           for i, w in enumerate(words)):  # a date not read ("31 June 2016"): not dropped ("13 advisers" is a toll)
        return None
    if any(w in _UNANSWERED for w in plain) or "how many" in said or "how much" in said:
        return None
    if any(_said_of_no_person(words, i, kind_of) for i, w in enumerate(words) if w.text in _DEATH):
        return None
    places = [i for i in names if kind_of(i) == "place"]
    towns = [i for i in places if not is_country(i)]  # a country is where a war happens, not one battle
    if any(w.text in _OUTCOME and not _of_a_place(words, i, kind_of)
           and not (i + 1 < len(words) and words[i + 1].text in _PEOPLE_COUNTED) for i, w in enumerate(words)):
        # "who lost the war" is not recorded; "fighting and losing men" is a toll said of a fight
        return None
    actors = [i for i in names if kind_of(i) != "place"]

    def has(cues) -> bool:
        return any(_cue(w, cues) for w in plain)

    where = [i for i in actors if kind_of(i) == "" and _after_where(words, i)]
    # "in eastern Syria": Syria the country, where it happens (also when it is the only name of a fight:
    # "which militias fought in Syria" asks for the sides there, not Syria's members)
    if where and (len(where) < len(actors) or has(_FIGHT) or places or has(_TROOPS) or has(_PRESENT)):
        actors = [i for i in actors if i not in where]
        places = sorted(places + where)

    if any(_TERROR.match(w) for w in plain) and actors:
        return Gist("designations", (_listed(words, actors, kind_of),))
    persons = [i for i in actors if kind_of(i) == "person"]
    if actors and asked_post(said) is not None:  # "Syrian army chief of staff during the push on Hama": a post's holder
        return Gist("leaders", (actors[0],))
    if persons and plain and (plain[-1] == "with" or words[-1].text in ("in", "from")) and has(_BODIES):
        # "Abu Maria al-Qahtani - what group is he with", "... which group is he in / from"
        return Gist("memberships", (persons[0],))
    owned_body = [i for i in persons
                  if i + 2 < len(words) and words[i + 1].text == "'s" and words[i + 2].text in _BODIES]
    if owned_body:  # "Issam Zahreddine's unit": the body the person belongs to
        return Gist("memberships", (owned_body[0],))
    if persons and has(_SUCCEEDED) and not (has(_LEAD) and [i for i in actors if kind_of(i) != "person"]):
        return Gist("leaders", (persons[0],))  # the body the person led, read by the explainer
    led = [i for i in actors if kind_of(i) != "person"]
    cue = _leads_first(words)
    if led and cue:  # "who heads the coalition formed in Doha": "formed" describes, "heads" asks
        owned = [i for i in led if i > cue and not (i + 1 < len(words) and words[i + 1].text == "'s")]
        return Gist("leaders", (owned or [_after_of(words, led)])[:1])  # "Iran's Quds Force": the force
    if (has(_LINEAGE) or _BROKE_AWAY.search(said) or _TURNED_INTO.search(said) or _FORMERLY.search(said)) and actors:
        return Gist("lineage", (actors[0],))
    if words[0].text in ("is", "was", "are", "were") and len(actors) >= 2 and _before(words, actors[1]) == "with":
        return Gist("connection", (actors[0], actors[1]))  # "is the Yarmouk Martyrs Brigade with ISIS"
    if (has(_CONNECTION) or _STANCE.search(said)) and len(actors) >= 2:
        return Gist("connection", (actors[0], actors[1]))
    if any(w in _IN_CHARGE for w in plain):
        return Gist("control", (places[0],)) if places else Gist("leaders", (actors[0],))
    if has(_LEAD) and places and not actors and has(_PUSH):  # "which group is leading the push on Homs"
        return Gist("sides", (places[0],))
    if has(_LEAD):
        led = [i for i in actors if kind_of(i) != "person"]
        if led:
            return Gist("leaders", (_after_of(words, led),))
        if places and not actors:
            return Gist("leaders", (places[0],))
        return Gist("profile", (actors[0],)) if actors else None
    if has(_SIDE) and (places or default is not None):  # "whose side was Hezbollah on in Aleppo"
        return Gist("sides", (places[0],) if places else (), where_default=not places)
    if actors and any(w.text in _BRANCH and k + 1 < len(words) and words[k + 1].text == "of"
                      and not (_ahead(words, k + 1) < len(words) and words[_ahead(words, k + 1)].is_name)
                      for k, w in enumerate(words)):
        return Gist("memberships", (actors[0],))  # "the YPG, armed wing of which party": what it is the wing of
    owner = next((k for k in actors
                  if k + 2 < len(words) and words[k + 1].text == "'s" and words[k + 2].text in _BRANCH), None)
    if owner is not None:  # "is Hurras al-Din al-Qaeda's branch in Syria": how they are tied; with no other name,
        tied = [i for i in actors if i < owner]  # "which group was al-Qaeda's branch": the bodies that belong to it
        return Gist("connection", (tied[0], owner)) if tied else Gist("members", (owner,))
    belongs = _belongs(words, actors, kind_of)
    if belongs:  # "what is Syria a member of", "which coalitions did Ahrar al-Sham join", "is Turkey in NATO"
        return Gist("memberships", belongs)
    adjunct = next((k for k in actors if k + 1 < len(words) and words[k + 1].text in _BRANCH), None)
    tied = [i for i in actors if adjunct is not None and i < adjunct]
    if tied:  # "the Yarmouk Martyrs Brigade - is it an ISIS affiliate": how they are tied
        return Gist("connection", (tied[0], adjunct))
    inside = [i for i in actors if (_before(words, i) in ("in", "within", "inside") and has(_BODIES))
              or (_before(words, i) == "of" and _before(words, _back(words, i)) == "part")]
    backer = _backer_adjective(words, actors)
    described = backer is not None and (has(_FIGHT) or has(_CONTROL))
    if described:  # "which Iran-backed militias fought IS": the fight is asked, the backer says which militias
        actors = [i for i in actors if i != backer]
    support = None if described or not actors else _support(words, actors)
    if support is not None and not inside and has(_MEMBER) and all(w in _BODIES or not _cue(w, _MEMBER)
                                                                   for w in plain):
        return support  # "which factions are Turkish-backed": "factions" names the answer, "backed" asks
    # "which rebel factions were holding Darayya": a noun of bodies names what the answer lists; it asks for members
    # only when no other cue says what they did
    member = any(_cue(w, _MEMBER) and w not in _BODIES for w in plain) or (
        has(_MEMBER) and not (has(_CONTROL) or has(_FIGHT) or has(_BASED)))
    if member or _MADE_UP.search(said) or inside:
        if inside:
            return Gist("members", (inside[0],))
        if actors:
            return Gist("members", (_after_of(words, actors),))
        return Gist("sides", (places[0],))
    if not actors and places and _support(words, places) is not None and any(
            i + 1 < len(words) and words[i + 1].text in _ARMED_NOUNS for i in places):
        return Gist("sides", (places[0],))  # "who's backing the Idlib rebels": the sides there, with their backers
    if (has(_ALLY) or has(_ALLEGIANCE)) and actors:  # "hurras al-deen allegiance": to whom it is bound
        return Gist("allies", (actors[0],))
    if support is not None:
        return support
    if places and "under" in plain and not _under_fire(plain):  # "is Daraa back under the regime": who holds it
        return Gist("control", (places[0],))
    if has(_CONTROL) or has(_BASED):  # who holds a place; what an actor holds or where it is based
        led = [i for i in actors if kind_of(i) != "person"]
        if not places and led and (_TOOK_OVER.search(said) or any(w in _RUN for w in plain)):
            return Gist("leaders", (led[0],))  # "who took over IS after Baghdadi's death", "who runs the SIG"
        if places and (has(_CONTROL) or not actors):
            return Gist("control", (places[0],))
        # "who holds Damascus": a name of a place and of an actor (the government's alias), held: the place
        held = [i for i in actors if kind_of(i) == "" and _back(words, i) >= 0 and _cue(words[_back(words, i)].text,
                                                                                         _CONTROL)]
        if not places and held:
            return Gist("control", (held[0],))
        return Gist("territory", (actors[0],))
    if has(_FIGHT) or _GO_AFTER.search(said):
        if actors and _asked_of(words, actors[0]):  # "who are the Akidat tribesmen fighting": whom they fight
            return Gist("opponents", (actors[0],))
        punished = [i for i in actors if any(_cue(w.text, _SANCTION) for w in words[:i] if not w.is_name)]
        if punished:  # "did the US sanction the Hamza Division": who sanctions (opposes) the sanctioned
            return Gist("opponents", (punished[0],))
        behalf = [i for i in actors if _before(words, i) in _ON_BEHALF and any(
            _cue(w.text, _FIGHT) for w in words[max(_back(words, i) - 2, 0):_back(words, i)])]
        if behalf:  # "which militias fought for Assad": who backs him, in arms
            return Gist("supporters", (behalf[0],))
        if actors and towns and any(_after_where(words, i) for i in towns):
            # "who fought ISIS in Raqqa": the sides there, not IS's every enemy ("Aleppo's Sheikh Maqsoud": the quarter)
            spots = [i for i in towns if not (i + 1 < len(words) and words[i + 1].text == "'s")] or towns
            return Gist("sides", (spots[0],))
        return Gist("opponents", (actors[0],)) if actors else Gist("sides", (places[0],))
    if places and has(_PRESENT):  # "which armed groups operated in Idlib"
        return Gist("sides", (places[0],))
    if places and (has(_HAS) or "or" in plain):  # "who has Ras al-Ain now", "Tadmur - IS or the army?"
        return Gist("control", (places[0],))
    if places and has(_TROOPS):  # "which country's troops manned the post at Morek": who was there, with their partners
        return Gist("sides", (places[0],))
    if len(names) == 1 and all(w in _FILLER or (places and w in _WHERE) for w in plain):  # "who's in Manbij now"
        return Gist("control" if places else "profile", (names[0],))
    if len(actors) == 1 and all(w in _FILLER or w in _WHERE for w in plain):  # "hezbollah in syria"
        return Gist("profile", (actors[0],))
    return None


#: "member of", "part of", "belongs to", "joined": the tie of membership, read from the member's side when no name
#: follows it ("what is Syria a member of"); with a name after it, it asks for that body's members
_MEMBERSHIP = re.compile(r"^(?:members? of|part of|belong(?:s|ed)? to|join(?:s|ed)?)$")
#: a body taking a member in ("which organisation readmitted Syria"): the name after it is the member
_ADMITS = re.compile(r"^(?:re-?)?admit(?:s|ted|ting)?$|^(?:re-?)?admission$")
_YES_NO = _words("is was are were did does do has have had")
#: nouns after a body's name that place another in it ("an al-Qaeda branch", "a PKK affiliate")
_BRANCH = _words("branch branches affiliate affiliates franchise franchises wing wings arm")
#: kinds of actor that a yes/no question places another "in" as a member ("is Turkey in NATO"); a state or a person
#: after "in" is where or with whom, not a body one belongs to
_BODY_KINDS = frozenset({"coalition", "international_organisation", "political_organisation", "armed_group",
                         "militia", "government", "armed_forces"})


def _belongs(words: Sequence[Word], actors: list[int], kind_of) -> tuple[int, ...]:
    """The member (and, in a yes/no question, the body) of a question about what an actor belongs to, or ``()``.

    Read from the member's side when a membership phrase follows an actor and no name follows the phrase ("what is
    Syria a member of", "which coalitions did Ahrar al-Sham join"), or in a yes/no question whose first name is an
    actor placed in another body ("is Syria back in the Arab League", "was HTS part of the SNA")."""
    texts = [w.text for w in words]
    for k, text in enumerate(texts):
        phrase = " ".join(texts[k:k + 2]) if k + 1 < len(texts) else ""
        width = 2 if _MEMBERSHIP.match(phrase) else 1 if _MEMBERSHIP.match(text) else 0
        if not width or words[k].is_name:
            continue
        before = [i for i in actors if i < k]
        after = _ahead(words, k + width - 1)
        if before and not (after < len(words) and words[after].is_name):
            return (before[-1],)
    admits = [k for k, text in enumerate(texts) if _ADMITS.match(text)]
    if admits and [i for i in actors if i > admits[0]]:
        return ([i for i in actors if i > admits[0]][0],)
    if texts and texts[0] in _YES_NO and len(actors) >= 2 and _ahead(words, 0) == actors[0]:
        body = actors[1]
        one_of = _before(words, body) == "of" and _back(words, body) >= 1 and words[_back(words, body) - 1].text == (
            "one")  # "was Hazm one of the FSA groups"
        branch = body + 1 < len(words) and words[body + 1].text in _BRANCH  # "is Hurras al-Din an al-Qaeda branch"
        named_next = _back(words, body) == actors[0] and body == len(words) - 1  # "is hurras al din al qaeda"
        placed = _before(words, body) in ("in", "into", "inside", "within", "among") or one_of or branch or named_next
        placed = placed or bool(_MEMBERSHIP.match(_before(words, body)))  # "did the Men of Dignity join the Guard"
        placed = placed or _MEMBERSHIP.match(" ".join(texts[max(_back(words, body) - 1, 0):_back(words, body) + 1]))
        if placed and kind_of(body) in _BODY_KINDS:
            return actors[0], body
    return ()


_BACKED = _words("backed supported sponsored funded armed")


def _backer_adjective(words: Sequence[Word], actors: list[int]) -> int | None:
    """The name in "NAME-backed BODIES" ("which Iran-backed militias"), an adjective that says which bodies are meant
    rather than what is asked, or ``None``; only when it is the question's one word of support."""
    cues = [i for i, w in enumerate(words) if not w.is_name and (_cue(w.text, _SUPPORT) or _cue(w.text, _BACKERS))]
    if len(cues) != 1 or words[cues[0]].text not in _BACKED:
        return None
    i = cues[0]
    named = i - 1 if i >= 1 and i - 1 in actors else None
    follows = i + 1 < len(words) and words[i + 1].text in _BODIES
    return named if named is not None and follows else None


def _asked_of(words: Sequence[Word], i: int) -> bool:
    """Whether the name at ``i`` is the doer asked about: "who/whom is/are (the) NAME (noun) fighting", where the
    name stands between "who" and the first word of fighting (not after it, as in "who fought IS in Raqqa")."""
    if not words or words[0].text not in ("who", "whom") or _back(words, i) < 1:
        return False
    if not all(w.text in _BE or w.text in _ARTICLES for w in words[1:_back(words, i) + 1]):
        return False
    rest = [w.text for w in words[i + 1:i + 3] if not w.is_name]
    return bool(rest) and (_cue(rest[0], _FIGHT) or (len(rest) > 1 and _cue(rest[1], _FIGHT)))


def _leads_first(words: Sequence[Word]) -> int:
    """The position of the question's first verb or noun after "who" when it is one of leading ("who heads ...",
    "who is the leader of ..."), else 0: then later words of founding or forming describe the body (the first
    name after that word), they do not ask its lineage."""
    if not words or words[0].text not in ("who", "whom"):
        return 0
    j = 1
    while j < len(words) and not words[j].is_name and (words[j].text in _BE or words[j].text in _ARTICLES
                                                       or words[j].text in ("currently", "still")):
        j += 1
    return j if j < len(words) and not words[j].is_name and _cue(words[j].text, _LEAD) else 0


_COMPASS = re.compile(r"^(?:(?:north|south)(?:-?(?:east|west))?|east|west|central|rural)(?:ern)?$")


def _after_where(words: Sequence[Word], i: int) -> bool:
    """Whether the name at ``i`` follows a word of place ("in", "around"), maybe through compass words
    ("in eastern Syria", "across north-western Syria")."""
    j = i - 1
    if j >= 1 and words[j].text == "of" and _COMPASS.match(words[j - 1].text):
        return True  # "the shrine south of Damascus": a bearing from the place
    while j >= 0 and (_COMPASS.match(words[j].text) or words[j].text in _ARTICLES):
        j -= 1
    return j >= 0 and words[j].text in _WHERE


_ARTICLES = _words("the a an new old current former its their")


def _back(words: Sequence[Word], i: int) -> int:
    """The position of the word before ``i``, past articles and "new", "current" ("in the new SNA": "in")."""
    j = i - 1
    while j >= 0 and words[j].text in _ARTICLES:
        j -= 1
    return j


def _before(words: Sequence[Word], i: int) -> str:
    """The word before the name at ``i``, past articles ("in the SNA": "in"); "" at the start."""
    j = _back(words, i)
    return words[j].text if j >= 0 else ""


def _listed(words: Sequence[Word], actors: list[int], kind_of) -> int:
    """Of the actors in a designation question, the one listed: not the one after "by", not a state if another is."""
    listed = [i for i in actors if not (i > 0 and words[i - 1].text == "by")] or actors
    groups = [i for i in listed if kind_of(i) not in _AGENT_KINDS and kind_of(i)]
    either = [i for i in listed if kind_of(i) not in _AGENT_KINDS]  # "" : a state's name that is also a place's
    return (groups or either or listed)[0]


def _after_of(words: Sequence[Word], candidates: list[int]) -> int:
    """The name that follows "of", "to" or "in" ("the members of X", "who belongs to X"), else the last one."""
    for i in candidates:
        if i > 0 and words[i - 1].text in ("of", "to", "in", "into"):
            return i
    return candidates[-1]


def _of_a_place(words: Sequence[Word], i: int, kind_of) -> bool:
    """Whether the outcome word at ``i`` is said of a place: "lost Idlib", "lost it" with a place named."""
    j = _ahead(words, i)
    if j < len(words) and words[j].is_name:
        return kind_of(j) == "place"
    return j < len(words) and words[j].text in _WON_PLACE and any(
        w.is_name and kind_of(k) == "place" for k, w in enumerate(words))


def _ahead(words: Sequence[Word], i: int) -> int:
    """The position of the word after ``i``, past articles ("lost the town": "town")."""
    j = i + 1
    while j < len(words) and words[j].text in _ARTICLES:
        j += 1
    return j


_AUXILIARIES = _words("do does did is was are were has have had can could will would")


#: words that open a clause of time at the end of a question ("... after the 18 march takeover", "... now that
#: Alloush is dead"): the clause says why the date matters, not what is asked
_TIME_CLAUSE = _words("after following")
_ASKING = _words("who whom whose which what how did does do")  # "X after the war: which groups did it back" asks on


def _main_clause(words: Sequence[Word]) -> Sequence[Word]:
    """The words before a clause that only describes or dates what was said before it.

    Such a clause tells which place or event is meant, and its words do not say what is asked: "the village of
    Atmeh where the IS leader was killed", "the Palmyra ambush that killed two US soldiers" (a clause after a word
    of fighting), "who controls Afrin after the 18 march takeover" (a clause of time that names nothing and holds
    no date the reader knows: the question's own date stands), "who leads Jaysh al-Islam now that Alloush is dead".
    """
    for j in range(1, len(words)):
        asks = j + 1 < len(words) and words[j + 1].text in _AUXILIARIES  # "X: where did this group come from"
        if words[j].text in ("where", "when") and words[j - 1].is_name and not words[j].is_name and not asks:
            return words[:j]
        if words[j].text in ("that", "which") and not words[j - 1].is_name and _cue(words[j - 1].text, _FIGHT) \
                and any(w.is_name for w in words[:j - 1]) \
                and not any(w.text in _AUXILIARIES for w in words[j + 1:j + 4]):  # "the war: which groups did it"
            return words[:j]
        if words[j].text == "now" and j + 1 < len(words) and words[j + 1].text == "that" \
                and any(w.is_name for w in words[:j]):
            return words[:j]
        if words[j].text not in _TIME_CLAUSE:
            continue
        clause, head = words[j + 1:], words[:j]
        asks_of = any(w.is_name for w in head) or asked_post(" ".join(w.text for w in head)) is not None
        if asks_of and not any(w.label == "DATE" or w.text in _ASKING for w in clause) and (
                not any(w.is_name for w in clause) or any(w.text in _DEATH for w in clause)):
            # "... after Rajha was killed in the Damascus bombing": a death dates the question, the names in it
            # are not what is asked
            return words[:j]
    return words


def _said_of_no_person(words: Sequence[Word], i: int, kind_of) -> bool:
    """Whether the death word at ``i`` is not said of a named person ("Soleimani is dead" is; "killed in Homs" not)."""
    j = i - 1
    while j >= 0 and words[j].text in _DEATH_LINKS:
        j -= 1
    return not (j >= 0 and words[j].is_name and kind_of(j) == "person")


def _support(words: Sequence[Word], actors: list[int]) -> Gist | None:
    """A support question: whom the support goes to, or whose support it is, from where the names stand."""
    if not actors:
        return None
    texts = [w.text for w in words]
    armed = any(w.text.lower() in _ARMS_NOUNS for w in words if not w.is_name)
    cues = [i for i, w in enumerate(words) if not w.is_name and w.label != "DATE" and (
        _cue(w.text, _SUPPORT) or _cue(w.text, _BACKERS) or _cue(w.text, _CLIENTS) or (armed and w.text in _GIVE))
        and not (w.text == "armed" and i + 1 < len(words) and words[i + 1].text in _ARMED_NOUNS)
        and not (w.text == "back" and i + 1 < len(words) and words[i + 1].text in _BACK_ADVERB
                 and any(v.text in _BE for v in words[:i]))
        and not (w.text == "back" and i >= 1 and (words[i - 1].text in _TAKE or (
            i >= 2 and words[i - 1].is_name and words[i - 2].text in _TAKE)))]
    if not cues:
        return None
    kind = ("weapons" if any(_cue(texts[i], _WEAPONS) or texts[i] in _GIVE for i in cues)
            else "funding" if any(_cue(texts[i], _MONEY) for i in cues) else None)
    cue = cues[0]
    if any(_cue(texts[i], _CLIENTS) for i in cues):  # "Iran's proxies": whom Iran backs
        return Gist("supported", (actors[0],))
    if any(_cue(texts[i], _BACKERS) for i in cues):  # "Assad's backers", "backers of HTS": who backs them
        return Gist("supporters", (actors[0],), kind)
    earlier = [i for i in actors if i < cue]
    if earlier and not [i for i in actors if i > cue] and any(
            _ahead(words, i) < len(words) and words[_ahead(words, i)].text in _PRONOUNS for i in cues):
        return Gist("supporters", (earlier[-1],), kind)  # "which power stands behind it": the name said before
    by = [i for i in actors if _before(words, i) == "by" and i > cue]  # "by Iran", "by the Americans"
    before = [i for i in actors if i < cue and i not in by]
    after = [i for i in actors if i > cue and i not in by]
    if by:  # "X backed by Y": who backs X (the answer names Y or not); "groups backed by Y": whom Y backs
        return Gist("supporters", (before[0],), kind) if before else Gist("supported", (by[0],), kind)
    if after:  # "who backs X", "support for X", "did Russia support Assad"
        return Gist("supporters", (after[0],), kind)
    return Gist("supported", (before[-1],), kind)  # "which militias did Iran back", "what did Turkey arm"


#: How the answer says a question read by its gist was read.
_READ_AS = {
    "sides": "Who is fighting in {0}?", "supporters": "Who supports {0}?", "supported": "Whom does {0} support?",
    "opponents": "Whom does {0} fight?", "leaders": "Who leads {0}?", "members": "Who are the members of {0}?",
    "memberships": "What is {0} a member of?",
    "allies": "Who are the allies of {0}?", "territory": "What does {0} control?", "profile": "What is {0}?",
    "connection": "How are {0} and {1} connected?", "control": "Who controls {0}?",
    "designations": "Who designates {0} as terrorist?", "lineage": "Where does {0} come from, and what did it become?",
}
_READ_AS_TYPED = {"weapons": "Who arms {0}?", "funding": "Who funds {0}?"}


def read_as(family: str, names: Sequence[str], support_type: str | None = None) -> str:
    """The understood form a question read by its gist stands for, with its names ("Who leads HTS?")."""
    form = _READ_AS_TYPED.get(support_type or "", _READ_AS[family]) if family == "supporters" else _READ_AS[family]
    return form.format(*names)
