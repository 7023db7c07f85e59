"""Honest development figures: grouped cross-validation over articles, and fitting the shipped calibrator.

Scoring rules and confidences on the articles they were tuned on overstated what users get on new text
(README, "Measured on real text"). Here every candidate's confidence comes from a model fitted on *other*
articles: the development articles are dealt into K folds (whole articles, never sentences of one article
on both sides), and each fold is scored by a calibrator trained on the rest. Two confidences are compared
that way: the per-rule precision table (what ``data/confidence.jsonl`` does), refitted per fold, and the
learned calibrator of :mod:`loaders.news.calibrate`. The default ``--min-confidence`` is the threshold
whose cross-validated precision is at least 0.8 with the best F1, F1 values within 0.02 of the best
counting as tied and the most precise of those chosen (precision first).

Only confidence is cross-validated: the rules run once, and they were written while reading these articles,
so the figures still flatter the rules (the frozen test part says by how much).

    python -m loaders.news.crossval tests/fixtures/extraction/real.yaml [--folds 5] [--write] [--errors 0.55]

reads only the ``dev`` part (the frozen test part is never touched here); ``--write`` fits the calibrator on
every development article and writes ``loaders/news/data/calibrator.json`` with the cross-validated figures.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from loaders.news.calibrate import Calibrator, fit
from loaders.news.evaluate import THRESHOLDS, _dates_agree, _pair, _predictions, _score_at

__all__ = ["grouped_folds", "labelled", "cross_validate", "choose_threshold", "main"]

#: the precision the default threshold must reach under cross-validation (precision first). 0.75 until the fifth pass
#: of issue 16; its pair readings add right claims at low confidence, which drew the best-F1 choice down to 0.45
#: (precision 0.776), under the 0.8 the issue's work keeps to (the frozen test part has run ~0.15 below development)
TARGET_PRECISION = 0.8
#: the rule table's smoothing: as if this many more claims of each rule had been scored at PRIOR
PSEUDO, PRIOR = 3, 0.6
#: F1 values this close to the best are treated as tied when the default threshold is chosen (precision first)
TIE = 0.02
#: the calibrator's L2 penalty. 3 held cross-validated precision highest across seeds at 0.6-0.7 (1, 3 and 10
#: tried) before the pair readings (loaders/news/pairs.py) doubled the candidates; with them (84 articles, seeds 16,
#: 1, 2, 3), 10 gives at 0.6 a mean F1 of 0.564 and precision of 0.870 against 0.562 and 0.853 for 3, and the same
#: threshold choice (0.6) at three of the four seeds (3: two)
L2 = 10.0


def grouped_folds(ids: list[str], k: int, *, seed: int = 16) -> list[list[str]]:
    """Article ids dealt into ``k`` folds after a seeded shuffle: every id in exactly one fold."""
    if k < 2 or k > len(ids):
        raise ValueError(f"--folds must be between 2 and the number of articles ({len(ids)}), got {k}")
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def labelled(paragraph, extraction) -> list:
    """Every linked candidate of one article with whether the gold holds it (triple, and dates that agree)."""
    gold: dict[tuple, list[str]] = {}
    for g in paragraph.claims:
        gold.setdefault(_pair(g.subject, g.predicate, g.object), []).append(g.valid)
    out = []
    for c in extraction.candidates:
        if not c.linked:
            continue
        valids = gold.get(_pair(c.subject, c.predicate, c.object), [])
        out.append((c, any(_dates_agree(v, c.valid) for v in valids)))
    return out


def _rule_table(rows) -> Callable:
    counts: dict[str, list[int]] = {}
    for c, right in rows:
        counts.setdefault(c.rule, [0, 0])[0 if right else 1] += 1
    table = {r: (tp + PSEUDO * PRIOR) / (tp + fp + PSEUDO) for r, (tp, fp) in counts.items()}
    return lambda c: table.get(c.rule, PRIOR)


def cross_validate(articles: list[str], rows: dict[str, list], k: int, fitter: Callable, *, seed: int = 16) -> dict:
    """Each candidate's confidence from a model fitted without its article.

    Args:
        articles: the article ids.
        rows: article id -> its labelled candidates (:func:`labelled`).
        fitter: gets the training rows (each ``(candidate, right)``) and returns a function candidate -> confidence.

    Returns:
        article id -> the confidences of its candidates, in the order of ``rows[id]``.
    """
    out: dict[str, list[float]] = {}
    for fold in grouped_folds(articles, k, seed=seed):
        held = set(fold)
        train = [r for a in articles if a not in held for r in rows[a]]
        score = fitter(train)
        for a in fold:
            out[a] = [score(c) for c, _ in rows[a]]
    return out


def calibrator_fitter(l2: float) -> Callable:
    def fitter(train):
        model: Calibrator = fit([(c.features, right) for c, right in train], l2=l2)
        return lambda c: model.probability(c.features)
    return fitter


def _rescored(paragraphs, extractions, confidences: dict[str, list[float]]):
    """The evaluator's predictions with each linked candidate's confidence replaced."""
    out = []
    for p, ex in zip(paragraphs, extractions, strict=True):
        new = iter(confidences[p.id])
        cands = tuple(replace(c, confidence=next(new)) if c.linked else c for c in ex.candidates)
        out.append(_predictions(replace(ex, candidates=cands)))
    return out


def curve(paragraphs, predictions) -> list[dict]:
    return [{"min_confidence": t, **_score_at(paragraphs, predictions, t)[0].record()} for t in THRESHOLDS]


def choose_threshold(points: list[dict], target: float = TARGET_PRECISION, *, tie: float = TIE) -> dict | None:
    """The threshold for the default: among the points whose precision reaches ``target``, those within
    ``tie`` of the best F1 (a few claims of the 278 gold ones: noise at this size), and of
    those the most precise (precision first). None when no point reaches ``target``."""
    ok = [p for p in points if p["precision"] >= target and p["tp"] > 0]
    if not ok:
        return None
    best = max(p["f1"] for p in ok)
    return max((p for p in ok if p["f1"] >= best - tie), key=lambda p: (p["precision"], p["min_confidence"]))


def run(gold_path: str | Path, *, folds: int = 5, l2: float = L2, seed: int = 16, nlp=None, data=None,
        subset: list[str] | None = None) -> dict:
    """Cross-validated curves of the development part for the shipped rule table and the calibrator.

    Args:
        subset: article ids whose curves are also given alone (e.g. the articles no rule was tuned on).
    """
    from loaders import bundled_dataset, load_datasets
    from loaders.news.evaluate import load_gold
    from loaders.news.model import Article
    from loaders.news.pipeline import build_nlp, extract_many

    dataset, paragraphs = load_gold(gold_path, split="dev")
    if nlp is None:
        graph = load_datasets([data or bundled_dataset(dataset or "syria")])
        nlp = build_nlp(graph)
    claims = nlp.get_pipe("actorgraph_claims")
    saved, claims.calibrator = claims.calibrator, None  # candidates keep the rule-table confidence
    try:
        extractions = extract_many([Article(p.text, p.published) for p in paragraphs], nlp)
    finally:
        claims.calibrator = saved
    rows = {p.id: labelled(p, ex) for p, ex in zip(paragraphs, extractions, strict=True)}
    ids = [p.id for p in paragraphs]
    shipped = {a: [c.confidence for c, _ in rows[a]] for a in ids}
    table_cv = cross_validate(ids, rows, folds, _rule_table, seed=seed)
    model_cv = cross_validate(ids, rows, folds, calibrator_fitter(l2), seed=seed)
    curves = {name: curve(paragraphs, _rescored(paragraphs, extractions, conf))
              for name, conf in (("rule-table, tuned on all dev (not cross-validated)", shipped),
                                 ("rule-table, cross-validated", table_cv),
                                 ("calibrator, cross-validated", model_cv))}
    everything = [r for a in ids for r in rows[a]]
    result = {"articles": len(ids), "folds": folds, "seed": seed, "l2": l2,
              "candidates": len(everything), "right": sum(1 for _, r in everything if r),
              "curves": curves, "choice": choose_threshold(curves["calibrator, cross-validated"]),
              "rows": everything,
              "wrong": [{"article": a, "confidence": round(conf, 3), "rule": c.rule, "subject": c.subject,
                         "predicate": c.predicate, "object": c.object, "valid": c.valid, "sentence": c.sentence}
                        for a in ids for (c, right), conf in zip(rows[a], model_cv[a], strict=True) if not right]}
    if subset:
        unknown = sorted(set(subset) - set(ids))
        if unknown:
            raise ValueError(f"--subset names articles that are not in the dev part: {', '.join(unknown)}")
        keep = [i for i, p in enumerate(paragraphs) if p.id in set(subset)]
        part = [paragraphs[i] for i in keep]
        result["subset"] = {"articles": sorted(subset), "curves": {
            name: curve(part, [_rescored(paragraphs, extractions, conf)[i] for i in keep])
            for name, conf in (("rule-table, tuned on all dev (not cross-validated)", shipped),
                               ("rule-table, cross-validated", table_cv),
                               ("calibrator, cross-validated", model_cv))}}
    return result


def _write(result: dict, l2: float) -> Path:
    model = fit([(c.features, right) for c, right in result["rows"]], l2=l2)
    choice = result["choice"] or {}
    path = Path(__file__).parent / "data" / "calibrator.json"
    record = model.record(
        about="logistic regression over candidate features (loaders/news/calibrate.py), fitted on every linked "
              "candidate of the real-text development part; regenerate with `python -m loaders.news.crossval "
              "tests/fixtures/extraction/real.yaml --write`",
        trained_on={"articles": result["articles"], "candidates": result["candidates"], "right": result["right"],
                    "l2": l2},
        cross_validated={"folds": result["folds"], "seed": result["seed"], "threshold": choice.get("min_confidence"),
                         "at_threshold": {k: choice[k] for k in ("precision", "recall", "f1", "tp", "fp", "fn")}
                         if choice else None})
    path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def _ids(text: str) -> list[str] | None:
    """``r1,r2`` or ``r124..r136`` (ids of one prefix and numbers) as a list of ids."""
    if not text:
        return None
    if ".." in text:
        first, last = text.split("..", 1)
        prefix = first.rstrip("0123456789")
        if not last.startswith(prefix) or not first[len(prefix):].isdigit() or not last[len(prefix):].isdigit():
            raise SystemExit(f"error: --subset {text!r}: a range is FIRST..LAST with one prefix, like r124..r136")
        width = len(first) - len(prefix)
        return [f"{prefix}{n:0{width}d}" for n in range(int(first[len(prefix):]), int(last[len(prefix):]) + 1)]
    return [i.strip() for i in text.split(",") if i.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m loaders.news.crossval", description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", help="a gold file with articles split into dev and test (only dev is read)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=L2, help="the calibrator's L2 penalty")
    ap.add_argument("--subset", default="", help="article ids (comma-separated, or a range FIRST..LAST) whose "
                    "cross-validated curves are also shown alone")
    ap.add_argument("--seed", type=int, default=16, help="the seed of the article shuffle before dealing folds")
    ap.add_argument("--write", action="store_true", help="fit on all dev and write loaders/news/data/calibrator.json")
    ap.add_argument("--errors", type=float, default=None, metavar="C",
                    help="also list the wrong candidates whose cross-validated confidence is at least C, by kind")
    ap.add_argument("--format", choices=("text", "json"), default="text")
    args = ap.parse_args(argv)
    try:
        result = run(args.gold, folds=args.folds, l2=args.l2, seed=args.seed, subset=_ids(args.subset))
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.write:
        print(f"wrote {_write(result, args.l2)}", file=sys.stderr)
    result.pop("rows")
    wrong = result.pop("wrong")
    if args.errors is not None:
        result["errors"] = [w for w in wrong if w["confidence"] >= args.errors]
    if args.format == "json":
        print(json.dumps(result, indent=1))
        return 0
    print(f"{result['articles']} dev articles, {result['folds']} folds by article (seed {result['seed']}), "
          f"{result['candidates']} linked candidates ({result['right']} right), l2 {result['l2']}")
    parts = [("", result["curves"])]
    if "subset" in result:
        parts.append((f" [only {', '.join(result['subset']['articles'])}]", result["subset"]["curves"]))
    for label, curves in parts:
        for name, points in curves.items():
            print(f"\n{name}{label}\n  min_conf    P     R     F1   tp  fp")
            for p in points:
                print(f"  {p['min_confidence']:>6}  {p['precision']:.3f} {p['recall']:.3f} {p['f1']:.3f} "
                      f"{p['tp']:>4} {p['fp']:>3}")
    if "errors" in result:
        kinds: dict[str, int] = {}
        for w in result["errors"]:
            kinds[w["predicate"]] = kinds.get(w["predicate"], 0) + 1
        print(f"\nwrong candidates at cross-validated confidence >= {args.errors}: {len(result['errors'])} "
              f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))})")
        for w in sorted(result["errors"], key=lambda w: (w["predicate"], -w["confidence"])):
            print(f"  {w['article']} {w['confidence']:.2f} {w['rule']:<11} {w['subject']} {w['predicate']} "
                  f"{w['object']} {w['valid']}  | {' '.join(w['sentence'].split())[:160]}")
    c = result["choice"]
    chosen = f"{c['min_confidence']} (P {c['precision']} R {c['recall']} F1 {c['f1']})" if c else "none"
    print(f"\nchosen threshold (cross-validated precision >= {TARGET_PRECISION:.2f}, best F1): {chosen}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
