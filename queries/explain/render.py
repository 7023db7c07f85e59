"""Writing an explainer out: Markdown, self-contained HTML (with an SVG diagram of the sides), JSON.

Renderers only format what :class:`~queries.explain.model.Explanation` holds; they never consult the
graph, so the three formats cannot disagree about what is said or cited.
"""

from __future__ import annotations

import html
import json

from graph.exports.escaping import markdown_text as md
from graph.exports.escaping import markdown_url
from graph.time import parse_day
from queries.explain.model import Explanation
from queries.explain.svg import camps_svg
from queries.explain.wording import date_text

__all__ = ["FORMATS", "dateline", "render", "render_fragment", "render_html", "render_json", "render_markdown",
           "to_data"]

FORMATS = ("markdown", "html", "json")


def dateline(e: Explanation) -> str:
    """"As of 5 December 2024, according to sources published by 1 December 2024." and the reading used."""
    text = f"As of {date_text(parse_day(e.as_of))}"
    if e.known_as_of:
        text += f", according to sources published by {date_text(parse_day(e.known_as_of))}"
    if e.certainty == "certain":
        text += " (only what certainly held, whatever the exact days behind partial dates)"
    return text + "."


def _entity_line(entity: dict) -> str:
    parts = [entity["kind"].replace("_", " ")]
    if entity.get("founded"):
        parts.append(f"founded {date_text(parse_day(entity['founded']))}")
    if entity.get("dissolved"):
        parts.append(f"dissolved {date_text(parse_day(entity['dissolved']))}")
    if entity.get("aliases"):
        parts.append("also called " + ", ".join(entity["aliases"][:6]))
    line = f"{entity['name']}: " + "; ".join(parts) + "."
    if entity.get("description"):
        line += f" {entity['description']}"
    return line


def render_markdown(e: Explanation) -> str:
    """Markdown in which every text from the data is literal (:func:`graph.exports.escaping.markdown_text`)."""
    out = [f"# {md(e.title)}", "", f"*{md(dateline(e))}*", ""]
    if e.entity:
        out += [f"> {md(_entity_line(e.entity))} (from the actor's record)", ""]
    for section in e.sections:
        out += [f"## {md(section.title)}", ""]
        for s in section.sentences:
            marks = "".join(f"[^{n}]" for n in e.footnotes_of(s))
            out.append(f"- {md(s.text)}{marks}")
        out.append("")
    for note in e.notes:
        out += [f"*Note: {md(note)}*", ""]
    for f in e.footnotes:
        out.append(f"[^{f.number}]: {md(f.title)}. {md(f.publisher)}, {md(f.published)}. <{markdown_url(f.url)}>")
    return "\n".join(out).rstrip() + "\n"


def to_data(e: Explanation) -> dict:
    """The explainer as JSON-ready data: every sentence with the claim ids and footnotes it rests on."""
    named = lambda i: {"id": i, "name": e.names.get(i, i)}  # noqa: E731
    return {
        "question": e.question.text,
        "family": e.question.family,
        "read_as": e.question.read_as or None,
        "entities": [named(i) for i in e.question.entities],
        "as_of": e.as_of,
        "known_as_of": e.known_as_of,
        "certainty": e.certainty,
        "title": e.title,
        "dateline": dateline(e),
        "entity": e.entity,
        "area": e.area,
        "sections": [{"key": s.key, "title": s.title,
                      "sentences": [{"text": x.text, "claims": list(x.claims), "footnotes": list(e.footnotes_of(x))}
                                    for x in s.sentences]} for s in e.sections],
        "camps": [{"number": c.number, "anchor": named(c.anchor), "members": [named(i) for i in c.members],
                   "partners": [named(i) for i in c.partners], "leaders": [named(i) for i in c.leaders]}
                  for c in e.camps],
        "tensions": [{"claim": t.claim, "cycle": list(t.cycle)} for t in e.tensions],
        "notes": list(e.notes),
        "footnotes": [{"number": f.number, "source": f.source, "title": f.title, "publisher": f.publisher,
                       "published": f.published, "url": f.url} for f in e.footnotes],
        "claims": e.records,
    }


def render_json(e: Explanation) -> str:
    return json.dumps(to_data(e), ensure_ascii=False, indent=2) + "\n"


_STYLE = """
body{font-family:Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.6rem}.dateline{font-style:italic;color:#555}
.entity{border-left:3px solid #999;padding-left:.8rem;color:#333}.note{font-style:italic;color:#555}
sup a{text-decoration:none}ol.footnotes{font-size:.9rem;color:#333}figure{margin:1rem 0}svg{max-width:100%;height:auto}
"""


def render_html(e: Explanation) -> str:
    esc = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>{esc(e.title)}</title>", f"<style>{_STYLE.strip()}</style>", "</head>", "<body>",
           f"<h1>{esc(e.title)}</h1>", f'<p class="dateline">{esc(dateline(e))}</p>']
    if e.entity:
        out.append(f'<p class="entity">{esc(_entity_line(e.entity))} (from the actor\'s record)</p>')
    if e.camps:
        out += ['<figure>', camps_svg(e), '<figcaption>The sides as of this date (largest first); a red line '
                'counts the fighting claims between two sides. The sections below list every member and '
                'cite every claim.</figcaption>', '</figure>']
    for section in e.sections:
        out += [f'<section id="{esc(section.key)}">', f"<h2>{esc(section.title)}</h2>", "<ul>"]
        for s in section.sentences:
            refs = ",".join(f'<a href="#fn-{n}">{n}</a>' for n in e.footnotes_of(s))
            marks = f"<sup>[{refs}]</sup>" if refs else ""
            out.append(f'<li data-claims="{esc(" ".join(s.claims))}">{esc(s.text)}{marks}</li>')
        out += ["</ul>", "</section>"]
    for note in e.notes:
        out.append(f'<p class="note">Note: {esc(note)}</p>')
    if e.footnotes:
        out.append('<h2>Sources</h2>')
        out.append('<ol class="footnotes">')
        for f in e.footnotes:
            out.append(f'<li id="fn-{f.number}">{esc(f.title)}. {esc(f.publisher)}, {esc(f.published)}. '
                       f'<a href="{esc(f.url)}">{esc(f.url)}</a></li>')
        out.append("</ol>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def render_fragment(e: Explanation) -> str:
    """The HTML explainer as a fragment for a page that is not its own (a notebook cell): its body in a
    ``div``, with the page's style scoped to that ``div`` so it restyles nothing around it."""
    page = render_html(e)
    body = page[page.index("<body>") + len("<body>"):page.rindex("</body>")]
    scoped = "".join(f".actorgraph-explanation {rule.replace('body{', '{')}}}" for rule in
                     _STYLE.strip().replace("\n", "").split("}") if rule.strip())
    return f'<div class="actorgraph-explanation"><style>{scoped}</style>{body}</div>'


def render(e: Explanation, fmt: str = "markdown") -> str:
    """The explainer in ``fmt``: ``markdown``, ``html`` or ``json``."""
    renderers = {"markdown": render_markdown, "html": render_html, "json": render_json}
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return renderers[fmt](e)
