"""The viewer in a real browser: Debian's chromium driven by Playwright, offline, screenshots in test-artifacts/.

What the page shows on each day is compared with ``ActorGraph.as_of`` for both readings of partial
dates, on the made-up graph (every awkward date), the seed dataset and the Syria corpus.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.exports import Selection, export
from loaders import bundled_dataset, load_datasets
from tests.graph.test_exports_data import PROBE_DAYS, TRICKY_NAME, synthetic_graph

pytestmark = pytest.mark.browser

from tests.conftest import ARTIFACTS  # noqa: E402 - screenshots go there


class Viewer:
    """One open page, with the problems it reported (console errors, page errors, outside requests)."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1400, "height": 860})
        self.problems: list[str] = []
        self.popups: list[str] = []

        def outside(route):
            self.problems.append(f"outside request: {route.request.url}")
            route.fulfill(status=200, content_type="text/html", body="<title>source</title>")

        self.context.route("http*://**/*", outside)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type in ("error", "warning")
                     and self.problems.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.actorgraphViewer !== undefined")

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def move_slider(self, iso: str) -> None:
        """Set the range input as a user would (Playwright fills range inputs and fires input/change)."""
        self.page.fill("#slider", str(date.fromisoformat(iso).toordinal()))
        assert self.js("actorgraphViewer.day()") == iso

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name))

    def close(self) -> None:
        self.context.close()


def _open(browser, graph, tmp_path, name, selection=None):
    path = tmp_path / f"{name}.html"
    export(graph, "html", path, selection)
    return Viewer(browser, path)


def _expected(graph, day, certainty, entity_ids):
    view = graph.as_of(day, certainty=certainty)
    claims = sorted(k for _, _, k in view.edges(keys=True))
    nodes = sorted(n for n in view.nodes if n in entity_ids)
    return claims, nodes


@pytest.fixture(scope="module")
def seed_graph_local():
    return load_datasets([bundled_dataset("seed")])


def test_every_day_shows_exactly_what_the_graph_holds(browser, tmp_path):
    graph = synthetic_graph()
    v = _open(browser, graph, tmp_path, "synthetic")
    try:
        entity_ids = set(v.js("actorgraphViewer.visibleNodes()")) | {e.id for e in graph.actors}
        entity_ids |= {c.object for c in graph.all_claims()}
        for certainty in ("possible", "certain"):
            v.page.check(f"input[name=certainty][value={certainty}]")
            for day in PROBE_DAYS:
                v.js("d => actorgraphViewer.setDay(d)", day)
                claims, nodes = _expected(graph, day, certainty, entity_ids)
                assert v.js("actorgraphViewer.visibleClaims()") == claims, (day, certainty)
                assert v.js("actorgraphViewer.visibleNodes()") == nodes, (day, certainty)
        v.page.check("input[name=certainty][value=possible]")
        v.move_slider("2016-12-15")
        assert v.js("actorgraphViewer.visibleClaims()") == _expected(graph, "2016-12-15", "possible", entity_ids)[0]
        assert v.js("window.pwned") is None  # the tricky name stayed text
        assert v.page.locator("#date").input_value() == "2016-12-15"
        v.shot("viewer-synthetic-2016-12-15.png")
        assert v.problems == []
    finally:
        v.close()


def _assad_support_edges(v, graph, assad):
    return [c for c in v.js("actorgraphViewer.visibleClaims()")
            if graph.claim(c).object == assad and graph.claim(c).predicate.value == "supports"]


@pytest.mark.parametrize("dataset", ["seed", "syria"])
def test_assad_government_loses_its_supporters_between_5_and_10_december_2024(browser, tmp_path, dataset):
    graph = load_datasets([bundled_dataset(dataset)])
    assad = graph.resolve("Assad government")
    v = _open(browser, graph, tmp_path, dataset)
    try:
        v.page.wait_for_timeout(300)
        assert v.page.locator("#network canvas").count() == 1
        v.move_slider("2024-12-05")
        before = _assad_support_edges(v, graph, assad)
        assert before, "the Assad government should have supporters on 2024-12-05"
        assert sorted(before) == sorted(c.id for c in graph.supporters_of(assad, as_of="2024-12-05"))
        assert "relations" in v.page.locator("#counts").inner_text()
        v.shot(f"viewer-{dataset}-2024-12-05.png")
        v.move_slider("2024-12-10")
        assert _assad_support_edges(v, graph, assad) == []
        assert assad not in v.js("actorgraphViewer.visibleNodes()")  # dissolved on 2024-12-08
        v.shot(f"viewer-{dataset}-2024-12-10.png")
        assert v.problems == []
    finally:
        v.close()


