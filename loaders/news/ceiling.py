"""Where extraction recall is lost: the share of gold relations that survive each stage of the pipeline.

For every gold claim of a gold file (one split of it), the stages are, each a subset of the one before:

- ``mentioned``: both ends are among the ids some mention in the article may denote (a name's alternatives
  and the metonyms the claim linker applies, e.g. "Assad" for his government), coreference included;
- ``one sentence``: a mention of each end stands in one sentence (coreference included);
- ``candidate pair``: some linked candidate joins the two ends (any relation kind, either direction);
- ``candidate triple``: a candidate has the gold's subject, relation and object (symmetric kinds unordered);
- ``scored``: such a candidate whose dates agree with the gold's (what ``eval-extract`` counts, all candidates).

The same two shares without coreference (names and descriptions only) are given apart, as what
coreference adds. The gaps say where recall goes: unrecognised names (``mentioned``), relations told across sentences
(``one sentence``), rules that do not fire (``candidate pair``), the wrong kind or direction (``triple``).

    python -m loaders.news.ceiling tests/fixtures/extraction/real.yaml --split dev [--misses STAGE]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["STAGES", "ceilings", "main"]

STAGES = ("gold", "mentioned", "one sentence", "candidate pair", "candidate triple", "scored")
#: shares reported apart: the first two stages without coreference
EXTRA = ("mentioned, no coref", "one sentence, no coref")


def _expand(ids, metonyms: dict[str, set[str]]) -> set[str]:
    out = set(ids)
    for i in ids:
        out |= metonyms.get(i, set())
    return out


def _article_stages(paragraph, doc, metonyms: dict[str, set[str]]) -> list[tuple[object, dict[str, bool]]]:
    from loaders.news.evaluate import _dates_agree, _pair

    mentions = [m for m in (doc._.ag_mentions or []) if m.kind != "candidate"]
    ids_all = [(m, _expand(m.ids, metonyms)) for m in mentions]
    sents = [(s.start, s.end) for s in doc.sents]

    def sentence_of(m):
        return next((i for i, (a, b) in enumerate(sents) if a <= m.start and m.end <= b), -1)

    where: dict[str, list[tuple[int, bool]]] = {}  # id -> [(sentence, from coref)]
    for m, ids in ids_all:
        for i in ids:
            where.setdefault(i, []).append((sentence_of(m), m.via == "coref"))
    cands = [c for c in (doc._.ag_claims or []) if c.linked]
    pairs = {frozenset((c.subject, c.object)) for c in cands}
    triples: dict[tuple, list[str]] = {}
    for c in cands:
        triples.setdefault(_pair(c.subject, c.predicate, c.object), []).append(c.valid)
    out = []
    for g in paragraph.claims:
        s, o = where.get(g.subject, []), where.get(g.object, [])
        s_plain = {x for x, coref in s if not coref}
        o_plain = {x for x, coref in o if not coref}
        s_any, o_any = {x for x, _ in s}, {x for x, _ in o}
        key = _pair(g.subject, g.predicate, g.object)
        stage = {
            "gold": True,
            "mentioned": bool(s_any and o_any),
            "one sentence": bool(s_any & o_any),
            "candidate pair": frozenset((g.subject, g.object)) in pairs,
            "candidate triple": key in triples,
            "scored": any(_dates_agree(g.valid, v) for v in triples.get(key, [])),
            "mentioned, no coref": bool(s_plain and o_plain),
            "one sentence, no coref": bool(s_plain & o_plain),
        }
        out.append((g, stage))
    return out


def ceilings(gold_path: str | Path, *, split: str | None = "dev", nlp=None, data=None) -> dict:
    """Counts of gold claims reaching each stage, overall and by relation kind, with the claims lost at each."""
    from loaders import bundled_dataset, load_datasets
    from loaders.news.evaluate import load_gold
    from loaders.news.model import Article
    from loaders.news.pipeline import _doc, build_nlp
    from loaders.news.resources import load_resources

    dataset, paragraphs = load_gold(gold_path, split=split)
    if nlp is None:
        nlp = build_nlp(load_datasets([data or bundled_dataset(dataset or "syria")]))
    metonyms: dict[str, set[str]] = {}
    for m in load_resources().metonyms:
        metonyms.setdefault(m["id"], set()).add(m["as"])
    docs = nlp.pipe(_doc(nlp, Article(p.text, p.published)) for p in paragraphs)
    totals = dict.fromkeys(STAGES + EXTRA, 0)
    by_kind: dict[str, dict[str, int]] = {}
    lost: dict[str, list[str]] = {s: [] for s in STAGES[1:]}
    for p, doc in zip(paragraphs, docs, strict=True):
        for g, stage in _article_stages(p, doc, metonyms):
            kind = by_kind.setdefault(g.predicate, dict.fromkeys(STAGES + EXTRA, 0))
            for s in STAGES + EXTRA:
                totals[s] += stage[s]
                kind[s] += stage[s]
            line = f"{p.id}: {g.subject} {g.predicate} {g.object} {g.valid}".rstrip()
            for prev, s in zip(STAGES, STAGES[1:], strict=False):
                if stage[prev] and not stage[s]:
                    lost[s].append(line)
    return {"articles": len(paragraphs), "totals": totals, "by_kind": by_kind, "lost": lost}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m loaders.news.ceiling", description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--split", choices=("dev", "test"), default="dev",
                    help="the part of a real-text gold file (default dev; the test part is the lead's)")
    ap.add_argument("--misses", default="", help="list the gold claims lost at this stage (e.g. 'mentioned')")
    ap.add_argument("--format", choices=("text", "json"), default="text")
    args = ap.parse_args(argv)
    try:
        result = ceilings(args.gold, split=args.split)
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(result, indent=1))
        return 0
    t = result["totals"]
    n = t["gold"] or 1
    print(f"{result['articles']} articles, {t['gold']} gold claims")
    print(f"{'stage':<22}{'claims':>7}{'share':>8}")
    for s in STAGES + EXTRA:
        print(f"{s:<22}{t[s]:>7}{t[s] / n:>8.3f}")
    print("\nby relation kind (share of the kind's gold claims)")
    print(f"{'kind':<22}" + "".join(f"{s[:10]:>11}" for s in STAGES))
    for k, row in sorted(result["by_kind"].items(), key=lambda kv: -kv[1]["gold"]):
        print(f"{k:<22}{row['gold']:>11}" + "".join(f"{row[s] / row['gold']:>11.2f}" for s in STAGES[1:]))
    if args.misses:
        if args.misses not in result["lost"]:
            print(f"error: --misses must be one of {', '.join(STAGES[1:])}", file=sys.stderr)
            return 2
        print(f"\nlost at '{args.misses}':")
        for line in result["lost"][args.misses]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
