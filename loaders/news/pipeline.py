"""Building the extraction pipeline for a graph, and running it over articles.

Blank by default (``spacy.blank("en")`` through ``pipeline.cfg``: no download needed). With
``model="en_core_web_sm"`` (or any installed trained English pipeline) the same components are added
to it: the entity ruler goes before its NER so graph names win, its NER adds new-actor candidates,
and its parser lets :mod:`loaders.news.syntax` read passive and fronted clauses from dependencies.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from graph.time import PartialDate
from loaders.news.components import register
from loaders.news.model import Article, Extraction, Mention
from loaders.news.resources import load_resources
from loaders.news.ruler import build_patterns

__all__ = ["build_nlp", "extract", "extract_many"]

_OURS = ("actorgraph_mentions", "actorgraph_coref", "actorgraph_dates", "actorgraph_claims")


def _spacy():
    try:
        import spacy
    except ImportError:  # pragma: no cover - spacy is a declared dependency
        raise ImportError("news extraction needs spaCy: pip install 'spacy>=3.7,<4'") from None
    return spacy


def build_nlp(graph, *, model: str | None = None):
    """A spaCy pipeline that links names to ``graph`` and extracts candidate claims.

    Args:
        graph: the :class:`graph.ActorGraph` whose actors and places are linked.
        model: name or path of an installed trained spaCy pipeline; ``None`` for the blank pipeline.

    Raises:
        OSError: ``model`` is not installed (the message says how to install it).

    >>> from loaders import load_datasets, bundled_dataset
    >>> nlp = build_nlp(load_datasets([bundled_dataset("seed")]))
    >>> nlp.pipe_names[-1]
    'actorgraph_claims'
    """
    spacy = _spacy()
    register()
    if model is None:
        from spacy.util import load_config, load_model_from_config

        path = resources.files("loaders.news").joinpath("pipeline.cfg")
        config = load_config(str(path))
        nlp = load_model_from_config(config, auto_fill=True)
        _split_abbreviation_compounds(nlp)
        ruler = nlp.get_pipe("actor_ruler")
    else:
        try:
            nlp = spacy.load(model)
        except OSError:
            raise OSError(f"the spaCy pipeline {model!r} is not installed; install Explosion's official package "
                          f"with `python -m spacy download {model}`, or leave out --model to use the blank "
                          "pipeline") from None
        before = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe("entity_ruler", name="actor_ruler", before=before,
                             config={"overwrite_ents": True, "validate": False,
                                     "phrase_matcher_attr": "LOWER"})
        if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
            nlp.add_pipe("sentencizer", first=True)
        for name in _OURS:
            nlp.add_pipe(name)
    res = load_resources()
    ruler.add_patterns(build_patterns(graph, res, nlp.tokenizer))
    for name in ("actorgraph_mentions", "actorgraph_coref", "actorgraph_claims"):
        nlp.get_pipe(name).use_graph(graph)
    return nlp


def _split_abbreviation_compounds(nlp) -> None:
    """Make "U.S.-backed" three tokens like "US-backed", so compounds after an abbreviation are read.

    Only for the blank pipeline: a trained pipeline keeps the tokenization its models learnt on.
    """
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _doc(nlp, article: Article):
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    return doc


def _extraction(article: Article, doc) -> Extraction:
    mentions = []
    for m in doc._.ag_mentions or []:
        span = doc[m.start:m.end]
        mentions.append(Mention(span.text, span.start_char, span.end_char, m.primary,
                                m.kind, m.via, tuple(m.ids)))
    return Extraction(article, tuple(mentions), tuple(doc._.ag_claims or ()))


def extract(article: Article | str, nlp, *, published: str | PartialDate | None = None) -> Extraction:
    """Mentions and candidate claims of one article.

    Args:
        article: an :class:`Article`, or plain text together with ``published``.
        nlp: a pipeline from :func:`build_nlp`.

    >>> from loaders import load_datasets, bundled_dataset
    >>> nlp = build_nlp(load_datasets([bundled_dataset("seed")]))
    >>> ex = extract("HTS, an al-Qaeda offshoot, is based in Idlib.", nlp, published="2024-12-05")
    >>> sorted((c.subject, c.predicate, c.object) for c in ex.candidates)
    [('hts', 'based_in', 'idlib-governorate'), ('hts', 'offshoot_of', 'al-qaeda')]
    """
    if isinstance(article, str):
        if published is None:
            raise ValueError("plain text needs published=: the publication date that relative dates are read against")
        article = Article(article, PartialDate.parse(published))
    return _extraction(article, nlp(_doc(nlp, article)))


def extract_many(articles: Iterable[Article], nlp, *, batch_size: int = 64) -> list[Extraction]:
    """Like :func:`extract` for many articles, through ``nlp.pipe`` (faster on long lists)."""
    articles = list(articles)
    docs = nlp.pipe((_doc(nlp, a) for a in articles), batch_size=batch_size)
    return [_extraction(a, d) for a, d in zip(articles, docs, strict=True)]
