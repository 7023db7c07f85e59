"""Commands that read news text: extract (candidate claims from articles) and eval-extract (scores)."""

from __future__ import annotations

import argparse

from graph.exports.escaping import visible
from graph.textfile import read_stdin, read_text
from loaders.cli.common import add_data_option, data_paths, load_graph
from loaders.cli.output import render_json, render_rows
from loaders.news.model import DEFAULT_MIN_CONFIDENCE
from ontology import ActorGraphError

__all__ = ["configure", "run_extract", "run_eval"]


def configure(name: str, p: argparse.ArgumentParser, argv: list[str]) -> None:
    """The options of ``extract`` or ``eval-extract``."""
    {"extract": _extract, "eval-extract": _eval}[name](p)


def _extract(p) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="text files, or - for standard input")
    p.add_argument("--published", required=True, metavar="DATE", help="publication date (EDTF), for relative dates")
    p.add_argument("--title", default="")
    p.add_argument("--publisher", default="")
    p.add_argument("--url", default="")
    p.add_argument("--model", default=None, help="an installed trained spaCy pipeline (e.g. en_core_web_sm)")
    p.add_argument("--format", choices=("table", "json", "yaml"), default="table")
    p.add_argument("--merge-into", metavar="DATASET_DIR", help="write the accepted candidates into this dataset folder")
    p.add_argument("--accept", action="append", metavar="ID", help="merge only these candidate ids (repeatable)")
    p.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE,
                   help=f"show and merge candidates at or above this (default {DEFAULT_MIN_CONFIDENCE}, chosen for "
                        "precision on real news; 0 shows every candidate)")
    p.add_argument("--force", action="store_true",
                   help="merge into an existing folder even if it holds no dataset file")
    add_data_option(p)
    p.set_defaults(run=cmd_extract)


def _eval(p) -> None:
    p.add_argument("gold", metavar="GOLD", help="gold file (see tests/fixtures/extraction/FORMAT.md)")
    p.add_argument("--model", default=None)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--split", choices=("dev", "test"), help="score only this part of a real-text gold file")
    p.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE, metavar="C",
                   help=f"score the candidates at or above this confidence (default {DEFAULT_MIN_CONFIDENCE}: what "
                        "extract shows and merges; 0 scores every candidate)")
    p.add_argument("--curve", action="store_true", help="add precision and recall at each confidence threshold")
    p.add_argument("--errors", action="store_true", help="list missed and extra claims per paragraph")
    add_data_option(p)
    p.set_defaults(run=cmd_eval)


def _nlp(graph, model: str | None):
    from loaders.news import build_nlp

    try:
        return build_nlp(graph, model=model)
    except OSError as exc:  # a model that is not installed: one line, not a traceback
        raise ActorGraphError(str(exc)) from None


#: A news article is a few pages; a larger input is not one (or is a mistake, like a disk image).
MAX_ARTICLE_BYTES = 64 * 1024 * 1024


def _read(name: str) -> str:
    if name == "-":
        return read_stdin(limit=MAX_ARTICLE_BYTES)
    return read_text(name, limit=MAX_ARTICLE_BYTES)


def _check_url(url: str) -> None:
    """The article becomes a source, which needs a valid address: checked before any work is done."""
    from loaders.dataset import schema_problems

    if not url:
        raise ActorGraphError("--merge-into makes the article a source, and a source needs its address: "
                              "give the article's URL with --url")
    probe = {"id": "article", "title": "t", "publisher": "p", "url": url, "published": "2000"}
    for _, _, message in schema_problems({"sources": [probe]}):
        raise ActorGraphError(f"--url: {message}")


def run_extract(texts: list[str], *, graph, published: str, title: str = "", publisher: str = "", url: str = "",
                model: str | None = None):
    """Extractions of several texts (one per file) against ``graph``."""
    from loaders.news import Article, extract_many

    nlp = _nlp(graph, model)
    articles = [Article(t, published, title, publisher, url if len(texts) == 1 else (f"{url}#{i}" if url else ""))
                for i, t in enumerate(texts)]
    return extract_many(articles, nlp)


