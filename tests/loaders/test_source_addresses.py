"""One report is one source: a second record with the same address and date is an error naming the first.

Two ids for one page would count it twice when claims are weighed by their sources (two citations, one
report) and split its citations between two records. The check ignores what does not change the page
(scheme, "www.", a trailing slash, a "#part", the default port) but not the query, which can; and a
download page's releases (one address, several dates: dataset imports) are different sources.
"""

from __future__ import annotations

import textwrap

import pytest

from loaders import load_datasets, read_dataset
from ontology import DatasetInvalid

DATA = """\
actors:
  - {id: north, name: Northland, kind: state}
  - {id: south, name: Southland, kind: state}
sources:
  - id: first
    title: Northland funds Southland
    publisher: Agency
    url: "https://www.example.org/story/12/"
    published: 2016-02-10
  - id: second
    title: Northland funds Southland
    publisher: Agency
    url: "{url}"
    published: {published}
claims:
  - id: c1
    subject: north
    predicate: opposes
    object: south
    valid: 2016-02/..
    sources:
      - {id: first, attests: [start]}
      - {id: second, attests: [start]}
"""


def _write(tmp_path, url: str, published: str = "2016-02-10"):
    text = DATA.replace("{url}", url).replace("{published}", published)
    (tmp_path / "data.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("url", [
    "https://www.example.org/story/12/",
    "http://example.org/story/12",
    "https://WWW.Example.org:443/story/12#comments",
])
def test_a_second_source_for_the_same_page_is_an_error_naming_the_first(tmp_path, url):
    ds = read_dataset([_write(tmp_path, url)])
    assert not ds.ok
    [problem] = [p for p in ds.problems if p.field == "url"]
    lines = (tmp_path / "data.yaml").read_text(encoding="utf-8").splitlines()
    first_at = lines.index("  - id: first") + 1
    second_at = lines.index("  - id: second") + 1
    # the second record's address is the line reported, and the message points at the first record
    assert problem.line > second_at and lines[problem.line - 1].strip().startswith("url:")
    assert "'first'" in problem.message and f"data.yaml:{first_at}" in problem.message
    with pytest.raises(DatasetInvalid):
        load_datasets([tmp_path])


@pytest.mark.parametrize("url", [
    "https://www.example.org/story/13/",  # another article
    "https://www.example.org/story/12/?page=2",  # the query can change the page
])
def test_other_pages_are_not_flagged(tmp_path, url):
    ds = read_dataset([_write(tmp_path, url)])
    assert ds.ok, [p.message for p in ds.problems]


def test_releases_of_one_download_page_are_different_sources(tmp_path):
    ds = read_dataset([_write(tmp_path, "https://www.example.org/story/12/", published="2017-03-01")])
    assert ds.ok, [p.message for p in ds.problems]