def test_search_hts_click_it_and_see_its_sources(browser, tmp_path, seed_graph_local):
    graph = seed_graph_local
    v = _open(browser, graph, tmp_path, "seed-search", Selection.of(as_of="2024-12-05"))
    try:
        v.page.fill("#search", "HTS")
        results = v.page.locator("#results button")
        assert results.first.get_attribute("data-id") == "hts"
        results.first.click()
        details = v.page.locator("#details")
        assert details.get_attribute("data-showing") == "node:hts"
        assert "Hayat Tahrir al-Sham" in details.locator("h2").inner_text()
        hts_claims = graph.claims(actor="hts", as_of="2024-12-05")
        urls = {s.url for c in hts_claims for s in graph.sources_of(c)}
        links = details.locator(".claim:not(.inactive) .sources a")
        assert {links.nth(i).get_attribute("href") for i in range(links.count())} == urls
        assert all(links.nth(i).get_attribute("target") == "_blank" for i in range(links.count()))
        v.shot("viewer-seed-search-hts.png")

        # a source link opens its URL (answered locally: the test never leaves this machine)
        with v.page.expect_popup() as popup:
            links.first.click()
        assert popup.value.url == links.first.get_attribute("href")
        popup.value.close()
        answered = [p for p in v.problems if p.startswith("outside request:")]
        assert answered == [f"outside request: {links.first.get_attribute('href')}"]  # intercepted, not sent
        v.problems = [p for p in v.problems if p not in answered]

        # clicking the drawn node shows the same details; clicking an edge shows that claim
        v.page.wait_for_timeout(400)  # let the zoom onto HTS finish, then show everything again
        v.js("actorgraphViewer.network.fit({ animation: false })")
        box = v.page.locator("#network canvas").bounding_box()
        x, y = v.js("actorgraphViewer.nodePosition('russia')").values()
        v.page.mouse.click(box["x"] + x, box["y"] + y)
        assert details.get_attribute("data-showing") == "node:russia"
        claim = next(c for c in hts_claims if c.predicate.value == "fights")
        x, y = v.js("id => actorgraphViewer.edgeMidpoint(id)", claim.id).values()
        v.page.mouse.click(box["x"] + x, box["y"] + y)
        assert details.get_attribute("data-showing") == f"claim:{claim.id}"
        shown = details.locator(".sources a")
        assert {shown.nth(i).get_attribute("href") for i in range(shown.count())} == {
            s.url for s in graph.sources_of(claim)}
        v.shot("viewer-seed-click-edge.png")
        assert v.problems == []
    finally:
        v.close()


def test_filters_certainty_and_play(browser, tmp_path, seed_graph_local):
    graph = seed_graph_local
    v = _open(browser, graph, tmp_path, "seed-filters", Selection.of(as_of="2024-12-05"))
    try:
        all_claims = v.js("actorgraphViewer.visibleClaims()")
        v.page.uncheck("#relation-kinds input[value=supports]")
        shown = v.js("actorgraphViewer.visibleClaims()")
        assert shown == sorted(c for c in all_claims if graph.claim(c).predicate.value != "supports") != all_claims
        v.page.check("#relation-kinds input[value=supports]")
        v.page.uncheck("#actor-kinds input[value=state]")
        nodes = v.js("actorgraphViewer.visibleNodes()")
        assert nodes and not any(graph.get(n).kind.value == "state" for n in nodes if not graph.get(n).is_place)
        assert all(graph.claim(c).subject in nodes and graph.claim(c).object in nodes
                   for c in v.js("actorgraphViewer.visibleClaims()"))
        v.page.check("#actor-kinds input[value=state]")
        v.page.check("input[name=certainty][value=certain]")
        assert v.js("actorgraphViewer.visibleClaims()") == sorted(
            c.id for c in graph.snapshot_claims("2024-12-05", certainty="certain"))
        v.page.check("input[name=certainty][value=possible]")
        v.move_slider("2017-01-01")
        v.page.click("#play")
        v.page.wait_for_function("actorgraphViewer.day() > '2017-03-01'", timeout=5000)
        v.page.click("#play")
        stopped = v.js("actorgraphViewer.day()")
        v.page.wait_for_timeout(400)
        assert v.js("actorgraphViewer.day()") == stopped
        assert v.problems == []
    finally:
        v.close()


def test_tricky_names_render_as_text(browser, tmp_path):
    graph = synthetic_graph()
    v = _open(browser, graph, tmp_path, "tricky")
    try:
        v.page.fill("#search", "TF")
        v.page.locator("#results button").first.click()
        assert v.page.locator("#details h2").inner_text() == TRICKY_NAME
        assert v.js("window.pwned") is None
        assert v.problems == []
    finally:
        v.close()


