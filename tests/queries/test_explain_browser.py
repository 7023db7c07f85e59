"""The HTML explainer in a real browser (Debian's chromium via Playwright): it opens offline and draws the sides."""

from __future__ import annotations

import pytest

from loaders import bundled_dataset, load_datasets
from queries.explain import Explainer, render

pytestmark = pytest.mark.browser

from tests.conftest import ARTIFACTS  # noqa: E402 - screenshots go there


@pytest.mark.parametrize("when", ["2016-06-01", "2024-12-05"])
def test_the_sides_page_opens_offline_and_draws_every_side(browser, tmp_path, when):
    graph = load_datasets([bundled_dataset("syria")])
    e = Explainer(graph).explain("Who is fighting in Syria?", as_of=when)
    page_file = tmp_path / "sides.html"
    page_file.write_text(render(e, "html"), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    outside: list[str] = []

    def refuse(route):
        outside.append(route.request.url)
        route.abort()

    context.route("http*://**/*", refuse)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(page_file.resolve().as_uri())
    try:
        assert outside == [] and errors == []
        box = page.locator("svg").bounding_box()
        assert box and box["width"] > 300 and box["height"] > 300
        assert page.locator("svg circle").count() == len(e.camps)
        labels = page.locator("svg text").all_text_contents()
        for camp in e.camps:
            assert f"Side {camp.number}" in labels
        assert page.locator("li[data-claims]").count() == len(e.sentences)
        page.locator("sup a").first.click()
        assert page.evaluate("location.hash") == "#fn-1"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"explain-sides-{when}.png"), full_page=True)
    finally:
        context.close()
