"""A learned confidence for candidate claims: what the words around a claim say about whether it is right.

The rules propose; this module says how far to believe them. Each candidate carries named features
(``Candidate.features``: its rule, relation kind, trigger word, where its ends came from, distances, hedge,
negation and time words in its sentence, whether the bundled corpus already holds the pair). A logistic
regression over those features, fitted on the real-text development part with every candidate labelled
right or wrong against the gold, turns them into the probability that is the candidate's ``confidence``.

Why a model and not a table of rule precisions: a rule's precision on the articles it was tuned on did not
carry over to new articles (README, "Measured on real text"); a model that also sees distance, coreference
and hedging can be judged honestly by cross-validation over articles (:mod:`loaders.news.crossval`), which
a hand-set table cannot. Plain numpy, no new dependency; the weights ship as ``data/calibrator.json``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Calibrator", "fit", "load_calibrator", "read_calibrator", "sentence_signals", "HEDGES", "NEGATIONS",
           "TIME_WORDS"]

#: words that make a sentence report, intend or suppose rather than state
HEDGES = frozenset({"may", "might", "could", "would", "should", "reportedly", "allegedly", "alleged", "accused",
                    "accuses", "plan", "plans", "planned", "intend", "intends", "seek", "seeks", "seeking", "aim",
                    "aims", "threatened", "threatens", "considering", "possible", "possibly", "if", "whether",
                    "likely", "expected", "ready", "want", "wants", "urged", "urges", "called", "calls", "warned"})
#: words that deny
NEGATIONS = frozenset({"not", "n't", "no", "never", "denied", "denies", "deny", "without", "neither", "nor"})
#: words that move a state into the past or bound it
TIME_WORDS = frozenset({"former", "formerly", "previously", "once", "until", "ended", "withdrew", "withdrawn",
                        "longer", "earlier", "since", "after", "before", "ago", "then"})


#: words that attribute the sentence to a speaker ("X said", "according to", "claimed"): reported, not stated
ATTRIBUTION = frozenset({"said", "says", "say", "told", "according", "claimed", "claims", "claim", "stated", "added",
                         "insisted", "insists", "quoted", "reported", "reports", "announced", "statement"})
#: words that set a clause against another ("but", "despite"): the claim may hold only for one side of it
CONTRAST = frozenset({"but", "however", "despite", "although", "though", "while", "whereas", "yet", "nominal",
                      "nominally"})


def sentence_signals(words: list[str]) -> dict[str, float]:
    """Sentence-level signals over lower-cased tokens (a hedge, a negation, a time word, quotation)."""
    lower = set(words)
    out = {}
    if lower & HEDGES:
        out["hedge"] = 1.0
    if lower & NEGATIONS:
        out["negation"] = 1.0
    if lower & TIME_WORDS:
        out["time-word"] = 1.0
    if lower & {'"', "“", "”", "'"}:
        out["quote"] = 1.0
    if lower & ATTRIBUTION:
        out["attributed"] = 1.0
    if lower & CONTRAST:
        out["contrast"] = 1.0
    return out


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True, slots=True)
class Calibrator:
    """A fitted logistic regression over named features; unknown feature names weigh nothing."""

    weights: dict[str, float]
    bias: float
    rules: frozenset[str] = frozenset()  # the rules it saw candidates of: the others keep the rule table

    def knows(self, rule: str) -> bool:
        """Whether the model was fitted on candidates of ``rule`` (a rule it never saw, such as the parser's
        when no trained pipeline was installed, would only get the average of the others)."""
        return rule in self.rules

    def probability(self, features) -> float:
        """The probability that a candidate with these ``(name, value)`` features is right."""
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features)
        return _sigmoid(z)

    def record(self, **extra) -> dict:
        return {"bias": round(self.bias, 6), "rules": sorted(self.rules),
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-6}, **extra}


def fit(rows: list[tuple[tuple[tuple[str, float], ...], bool]], *, l2: float = 1.0, iterations: int = 50,
        min_count: int = 2) -> Calibrator:
    """Fit a logistic regression by Newton's method with an L2 penalty (the bias is not penalised).

    Args:
        rows: each candidate's features and whether it was right.
        l2: the penalty: with a few hundred candidates a strong one keeps rare features from deciding.
        min_count: features seen in fewer candidates than this are left out (they would only memorise).

    Raises:
        ValueError: no rows, or every row has the same label (nothing to separate).
    """
    import numpy as np

    if not rows:
        raise ValueError("no candidates to fit the calibrator on: extract a gold set with claims first")
    labels = {bool(y) for _, y in rows}
    if len(labels) < 2:
        raise ValueError("every candidate has the same label; the calibrator needs right and wrong ones")
    counts: dict[str, int] = {}
    for feats, _ in rows:
        for name, _v in feats:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= min_count)
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0
    y = np.array([1.0 if lab else 0.0 for _, lab in rows])
    for r, (feats, _) in enumerate(rows):
        for name, value in feats:
            if name in index:
                x[r, index[name]] = value
    w = np.zeros(len(names) + 1)
    penalty = np.full(len(names) + 1, l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    rules = frozenset(name[5:] for feats, _ in rows for name, _v in feats if name.startswith("rule:"))
    return Calibrator({n: float(w[i]) for n, i in index.items()}, float(w[-1]), rules)


@lru_cache(maxsize=1)
def load_calibrator() -> Calibrator | None:
    """The shipped calibrator (``data/calibrator.json``), or None when the file is absent."""
    path = resources.files("loaders.news").joinpath("data", "calibrator.json")
    if not path.is_file():
        return None
    return read_calibrator(path.read_text(encoding="utf-8"), "loaders/news/data/calibrator.json")


def read_calibrator(text: str, where: str) -> Calibrator:
    """A calibrator from its JSON text (what :meth:`Calibrator.record` wrote).

    Raises:
        ValueError: not JSON, or ``bias``, ``rules`` or ``weights`` missing or of the wrong type (with how to
            regenerate the file).
    """
    fix = ("delete the file and regenerate it with "
           "`python -m loaders.news.crossval tests/fixtures/extraction/real.yaml --write`")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: not JSON (line {exc.lineno}: {exc.msg}); {fix}") from None
    try:
        if not isinstance(data["weights"], dict) or not isinstance(data["rules"], list):
            raise TypeError("'weights' must be a mapping and 'rules' a list")
        return Calibrator({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                          frozenset(str(r) for r in data["rules"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{where}: expected 'bias' (a number), 'rules' (a list of rule names) and 'weights' "
                         f"(feature name -> number); the problem: {exc}; {fix}") from None