def test_known_on_shows_the_record_as_it_stood(browser, tmp_path):
    """The "known on" control gives, day by day, exactly ActorGraph.as_of(day, known_as_of=K)."""
    from tests.queries.randomgraph import random_graph

    graph = random_graph(3)
    v = _open(browser, graph, tmp_path, "known-on")
    try:
        entity_ids = {e.id for e in graph.actors} | {c.object for c in graph.all_claims()}  # what the page holds
        hidden_somewhere = reopened = False
        for known in ("2011-06-30", "2013-03-15", "2015-01-01", None):
            v.js("k => actorgraphViewer.setKnown(k)", known)
            assert v.js("actorgraphViewer.known()") == known
            for day in ("2011-03-01", "2012-07-15", "2014-01-01", "2016-06-30"):
                v.js("d => actorgraphViewer.setDay(d)", day)
                view = graph.as_of(day, known_as_of=known)
                claims = sorted(k for _, _, k in view.edges(keys=True))
                nodes = sorted(n for n in view.nodes if n in entity_ids)
                assert v.js("actorgraphViewer.visibleClaims()") == claims, (day, known)
                assert v.js("actorgraphViewer.visibleNodes()") == nodes, (day, known)
                everything = sorted(k for _, _, k in graph.as_of(day).edges(keys=True))
                hidden_somewhere |= claims != everything
        assert hidden_somewhere  # the control changed what is drawn
        # typing a date in the box works as a user would do it; an empty box is the whole record
        v.page.fill("#known", "2013-03-15")
        v.page.press("#known", "Enter")
        assert v.js("actorgraphViewer.known()") == "2013-03-15"
        assert "as known on 2013-03-15" in v.page.locator("#counts").inner_text()
        v.shot("viewer-known-on-2013-03-15.png")
        # a claim's details show its validity as then known, and only sources published by then
        v.js("d => actorgraphViewer.setDay(d)", "2014-01-01")
        for c in graph.all_claims():
            k = graph.as_known(c, known_as_of="2013-03-15")
            if k is not None and k.valid.edtf != c.valid.edtf:
                reopened = True
                v.js("id => { actorgraphViewer.network.selectEdges([id]); }", c.id)
                break
        assert reopened
        v.page.fill("#known", "")
        v.page.press("#known", "Enter")
        assert v.js("actorgraphViewer.known()") is None
        assert v.problems == []
    finally:
        v.close()


def test_an_export_known_as_of_a_day_holds_nothing_later(tmp_path, seed_graph_local):
    """``export html --known-as-of K`` writes no source, claim epoch or actor date that was reported after K."""
    import json
    import re

    from graph.exports.selection import select
    from graph.exports.viewer import payload

    graph = load_datasets([bundled_dataset("syria")])
    known = date(2016, 1, 1).toordinal()
    data = payload(select(graph, Selection.of(known_as_of="2016-01-01")))
    assert data["knownMax"] == known
    for c in data["claims"]:
        assert all(s["day"] <= known for s in c["sources"]), c["id"]
        assert all(e[0] <= known for e in c["known"]), c["id"]
        assert graph.as_known(c["id"], known_as_of="2016-01-01") is not None
    assert not any(n["id"] == "hts" for n in data["nodes"])  # founded 2017: not known in 2016
    path = tmp_path / "known.html"
    export(graph, "html", path, Selection.of(known_as_of="2016-01-01"))
    text = path.read_text(encoding="utf-8")
    embedded = json.loads(re.search(r'id="actorgraph-data">(.*?)</script>', text, re.S).group(1))
    assert {c["id"] for c in embedded["claims"]} == {c["id"] for c in data["claims"]}


def test_the_slider_spans_the_war_opens_on_its_last_event_and_plays_at_the_chosen_speed(browser, tmp_path):
    """Syria: the slider is not 1945 to today, the page opens on the last dated event, the speed control steps."""
    from graph.exports.selection import busy_span, last_event_day
    from graph.time import ordinal_to_iso

    graph = load_datasets([bundled_dataset("syria")])
    v = _open(browser, graph, tmp_path, "syria-span")
    try:
        first, last = busy_span(graph)
        opening = ordinal_to_iso(last_event_day(graph))
        assert v.js("actorgraphViewer.day()") == opening < date.today().isoformat()
        assert v.js("actorgraphViewer.sliderRange()") == [ordinal_to_iso(first), ordinal_to_iso(last)]
        assert "2010" <= ordinal_to_iso(first) <= "2012"  # the war, not the founding of the Arab League
        dissolved = [a.id for a in graph.actors if a.dissolved and a.dissolved.last_day < last_event_day(graph)]
        assert dissolved and not set(dissolved) & set(v.js("actorgraphViewer.visibleNodes()"))
        view = graph.as_of(opening)
        assert v.js("actorgraphViewer.visibleClaims()") == sorted(k for _, _, k in view.edges(keys=True))
        v.shot("viewer-syria-opening.png")
        # an earlier date is still reachable by typing it
        v.page.fill("#date", "1990-06-01")
        v.page.press("#date", "Enter")
        assert v.js("actorgraphViewer.day()") == "1990-06-01"
        # play moves by the chosen step per tick
        for days in (7, 365):
            v.page.select_option("#speed", str(days))
            v.move_slider("2015-01-01")
            v.js("actorgraphViewer.play()")
            v.page.wait_for_function("actorgraphViewer.day() > '2015-01-01'", timeout=5000)
            v.js("actorgraphViewer.pause()")
            moved = date.fromisoformat(v.js("actorgraphViewer.day()")) - date(2015, 1, 1)
            assert moved.days % days == 0 and moved.days > 0, (days, moved)
        # the "known on" control still sits next to the slider and works
        v.page.fill("#known", "2016-01-01")
        v.page.press("#known", "Enter")
        assert "as known on 2016-01-01" in v.page.locator("#counts").inner_text()
        v.shot("viewer-syria-known-2016.png")
        assert v.problems == []
    finally:
        v.close()
