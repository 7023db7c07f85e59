"""From news text to sourced claims: spaCy components, data files and the merge into a dataset.

``build_nlp(graph)`` makes the pipeline (blank English by default, see ``pipeline.cfg``);
``extract(article, nlp)`` returns linked mentions, new-actor candidates and candidate claims with
their evidence; ``merge_into(folder, extraction, candidates)`` writes reviewed candidates as a
dataset file with the article as the source; ``evaluate`` scores against a gold set.
"""

from loaders.news.dates import DateMention, find_dates
from loaders.news.evaluate import evaluate, load_gold
from loaders.news.merge import article_records, merge_into
from loaders.news.model import DEFAULT_MIN_CONFIDENCE, Article, Candidate, Extraction, Mention
from loaders.news.pipeline import build_nlp, extract, extract_many

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "Article",
    "Candidate",
    "DateMention",
    "Extraction",
    "Mention",
    "article_records",
    "build_nlp",
    "evaluate",
    "extract",
    "extract_many",
    "find_dates",
    "load_gold",
    "merge_into",
]
