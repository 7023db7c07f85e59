"""Knowledge time never leaks: every surface, as known on a day K, rests only on what was published by K.

Property tests over random graphs and knowledge days run every command a user would (through the
command line itself, in this process) and check what it printed: every cited source was published
by K, every claim it names was reported by K and reads as it then stood (an end reported later is
open), every actor date it prints was reported by K. The same checks run over the Syria corpus.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from graph.knowledge import claim_knowledge, lifetimes_of
from graph.pointofview import PointOfView
from graph.store import write_store
from graph.time import PartialDate
from loaders import bundled_dataset, load_datasets
from loaders.cli.main import main
from tests.queries.randomgraph import random_graph

_KNOWN_DAYS = st.dates(date(2010, 6, 1), date(2017, 6, 1)).map(lambda d: d.isoformat())
# (each example runs a dozen commands, so examples are few and not shrunk: a failure prints its own values)


def _run(capsys, *argv) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


class Leaks:
    """Checks what a command printed against the graph's own record, as known at the end of day ``known``."""

    def __init__(self, graph, known: str):
        self.graph = graph
        self.known = known
        self.day = PartialDate.parse(known).last_day

    def source(self, source_id: str) -> None:
        published = self.graph.source(source_id).published
        assert published.last_day <= self.day, f"cites {source_id} (published {published}) as known on {self.known}"

    def claim(self, record: dict) -> None:
        """A claim record (the JSON shape) rests on nothing later than K and reads as then known."""
        claim = self.graph.claim(record["id"])
        k = self.graph.knowledge(claim)
        assert k.known_from <= self.day, f"{claim.id} was first reported after {self.known}"
        expected = self.graph.as_known(claim, known_as_of=self.known)
        assert (record["valid"] or "") == expected.valid.edtf, (claim.id, record["valid"], expected.valid.edtf)
        if k.end_known_from > self.day and claim.valid.edtf != expected.valid.edtf:
            assert record["valid_to"] == "..", f"{claim.id}: an end reported after {self.known} must read as open"
        for s in record["sources"]:
            self.source(s["id"])

    def actor(self, record: dict) -> None:
        actor = self.graph.get(record["id"])
        k = self.graph.entity_knowledge(actor)
        assert self.graph.entity_known_from(actor.id) <= self.day, f"{actor.id} was not known by {self.known}"
        if record.get("founded"):
            assert k.founded <= self.day, f"{actor.id}: its founding was reported after {self.known}"
        if record.get("dissolved"):
            assert k.dissolved <= self.day, f"{actor.id}: its dissolution was reported after {self.known}"
        if record.get("description"):
            assert k.description <= self.day, f"{actor.id}: its description rests on later sources"
        for s in record.get("sources", ()):
            self.source(s["id"])


def _check_every_command(capsys, graph, data: str, known: str, as_of: str, actors: list[str]) -> int:
    """Run the browsing commands, the explainer and the JSON export as known on ``known``; return claims seen."""
    leaks = Leaks(graph, known)
    seen = 0
    for certainty in ("possible", "certain"):
        rows = json.loads(_run(capsys, "relations", "--data", data, "--known-as-of", known, "--certainty", certainty,
                               "--format", "json"))
        for r in rows:
            leaks.claim(r)
        seen += len(rows)
        expected = {c.id for c in graph.claims(pov=PointOfView(None, certainty, known))}
        assert {r["id"] for r in rows} == expected
        for r in json.loads(_run(capsys, "relations", "--data", data, "--known-as-of", known, "--as-of", as_of,
                                 "--certainty", certainty, "--format", "json")):
            leaks.claim(r)
        changes = json.loads(_run(capsys, "changes", "2009", as_of, "--data", data, "--known-as-of", known,
                                  "--certainty", certainty, "--format", "json"))
        for r in changes["started"] + changes["ended"]:
            leaks.claim(r)
    for a in json.loads(_run(capsys, "actors", "--data", data, "--known-as-of", known, "--format", "json")):
        leaks.actor(a)
    for ref in actors:
        if graph.entity_as_known(ref, known_as_of=known) is None:
            assert main(["actor", ref, "--data", data, "--known-as-of", known]) == 2
            capsys.readouterr()
            continue
        record = json.loads(_run(capsys, "actor", ref, "--data", data, "--known-as-of", known, "--format", "json"))
        leaks.actor(record)
        for r in record["relations"]:
            leaks.claim(r)
        lineage = json.loads(_run(capsys, "lineage", ref, "--data", data, "--known-as-of", known, "--format", "json"))
        for r in lineage["ancestors"] + lineage["descendants"]:
            leaks.claim(r)
    return seen


