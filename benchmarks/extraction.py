"""Throughput of news extraction: words per second on 1,000 synthetic paragraphs, on one core.

Two baselines, measured in the same run on the same texts: spaCy's bare tokenizer
(``spacy.blank("en").tokenizer``), the floor cost of reading the text at all; and, with
``--baseline-tree DIR``, the extraction of another checkout of this repository (for instance the commit
before a change: ``git worktree add /tmp/before COMMIT``), run in a subprocess on the same paragraphs. The
full pipeline is the blank one built from the bundled corpus (entity ruler from the graph's names,
mentions, coreference, dates, claim rules).

Run: .venv/bin/python benchmarks/extraction.py [--paragraphs 1000] [--data syria] [--repeat 3]
     [--baseline-tree DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# run as a script, this folder comes first on sys.path and its graph.py would shadow the graph package
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

SUBJECTS = ["Russia", "Iran", "Turkey", "HTS", "the SDF", "Hezbollah", "government forces", "Iraqi militias",
            "the Islamic State", "Turkish-backed rebels", "Ahrar al-Sham", "the United States", "Qatar"]
OBJECTS = ["Assad's forces", "the Syrian army", "the YPG", "Jaysh al-Islam", "the Assad government", "HTS", "the SNA"]
PLACES = ["Hama", "Homs", "Aleppo", "Idlib", "Raqqa", "Manbij", "Palmyra", "Daraa", "Afrin", "Kobani"]
VERBS = ["backed", "armed", "funded", "fought", "attacked", "reportedly supported", "allegedly trained"]
DATES = ["on Thursday", "last week", "in 2015", "since 2016", "on December 4, 2024", "earlier this month", ""]
FILLER = ["Residents said the situation remained tense.", "Aid groups warned of a growing humanitarian crisis.",
          "The claims could not be independently verified.", "Thousands of civilians fled the fighting overnight."]


def paragraph(rng: random.Random) -> str:
    s, o, p = rng.choice(SUBJECTS), rng.choice(OBJECTS), rng.choice(PLACES)
    parts = [
        f"{s} {rng.choice(VERBS)} {o} {rng.choice(DATES)}.",
        f"{rng.choice(SUBJECTS)} captured {p} {rng.choice(DATES)}, a monitor said.",
        rng.choice(FILLER),
        f"{rng.choice(SUBJECTS)}, an ally of {rng.choice(OBJECTS)}, is based in {rng.choice(PLACES)}.",
        rng.choice(FILLER),
    ]
    return " ".join(" ".join(parts).split())


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


_OTHER_TREE = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from loaders import bundled_dataset, load_datasets
from loaders.news import Article, build_nlp, extract_many
texts, data, repeat = json.loads(sys.stdin.read())
nlp = build_nlp(load_datasets([bundled_dataset(data)]))
articles = [Article(t, "2024-12-05") for t in texts]
best = min((lambda t0: (extract_many(articles, nlp), time.perf_counter() - t0)[1])(time.perf_counter())
           for _ in range(repeat))
print(json.dumps(best))
"""


def other_tree(tree: str, texts: list[str], data: str, repeat: int) -> float:
    """Best-of-``repeat`` seconds of another checkout's extraction on ``texts``, in a subprocess."""
    done = subprocess.run([sys.executable, "-c", _OTHER_TREE, str(Path(tree).resolve())],
                          input=json.dumps([texts, data, repeat]), capture_output=True, text=True, check=True,
                          cwd=tree)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=1000)
    ap.add_argument("--data", default="syria")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline-tree", metavar="DIR",
                    help="another checkout whose extraction to time on the same texts")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the issue asks
    import spacy

    from loaders import bundled_dataset, load_datasets
    from loaders.news import Article, build_nlp, extract_many

    rng = random.Random(7)
    texts = [paragraph(rng) for _ in range(args.paragraphs)]
    words = sum(len(t.split()) for t in texts)
    graph = load_datasets([bundled_dataset(args.data)])
    t = time.perf_counter()
    nlp = build_nlp(graph)
    build = time.perf_counter() - t
    articles = [Article(text, "2024-12-05") for text in texts]
    cold_tokenizer = spacy.blank("en").tokenizer
    cold = best_of(1, lambda: [cold_tokenizer(text) for text in texts])  # first pass: its cache is empty
    tokenizer = spacy.blank("en").tokenizer
    base = best_of(args.repeat, lambda: [tokenizer(text) for text in texts])
    full = best_of(args.repeat, lambda: extract_many(articles, nlp))
    claims = sum(len(ex.candidates) for ex in extract_many(articles, nlp))
    print(f"{args.paragraphs} synthetic paragraphs, {words} words, graph {args.data!r} "
          f"({len(graph.actors)} actors, {len(graph.places)} places); pipeline built in {build:.2f} s; "
          f"best of {args.repeat}, one core")
    print(f"{'pipeline':<32} {'seconds':>8} {'words/s':>10} {'vs tokenizer':>13}")
    print(f"{'spaCy bare tokenizer (baseline)':<32} {base:>8.3f} {words / base:>10,.0f} {'1.0x':>13}")
    print(f"{'  same, first pass (cold cache)':<32} {cold:>8.3f} {words / cold:>10,.0f} {cold / base:>12.1f}x")
    print(f"{'actorgraph extraction (blank)':<32} {full:>8.3f} {words / full:>10,.0f} {full / base:>12.1f}x")
    if args.baseline_tree:
        other = other_tree(args.baseline_tree, texts, args.data, args.repeat)
        print(f"{'extraction of --baseline-tree':<32} {other:>8.3f} {words / other:>10,.0f} {other / base:>12.1f}x")
        print(f"this tree's words/s are {other / full:.2f} of the baseline tree's")
    print(f"candidate claims found: {claims}")


if __name__ == "__main__":
    main()
