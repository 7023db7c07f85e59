"""A source's ``title_from`` says where its title was read; a title made from the address is a warning.

The warning names the file and line of the field so a reviewer can go straight to the titles that still
need reading on the page; a misspelt value is an error, since it would otherwise hide such a title.
"""

from __future__ import annotations

import textwrap

from loaders import load_datasets, read_dataset
from loaders.cli.main import main

DATA = """\
actors:
  - {id: north, name: Northland, kind: state}
  - {id: south, name: Southland, kind: state}
sources:
  - id: read
    title: Northland funds Southland
    title_from: page
    publisher: Agency
    url: "https://example.org/read"
    published: 2016-02-10
  - id: guessed
    title: Northland Funds Southland
    title_from: {value}
    publisher: Paper
    url: "https://example.org/northland-funds-southland"
    published: 2016-02-11
  - id: plain
    title: Later report
    publisher: Paper
    url: "https://example.org/later"
    published: 2016-02-12
claims:
  - id: c1
    subject: north
    predicate: opposes
    object: south
    valid: 2016-02/..
    sources:
      - {id: read, attests: [start]}
      - {id: guessed, attests: [start]}
      - {id: plain, attests: [start]}
"""


def _write(tmp_path, value: str):
    (tmp_path / "data.yaml").write_text(textwrap.dedent(DATA.replace("{value}", value)), encoding="utf-8")
    return tmp_path


def test_a_title_made_from_the_address_warns_with_file_and_line(tmp_path):
    ds = read_dataset([_write(tmp_path, "address")])
    assert ds.ok
    flagged = [p for p in ds.warnings if p.field == "title_from"]
    # only the one source marked `address` is flagged, not the `page` one nor the one without the field
    assert len(flagged) == 1
    lines = (tmp_path / "data.yaml").read_text(encoding="utf-8").splitlines()
    assert flagged[0].line == lines.index("    title_from: address") + 1
    assert flagged[0].file.endswith("data.yaml")
    assert "made from the page address" in flagged[0].message and "headline" in flagged[0].message
    # a warning does not stop the load
    assert load_datasets([tmp_path]).source("guessed").title == "Northland Funds Southland"


def test_a_title_that_describes_an_unread_headline_warns(tmp_path):
    text = DATA.replace("{value}", "page").replace("title: Northland Funds Southland",
                                                   'title: "[headline not captured] Northland report of May 2016"')
    assert "[headline not captured]" in text
    (tmp_path / "data.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    ds = read_dataset([tmp_path])
    assert ds.ok
    [flagged] = [p for p in ds.warnings if p.field == "title"]
    assert "description" in flagged.message and "headline" in flagged.message
    assert load_datasets([tmp_path]).source("guessed").title.startswith("[headline not captured]")


def test_a_title_read_on_the_page_does_not_warn(tmp_path):
    ds = read_dataset([_write(tmp_path, "page")])
    assert ds.ok and not [p for p in ds.warnings if p.field == "title_from"]


def test_an_unknown_title_basis_is_an_error(tmp_path):
    ds = read_dataset([_write(tmp_path, "url")])
    assert not ds.ok
    [problem] = ds.problems
    # the problem names the field and says which values are allowed
    assert problem.field == "title_from" and "page" in problem.message and "address" in problem.message


def test_validate_prints_the_warning_and_strict_fails(tmp_path, capsys):
    _write(tmp_path, "address")
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "warning:" in out and "title_from" in out
    assert main(["validate", "--strict", str(tmp_path)]) == 1


def test_a_mirror_copy_warns_and_a_syndicated_copy_does_not(tmp_path):
    text = textwrap.dedent(DATA.replace("{value}", "page"))
    text = text.replace('    url: "https://example.org/read"\n',
                        '    url: "https://example.org/read"\n    copy: mirror\n')
    text = text.replace('    url: "https://example.org/later"\n',
                        '    url: "https://example.org/later"\n    copy: syndication\n')
    (tmp_path / "data.yaml").write_text(text, encoding="utf-8")
    ds = read_dataset([tmp_path])
    assert ds.ok
    flagged = [p for p in ds.warnings if p.field == "copy"]
    assert len(flagged) == 1
    assert flagged[0].line == text.splitlines().index("    copy: mirror") + 1
    assert "cite the original" in flagged[0].message
    (tmp_path / "data.yaml").write_text(text.replace("copy: mirror", "copy: blog"), encoding="utf-8")
    [problem] = read_dataset([tmp_path]).problems
    assert problem.field == "copy" and "syndication" in problem.message and "mirror" in problem.message


def test_a_title_read_in_another_pages_citation_names_that_page(tmp_path):
    text = textwrap.dedent(DATA.replace("{value}", "citation")).replace(
        "    title_from: citation\n",
        "    title_from: citation\n    title_cited_by: \"https://example.org/wiki/Northland\"\n")
    (tmp_path / "data.yaml").write_text(text, encoding="utf-8")
    ds = read_dataset([tmp_path])
    # a cited title is a read title: no warning, no error
    assert ds.ok and not [p for p in ds.warnings if p.field == "title_from"]


def test_a_cited_title_without_the_citing_page_is_an_error_and_loads_nothing(tmp_path):
    _write(tmp_path, "citation")
    ds = read_dataset([tmp_path])
    assert not ds.ok
    [problem] = ds.problems
    lines = (tmp_path / "data.yaml").read_text(encoding="utf-8").splitlines()
    assert problem.field == "title_cited_by" and "title_cited_by" in problem.message
    assert problem.line == lines.index("  - id: guessed") + 1


def test_a_citing_page_without_title_from_citation_is_an_error(tmp_path):
    text = textwrap.dedent(DATA.replace("{value}", "page")).replace(
        "  - id: plain\n", "  - id: plain\n    title_cited_by: \"https://example.org/list\"\n")
    (tmp_path / "data.yaml").write_text(text, encoding="utf-8")
    ds = read_dataset([tmp_path])
    assert [p.field for p in ds.problems] == ["title_cited_by"]