@settings(max_examples=10, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), known=_KNOWN_DAYS, as_of=_KNOWN_DAYS)
def test_random_graphs_never_leak_later_knowledge(capsys, tmp_path_factory, seed, known, as_of):
    graph = random_graph(seed)
    path = tmp_path_factory.mktemp("kt") / "g.agstore"
    write_store(graph, path)
    actors = [a.id for a in graph.actors]
    _check_every_command(capsys, graph, str(path), known, as_of, actors)
    # the JSON export holds the same: claims as then known, sources published by then, known actors only
    out = tmp_path_factory.mktemp("kt") / "g.json"
    _run(capsys, "export", "json", "--data", str(path), "--known-as-of", known, "-o", str(out))
    exported = json.loads(out.read_text(encoding="utf-8"))
    leaks = Leaks(graph, known)
    for edge in exported["edges"]:
        leaks.claim({**edge, "id": edge["key"]})
    for node in exported["nodes"]:
        if node.get("type") == "actor":
            leaks.actor(node)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The Syria corpus, and a store file of it (each command loads it; a store loads fastest)."""
    graph = load_datasets([bundled_dataset("syria")])
    path = tmp_path_factory.mktemp("corpus") / "syria.agstore"
    write_store(graph, path)
    return graph, str(path)


def test_the_corpus_never_leaks_later_knowledge(capsys, corpus):
    graph, data = corpus
    seen = 0
    for known, as_of in (("2013-01-01", "2012-06-01"), ("2015-01-01", "2014-09-01"), ("2019-06-01", "2019-01-01"),
                         ("2024-12-01", "2024-11-30")):
        seen += _check_every_command(capsys, graph, data, known, as_of,
                                     ["islamic-state", "hts", "assad-government", "sdf", "russia"])
    assert seen > 100


def test_an_end_reported_later_reads_as_open(corpus):
    """Baghdadi led IS from April 2013; his death (2019-10-27) was not known in 2015, so he still leads it."""
    graph, _ = corpus
    leads = [c for c in graph.claims(object="islamic-state", predicate="leads") if c.valid.end != c.valid.start]
    assert leads
    for claim in leads:
        as_known = graph.as_known(claim, known_as_of="2015-01-01")
        if as_known is None:
            continue
        assert as_known.valid.edtf.endswith("/..") or claim.valid.edtf.endswith(("/..", "/"))
        assert graph.holds(claim.subject, "leads", "islamic-state", "2016-06-01", known_as_of="2015-01-01")
    assert not graph.holds("abu-bakr-al-baghdadi", "leads", "islamic-state", "2020-06-01")


@pytest.mark.parametrize("question,known", [
    ("What is IS?", "2015-01-01"),
    ("Who is fighting in Syria?", "2013-06-01"),
    ("Who supports the Assad government?", "2016-01-01"),
    ("What is HTS?", "2018-01-01"),
    ("What changed in Syria in the last 30 days?", "2019-06-01"),
])
def test_explainers_never_mention_a_later_event(capsys, corpus, question, known):
    graph, data = corpus
    limit = PartialDate.parse(known)
    as_of = "2024-12-05"  # asked about a later day: still only what was known then
    for fmt in ("json", "markdown"):
        out = _run(capsys, "explain", question, "--data", data, "--as-of", as_of, "--known-as-of", known,
                   "--format", fmt)
        if fmt == "json":
            e = json.loads(out)
            leaks = Leaks(graph, known)
            for record in e["claims"].values() if isinstance(e["claims"], dict) else e["claims"]:
                leaks.claim(record)
            for note in e["footnotes"]:
                leaks.source(note["source"])
            if e.get("entity"):
                leaks.actor(e["entity"])
            text = " ".join(s["text"] for section in e["sections"] for s in section["sentences"])
        else:
            text = out
        years = {int(y) for y in re.findall(r"\b(20[0-3]\d)\b", text)}
        later = sorted(y for y in years if y > limit.year and str(y) not in as_of)
        assert not later, f"{question!r} as known on {known} mentions {later}"


def test_the_rule_is_written_once():
    """Every surface gets knowledge time from graph.knowledge via the point of view (no second copy of the rule)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    offenders = []
    for path in [*root.glob("graph/**/*.py"), *root.glob("queries/**/*.py"), *root.glob("loaders/**/*.py")]:
        text = path.read_text(encoding="utf-8")
        if path.name in ("knowledge.py", "pointofview.py"):
            continue
        # deciding "known" from a source's publication date belongs to graph.knowledge / PointOfView
        if re.search(r"published\.(first|last)_day\s*<=", text):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []
    # and the epochs a template, an index and a page use are those of claim_knowledge
    graph = random_graph(4)
    for c in graph.all_claims():
        lifetimes = lifetimes_of(c, graph.get, graph.entity_knowledge)
        assert graph.knowledge(c) == claim_knowledge(c, graph.source, lifetimes)