def cmd_extract(args: argparse.Namespace):
    import yaml

    from loaders.news import merge_into

    if args.merge_into:
        _check_url(args.url)
    texts = [_read(f) for f in args.files]  # unreadable input is reported before the slow part
    graph = load_graph(args)
    extractions = run_extract(texts, graph=graph, published=args.published,
                              title=args.title, publisher=args.publisher, url=args.url, model=args.model)
    if args.merge_into:
        written = []
        for ex in extractions:
            chosen = [c for c in ex.candidates
                      if (c.id in args.accept if args.accept else c.confidence >= args.min_confidence)]
            written.append(str(merge_into(args.merge_into, ex, chosen, context=data_paths(args), force=args.force)))
        return "".join(f"wrote {w}\n" for w in written)
    # precision first: what is shown is what --merge-into would write; --min-confidence 0 shows every candidate
    floor = 0.0 if args.accept else args.min_confidence
    records = [ex.record(floor) for ex in extractions]
    if args.format == "json":
        return render_json(records if len(records) > 1 else records[0])
    if args.format == "yaml":
        return yaml.safe_dump(records if len(records) > 1 else records[0], sort_keys=False, allow_unicode=True)
    rows = []
    left_out = 0
    for ex in extractions:
        for c in ex.candidates:
            if c.confidence < floor:
                left_out += 1
                continue
            rows.append([c.id, c.subject or f"[{c.subject_text}]", c.predicate, c.object or f"[{c.object_text}]",
                         c.valid, ";".join(c.support_types), c.status, f"{c.confidence:.2f}", c.rule])
    out = render_rows(rows, ["id", "subject", "predicate", "object", "valid", "support_types", "status",
                             "confidence", "rule"], "table")
    new = sorted({m.text for ex in extractions for m in ex.new_actors})
    if new:
        out += visible("new-actor candidates: " + "; ".join(new)) + "\n"
    if left_out:
        out += f"{left_out} candidate(s) below --min-confidence {floor} not shown (--min-confidence 0 shows them)\n"
    return out


def run_eval(gold: str, *, data: list | None = None, model: str | None = None, split: str | None = None,
             min_confidence: float = 0.0, curve: bool = False) -> dict:
    """Scores of the pipeline on a gold file; the graph is ``data`` or the dataset the gold file names."""
    from loaders.bundled import bundled_dataset
    from loaders.news import evaluate, load_gold

    try:
        dataset, paragraphs = load_gold(gold, split=split)
    except (OSError, ValueError) as exc:
        raise ActorGraphError(str(exc)) from None
    from loaders.cache import load_cached

    paths = data or [bundled_dataset(dataset or "seed")]
    graph = load_cached(paths).graph
    return evaluate(paragraphs, _nlp(graph, model), min_confidence=min_confidence, curve=curve)


def _score_rows(named: dict) -> list[list]:
    return [[name, s["precision"], s["recall"], s["f1"], s["tp"], s["fp"], s["fn"]] for name, s in named.items()]


def cmd_eval(args: argparse.Namespace):
    result = run_eval(args.gold, data=data_paths(args) if args.data else None, model=args.model, split=args.split,
                      min_confidence=args.min_confidence, curve=args.curve)
    if args.format == "json":
        return render_json(result if args.errors else {k: v for k, v in result.items() if k != "errors"})
    header = ["scored", "precision", "recall", "f1", "tp", "fp", "fn"]
    overall = {"claims": result["claims"]}
    if result["entities"] is not None:
        overall = {"entities": result["entities"], **overall}
    out = render_rows(_score_rows(overall), header, "table")
    out += (f"paragraphs: {result['paragraphs']}; min confidence {result['min_confidence']}; "
            f"dates agree on matched dated claims: {result['dates_agree']}\n\nby relation kind\n")
    out += render_rows(_score_rows(result["by_predicate"]), ["predicate", *header[1:]], "table")
    out += "\nby rule (claims each rule proposed)\n"
    out += render_rows([[k, v["precision"], v["tp"], v["fp"]] for k, v in result["by_rule"].items()],
                       ["rule", "precision", "tp", "fp"], "table")
    if args.curve:
        out += "\nprecision/recall by minimum confidence\n"
        out += render_rows([[c["min_confidence"], c["precision"], c["recall"], c["f1"], c["tp"], c["fp"], c["fn"]]
                            for c in result["curve"]], ["min_confidence", *header[1:]], "table")
    if args.errors:
        out += "\n"
        for e in result["errors"]:
            out += f"{e['id']}: missed {e['missed']} extra {e['extra']}\n"
    return out
