"""Broken, hostile and odd input to every command that reads input: a clear error, located, and no harm done.

Each case builds its input in a fresh folder, runs one ``actorgraph`` command line and checks the
exit status (2 for bad input; 1 for ``validate`` finding problems; 0 for odd input that is valid),
that the first line of stderr is one ``actorgraph: error:`` line naming what is wrong (file and line
where there is one), and that nothing in the folder was written or changed when the command failed.
A traceback, or the last-resort "internal error" (exit 70), fails the case.
"""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from graph.store import write_store
from graph.store.container import write_container
from graph.store.encode import encode_graph
from loaders import bundled_dataset, load_datasets
from loaders.cli.main import main
from tests.graph.storefiles import first_version, forged

ACTORS = """actors:
  - id: hts
    name: Hayat Tahrir al-Sham
    kind: armed_group
  - id: sna
    name: Syrian National Army
    kind: armed_group
"""
SOURCES = """sources:
  - id: s1
    title: A report
    publisher: Example News
    url: https://example.org/1
    published: 2024-12-05
"""
CLAIMS = """claims:
  - id: c1
    subject: hts
    predicate: fights
    object: sna
    valid: 2024
    sources: [s1]
"""


def dataset(tmp: Path, name: str = "data", **files: str) -> Path:
    """A dataset folder with the three good files, some replaced or added by ``files`` (text, or bytes)."""
    folder = tmp / name
    folder.mkdir(exist_ok=True)
    contents = {"actors.yaml": ACTORS, "sources.yaml": SOURCES, "claims.yaml": CLAIMS, **files}
    for file_name, text in contents.items():
        if text is None:
            continue
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (folder / file_name).write_bytes(data)
    return folder


def write(tmp: Path, name: str, content: str | bytes) -> Path:
    path = tmp / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "actors:\n  - id: x\n    name: x\n    kind: armed_group\n" + "\n".join(lines) + "\n"


@dataclass
class Case:
    """One command line on one input: ``argv`` may use ``{tmp}``; ``setup`` builds the input in ``tmp``."""

    id: str
    argv: list[str]
    setup: Callable[[Path], object] = lambda tmp: None
    code: int = 2
    words: tuple[str, ...] = ()  # each must appear in the first line of stderr (or in stdout for validate)
    absent: tuple[str, ...] = ()  # must not appear anywhere in the output
    stdin: bytes | None = None
    changes: bool = False  # the command may write (success cases)
    check: Callable[[Path], None] | None = None  # more checks on the folder afterwards
    marks: tuple = field(default_factory=tuple)


def _store(tmp: Path) -> Path:
    path = tmp / "seed.agstore"
    write_store(load_datasets([bundled_dataset("seed")]), path)
    return path


def _flip(tmp: Path, where: str) -> None:
    path = _store(tmp)
    data = bytearray(path.read_bytes())
    index = {"payload": len(data) - 100, "header": 60, "length": 20}[where]
    data[index] ^= 0x10
    path.write_bytes(bytes(data))


def _truncate(tmp: Path) -> None:
    path = _store(tmp)
    path.write_bytes(path.read_bytes()[:-1000])


def _crafted_store(tmp: Path, change: str) -> None:
    """A store with a valid checksum whose content lies (written by write_container, not write_store)."""
    arrays, meta = encode_graph(load_datasets([bundled_dataset("seed")]))
    if change == "version":
        meta = {**meta, "format": 99}
    elif change == "index":
        subject = arrays["claim.subject"].copy()
        subject[0] = 10_000
        arrays = {**arrays, "claim.subject": subject}
    elif change == "negative":
        subject = arrays["claim.subject"].copy()
        subject[0] = -1  # a valid Python index: would silently name the last actor
        arrays = {**arrays, "claim.subject": subject}
    elif change == "short":
        arrays = {**arrays, "claim.status": arrays["claim.status"][:-1]}
    write_container(tmp / "seed.agstore", arrays, meta)


def _header_lie(tmp: Path, key: str, value) -> None:
    """A store whose header's array table lies, with the checksum recomputed to match (a careful forger)."""
    path = _store(tmp)
    path.write_bytes(forged(path.read_bytes(), lambda header: header["arrays"]["claim.subject"].update({key: value})))


def _legacy_store(tmp: Path, damage: bool) -> None:
    """A store as the first version wrote it (payload checksum only), optionally with one payload bit flipped."""
    path = _store(tmp)
    data = bytearray(first_version(path.read_bytes()))
    if damage:
        data[-50] ^= 0x01
    path.write_bytes(bytes(data))


def _symlink(tmp: Path, name: str, target: str) -> None:
    folder = dataset(tmp)
    os.symlink(target, folder / name)


def _loop_folder(tmp: Path) -> None:
    folder = dataset(tmp)
    (folder / "more").mkdir()
    os.symlink("..", folder / "more" / "again")


def _fifo(tmp: Path) -> None:
    folder = dataset(tmp)
    os.mkfifo(folder / "pipe.yaml")


def _io_error(tmp: Path) -> None:
    folder = dataset(tmp)
    os.symlink("/proc/self/mem", folder / "broken-disk.yaml")  # opens fine, every read fails with EIO


def _unreadable(tmp: Path) -> None:
    folder = dataset(tmp)
    (folder / "actors.yaml").chmod(0)


def _same(path: Path, text: str) -> Callable[[Path], None]:
    def check(tmp: Path) -> None:
        assert (tmp / path).read_text(encoding="utf-8") == text

    return check


def _csv_dataset(tmp: Path, actors_csv: bytes) -> None:
    dataset(tmp, **{"actors.yaml": None, "actors.csv": actors_csv})


GOOD_ACTORS_CSV = b"id,name,kind\nhts,Hayat Tahrir al-Sham,armed_group\nsna,Syrian National Army,armed_group\n"
GOLD_OK = "dataset: seed\nparagraphs:\n- id: p1\n  published: '2024-12-05'\n  text: HTS captured Hama.\n"

CASES = [
    # ------------------------------------------------------------------ YAML
    Case("yaml-alias-bomb", ["validate", "{tmp}/bomb.yaml"], lambda t: write(t, "bomb.yaml", alias_bomb()),
         1, ("bomb.yaml:", "alias bomb")),
    Case("yaml-alias-bomb-as-data", ["info", "--data", "{tmp}/bomb.yaml"],
         lambda t: write(t, "bomb.yaml", alias_bomb()), 2, ("bomb.yaml:", "alias bomb")),
    Case("yaml-recursive-alias", ["validate", "{tmp}/r.yaml"], lambda t: write(t, "r.yaml", "actors: &a [*a]\n"),
         1, ("r.yaml:1:", "recursive")),
    Case("yaml-recursive-alias-deep", ["validate", "{tmp}/r.yaml"],
         lambda t: write(t, "r.yaml", "actors:\n  - &x\n    id: a\n    more: [1, [2, *x]]\n"), 1,
         ("r.yaml:4:", "recursive")),
    Case("yaml-undefined-alias", ["validate", "{tmp}/u.yaml"], lambda t: write(t, "u.yaml", "actors: *nothing\n"),
         1, ("u.yaml:1:", "*nothing")),
    Case("yaml-deep-nesting-500", ["validate", "{tmp}/d.yaml"],
         lambda t: write(t, "d.yaml", "actors: " + "[" * 500 + "]" * 500 + "\n"), 1, ("d.yaml:1:", "nesting")),
    Case("yaml-deep-nesting-block", ["validate", "{tmp}/d.yaml"],
         lambda t: write(t, "d.yaml", "".join(f"{' ' * i}k{i}:\n" for i in range(200)) + " " * 200 + "v\n"),
         1, ("d.yaml:", "nesting")),
    Case("yaml-deep-nesting-100000", ["validate", "{tmp}/d.yaml"],
         lambda t: write(t, "d.yaml", "actors: " + "[" * 100_000 + "]" * 100_000 + "\n"), 1, ("d.yaml:1:", "nesting")),
    Case("yaml-huge-file", ["info", "--data", "{tmp}/huge.yaml"],
         lambda t: os.truncate(write(t, "huge.yaml", b"actors: []\n"), (1 << 30) + 1), 2, ("huge.yaml", "larger than")),
    Case("yaml-tab-indent", ["validate", "{tmp}/data"], lambda t: dataset(t, **{"actors.yaml": "actors:\n\t- id: x\n"}),
         1, ("actors.yaml:2:", "tabs")),
    Case("yaml-bom-is-fine", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"actors.yaml": b"\xef\xbb\xbf" + ACTORS.encode()}), 0, ("ok: 2 actors",)),
    Case("yaml-crlf-is-fine", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"claims.yaml": CLAIMS.replace("\n", "\r\n")}), 0, ("1 claims",)),
    Case("yaml-utf16-with-bom-is-fine", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"actors.yaml": ACTORS.encode("utf-16")}), 0, ("ok: 2 actors",)),
    Case("yaml-utf16-without-bom", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"actors.yaml": ACTORS.encode("utf-16-le")}), 1, ("actors.yaml:1:2:", "UTF-16")),
    Case("yaml-bad-utf8", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"actors.yaml": ACTORS.encode().replace(b"Syrian", b"Syr\xe9an")}),
         1, ("actors.yaml:6:14:", "not UTF-8", "0xe9")),
    Case("yaml-bad-utf16", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"actors.yaml": "actors: []\n".encode("utf-16") + b"\x00\xd8"}), 1,
         ("actors.yaml:2:", "not UTF-16")),
    Case("yaml-nul", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"claims.yaml": CLAIMS.replace("fights", "fig\0hts")}), 1,
         ("claims.yaml:4:19:", "NUL")),
    Case("yaml-escape-character", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"claims.yaml": CLAIMS.replace("fights", "fig\x1bhts")}), 1,
         ("claims.yaml:4:19:", "U+001B")),
    Case("yaml-unclosed-quote", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"actors.yaml": ACTORS.replace("name: Syrian", 'name: "Syrian')}), 1,
         ("actors.yaml:6:", "never closed")),
    Case("yaml-unclosed-bracket", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"claims.yaml": CLAIMS.replace("[s1]", "[s1")}), 1, ("claims.yaml:",)),
    Case("yaml-duplicate-key", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"claims.yaml": CLAIMS.replace("    valid: 2024\n",
                                                               "    valid: 2024\n    valid: 2023\n")}),
         1, ("claims.yaml:7:", "appears twice")),
    Case("yaml-python-tag-never-runs", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"actors.yaml": ACTORS.replace(
             "name: Syrian National Army", f'name: !!python/object/apply:os.system ["touch {t}/PWNED"]')}),
         1, ("actors.yaml:6:", "!!python/object/apply:os.system"),
         check=lambda t: not (t / "PWNED").exists() or pytest.fail("a YAML tag ran a command")),
    Case("yaml-custom-tag", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"actors.yaml": ACTORS.replace("kind: armed_group", "kind: !evil armed_group", 1)}),
         1, ("actors.yaml:4:", "'!evil'")),
    Case("yaml-list-document", ["validate", "{tmp}/l.yaml"], lambda t: write(t, "l.yaml", "- a\n- b\n"),
         1, ("l.yaml:1:", "must be a mapping")),
    Case("yaml-scalar-document", ["validate", "{tmp}/s.yaml"], lambda t: write(t, "s.yaml", "just some text\n"),
         1, ("s.yaml:1:", "must be a mapping")),
    Case("yaml-two-documents", ["validate", "{tmp}/m.yaml"], lambda t: write(t, "m.yaml", ACTORS + "---\n" + SOURCES),
         1, ("m.yaml:8:", "second YAML document")),
    Case("yaml-empty-file-is-no-records", ["validate", "{tmp}/data"], lambda t: dataset(t, **{"empty.yaml": ""}),
         0, ("ok: 2 actors",)),
    Case("yaml-key-is-a-mapping", ["validate", "{tmp}/k.yaml"], lambda t: write(t, "k.yaml", "? {a: 1}\n: x\n"),
         1, ("k.yaml:1:", "key must be plain text")),
    Case("yaml-indentation-error-no-follow-ons", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"actors.yaml": ACTORS.replace("    name: Syrian", "   name: Syrian"),
                                 "claims.yaml": CLAIMS + "".join(CLAIMS.split("\n", 1)[1].replace("c1", f"c{i}")
                                                                 for i in range(2, 27))}),
         1, ("actors.yaml:", "YAML syntax error", "1 problem(s)"), absent=("unknown actor",)),
    Case("yaml-root-error-first", ["relations", "--data", "{tmp}/data"],
         lambda t: dataset(t, **{"actors.yaml": ACTORS + "  - id: [broken\n",
                                 "claims.yaml": CLAIMS.replace("object: sna", "object: nobody")}),
         2, ("actors.yaml:8:", "YAML syntax error", "1 more problem")),
    Case("yaml-bad-id-says-what-is-expected", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"actors.yaml": ACTORS.replace("id: sna", "id: SNA 2")}), 1,
         ("actors.yaml:5:", "lower-case")),
    # ------------------------------------------------------------------ dataset CSV
    Case("csv-bad-byte-in-header", ["validate", "{tmp}/data"],
         lambda t: _csv_dataset(t, b"id,n\xe4me,kind\nhts,HTS,armed_group\n"), 1, ("actors.csv:1:5:", "not UTF-8")),
    Case("csv-bad-byte-in-row", ["validate", "{tmp}/data"],
         lambda t: _csv_dataset(t, GOOD_ACTORS_CSV.replace(b"National", b"Nation\xe4l")), 1, ("actors.csv:3:18:",)),
    Case("csv-latin1-file", ["info", "--data", "{tmp}/data"],
         lambda t: _csv_dataset(t, "id,name,kind\nhts,Hay'at Tahrir al-Shâm,armed_group\n".encode("latin-1")), 2,
         ("actors.csv:2:", "Latin-1")),
    Case("csv-ragged-row", ["validate", "{tmp}/data"],
         lambda t: _csv_dataset(t, GOOD_ACTORS_CSV + b"x,X,armed_group,extra,cells\n"), 1,
         ("actors.csv:4:", "5 cells")),
    Case("csv-huge-field", ["validate", "{tmp}/data"],
         lambda t: _csv_dataset(t, GOOD_ACTORS_CSV + b"big," + b"x" * 200_000 + b",armed_group\n"), 1,
         ("actors.csv:4:", "longer than")),
    Case("csv-unclosed-quote", ["validate", "{tmp}/data"],
         lambda t: _csv_dataset(t, b'id,name,kind\nhts,"Hayat Tahrir,armed_group\nsna,SNA,armed_group\n'), 1,
         ("actors.csv:2:", "never closed")),
    Case("csv-stray-quote", ["validate", "{tmp}/data"],
         lambda t: _csv_dataset(t, b'id,name,kind\nhts,"HTS"x,armed_group\n'), 1, ("actors.csv:2:", "closing quote")),
    Case("csv-nul", ["validate", "{tmp}/data"],
         lambda t: _csv_dataset(t, GOOD_ACTORS_CSV.replace(b"Syrian", b"Syr\0an")), 1, ("actors.csv:3:8:", "NUL")),
    Case("csv-no-id-column", ["validate", "{tmp}/data"], lambda t: _csv_dataset(t, b"name,kind\nHTS,armed_group\n"),
         1, ("actors.csv:1:", "'id'")),
    Case("csv-duplicate-column", ["validate", "{tmp}/data"],
         lambda t: _csv_dataset(t, b"id,name,name,kind\nhts,HTS,H,armed_group\n"), 1, ("actors.csv:1:", "twice")),
    Case("csv-crlf-and-bom-are-fine", ["validate", "{tmp}/data"],
         lambda t: _csv_dataset(t, b"\xef\xbb\xbf" + GOOD_ACTORS_CSV.replace(b"\n", b"\r\n")), 0, ("ok: 2 actors",)),
    Case("csv-broken-quote-no-follow-ons", ["validate", "{tmp}/data"],
         lambda t: _csv_dataset(t, b'id,name,kind\nhts,"HTS"x,armed_group\nsna,SNA,armed_group\n'), 1,
         ("actors.csv:2:",), absent=("unknown actor",)),
    # ------------------------------------------------------------------ stores
    Case("store-truncated", ["info", "--data", "{tmp}/seed.agstore"], _truncate, 2,
         ("damaged store", "seed.agstore", "truncated", "rebuild")),
    Case("store-bit-flip-payload", ["info", "--data", "{tmp}/seed.agstore"], lambda t: _flip(t, "payload"), 2,
         ("damaged store", "checksum")),
    Case("store-bit-flip-header", ["info", "--data", "{tmp}/seed.agstore"], lambda t: _flip(t, "header"), 2,
         ("damaged store", "seed.agstore")),
    Case("store-bit-flip-length", ["info", "--data", "{tmp}/seed.agstore"], lambda t: _flip(t, "length"), 2,
         ("damaged store", "seed.agstore")),
    Case("store-wrong-magic", ["info", "--data", "{tmp}/seed.agstore"],
         lambda t: write(t, "seed.agstore", b"ACTORGRAPH-STORE 7\n" + b"\0" * 100), 2, ("seed.agstore", "not a store")),
    Case("store-wrong-version", ["info", "--data", "{tmp}/seed.agstore"], lambda t: _crafted_store(t, "version"), 2,
         ("seed.agstore", "format 99", "rebuild")),
    Case("store-index-out-of-range", ["info", "--data", "{tmp}/seed.agstore"], lambda t: _crafted_store(t, "index"),
         2, ("damaged store", "claim.subject")),
    Case("store-negative-index", ["info", "--data", "{tmp}/seed.agstore"], lambda t: _crafted_store(t, "negative"),
         2, ("damaged store", "claim.subject")),
    Case("store-short-column", ["info", "--data", "{tmp}/seed.agstore"], lambda t: _crafted_store(t, "short"), 2,
         ("damaged store", "claim.status")),
    Case("store-header-offset-past-end", ["info", "--data", "{tmp}/seed.agstore"],
         lambda t: _header_lie(t, "offset", 10**12), 2, ("damaged store", "past the end")),
    Case("store-header-shape-lie", ["info", "--data", "{tmp}/seed.agstore"],
         lambda t: _header_lie(t, "shape", [10**9]), 2, ("damaged store", "does not fit")),
    Case("store-header-object-dtype", ["info", "--data", "{tmp}/seed.agstore"],
         lambda t: _header_lie(t, "dtype", "|O"), 2, ("damaged store", "impossible")),
    Case("store-first-version-still-loads", ["info", "--data", "{tmp}/seed.agstore"],
         lambda t: _legacy_store(t, damage=False), 0, ()),
    Case("store-first-version-damaged", ["info", "--data", "{tmp}/seed.agstore"],
         lambda t: _legacy_store(t, damage=True), 2, ("damaged store", "checksum")),
    Case("validate-a-store", ["validate", "{tmp}/seed.agstore"], _store, 0, ("ok: 9 actors",)),
    Case("validate-a-damaged-store", ["validate", "{tmp}/seed.agstore"], lambda t: _flip(t, "payload"), 1,
         ("seed.agstore", "damaged store")),
    Case("merge-against-a-store", ["extract", "{tmp}/a.txt", "--published", "2024-12-05", "--data",
                                   "{tmp}/seed.agstore", "--url", "https://x.org/a", "--merge-into", "{tmp}/news"],
         lambda t: (_store(t), write(t, "a.txt", "HTS captured Hama on Thursday.")), 0, ("wrote",), changes=True),
    Case("store-unmatched-of-damaged", ["crosswalk", "list", "--unmatched", "{tmp}/seed.agstore"],
         lambda t: _flip(t, "payload"), 2, ("damaged store",)),
    # ------------------------------------------------------------------ files, folders, links
    Case("broken-symlink", ["validate", "{tmp}/data"], lambda t: _symlink(t, "gone.yaml", "nowhere.yaml"), 1,
         ("gone.yaml", "broken symbolic link")),
    Case("symlink-to-itself", ["validate", "{tmp}/data"], lambda t: _symlink(t, "self.yaml", "self.yaml"), 1,
         ("self.yaml", "loop")),
    Case("symlink-folder-loop", ["validate", "{tmp}/data"], _loop_folder, 1, ("again", "loop")),
    Case("fifo-in-dataset", ["validate", "{tmp}/data"], _fifo, 1, ("pipe.yaml", "not a regular file")),
    Case("io-error-names-the-file", ["info", "--data", "{tmp}/data"], _io_error, 2,
         ("broken-disk.yaml", "I/O error")),
    Case("data-is-a-file-of-another-kind", ["info", "--data", "{tmp}/notes.txt"],
         lambda t: write(t, "notes.txt", "hello"), 2, ("notes.txt", "not a dataset file")),
    Case("data-folder-without-datasets", ["info", "--data", "{tmp}/empty"], lambda t: (t / "empty").mkdir(), 2,
         ("empty", "no dataset files")),
    Case("data-folder-named-like-a-file", ["info", "--data", "{tmp}/x.yaml"], lambda t: (t / "x.yaml").mkdir(), 2,
         ("x.yaml", "no dataset files")),
    # ------------------------------------------------------------------ outputs
    Case("export-neo4j-csv-into-a-dataset-folder", ["export", "neo4j-csv", "--data", "seed", "-o", "{tmp}/data"],
         dataset, 2, ("data", "not a neo4j-csv export", "--force")),
    Case("export-csv-into-a-dataset-folder", ["export", "csv", "--data", "seed", "-o", "{tmp}/data"], dataset, 2,
         ("data", "actors.yaml")),
    Case("export-gexf-over-a-yaml-file", ["export", "gexf", "--data", "seed", "-o", "{tmp}/claims.yaml"],
         lambda t: write(t, "claims.yaml", CLAIMS), 2, ("claims.yaml", "not a gexf file")),
    Case("export-html-over-a-store", ["export", "html", "--data", "seed", "-o", "{tmp}/seed.agstore"], _store, 2,
         ("seed.agstore", "not a html file")),
    Case("export-json-into-a-folder", ["export", "json", "--data", "seed", "-o", "{tmp}/data"], dataset, 2,
         ("data", "folder")),
    Case("export-csv-over-a-file", ["export", "csv", "--data", "seed", "-o", "{tmp}/claims.yaml"],
         lambda t: write(t, "claims.yaml", CLAIMS), 2, ("claims.yaml", "folder")),
    Case("export-gexf-with-force-replaces", ["export", "gexf", "--data", "seed", "--force", "-o", "{tmp}/old.gexf"],
         lambda t: write(t, "old.gexf", "not gexf"), 0, ("wrote",), changes=True,
         check=lambda t: b"<gexf" in (t / "old.gexf").read_bytes()[:500] or pytest.fail("not replaced")),
    Case("pack-over-a-yaml-file", ["pack", "seed", "-o", "{tmp}/claims.yaml"],
         lambda t: write(t, "claims.yaml", CLAIMS), 2, ("claims.yaml", "not a store file")),
    Case("pack-into-a-folder", ["pack", "seed", "-o", "{tmp}/data"], dataset, 2, ("data", "folder")),
    Case("pack-over-its-own-store", ["pack", "seed", "-o", "{tmp}/seed.agstore"], _store, 0, ("wrote",),
         changes=True),
    Case("import-into-a-curated-folder", ["import", "csv", "{tmp}/edges.csv", "--map",
                                          "subject=a,object=b,predicate==supports", "--source-url", "https://x.org",
                                          "--source-publisher", "X", "--source-published", "2020", "-o", "{tmp}/data"],
         lambda t: (dataset(t), write(t, "edges.csv", "a,b\nx,y\n")), 2, ("data", "not an import folder")),
    Case("import-store-over-a-yaml-file", ["import", "ucdp-actors", "{tmp}/list.csv", "-o", "{tmp}/claims.yaml"],
         lambda t: (write(t, "claims.yaml", CLAIMS), write(t, "list.csv", "ActorId,NameData,Org\n1,A,1\n")), 2,
         ("claims.yaml", "is a file")),
    Case("extract-merge-without-url", ["extract", "{tmp}/a.txt", "--published", "2024-12-05", "--data", "seed",
                                       "--merge-into", "{tmp}/news"],
         lambda t: write(t, "a.txt", "HTS captured Hama on Thursday."), 2, ("--url",),
         check=lambda t: not (t / "news").exists() or pytest.fail("an empty folder was left")),
    Case("extract-merge-into-a-file", ["extract", "{tmp}/a.txt", "--published", "2024-12-05", "--data", "seed",
                                       "--url", "https://x.org/a", "--merge-into", "{tmp}/claims.yaml"],
         lambda t: (write(t, "a.txt", "HTS captured Hama on Thursday."), write(t, "claims.yaml", CLAIMS)), 2,
         ("claims.yaml", "is a file")),
    Case("extract-merge-into-a-non-dataset-folder", ["extract", "{tmp}/a.txt", "--published", "2024-12-05", "--data",
                                                     "seed", "--url", "https://x.org/a", "--merge-into", "{tmp}/docs"],
         lambda t: (write(t, "a.txt", "HTS captured Hama on Thursday."), (t / "docs").mkdir(),
                    write(t / "docs", "letter.txt", "private")), 2, ("docs", "no dataset file")),
    Case("extract-merge-bad-url-leaves-no-folder", ["extract", "{tmp}/a.txt", "--published", "2024-12-05", "--data",
                                                    "seed", "--url", "not a url", "--merge-into", "{tmp}/news"],
         lambda t: write(t, "a.txt", "HTS captured Hama on Thursday."), 2, ("--url", "not a url"),
         check=lambda t: not (t / "news").exists() or pytest.fail("an empty folder was left")),
    # ------------------------------------------------------------------ crosswalk
    Case("crosswalk-to-before-from", ["crosswalk", "set", "acled", "X", "hts", "--from", "2016", "--to", "2015",
                                      "--crosswalk", "{tmp}/cw.csv"], code=2, words=("not after",),
         check=lambda t: not (t / "cw.csv").exists() or pytest.fail("a crosswalk was saved")),
    Case("crosswalk-bad-date", ["crosswalk", "set", "acled", "X", "hts", "--from", "last spring",
                                "--crosswalk", "{tmp}/cw.csv"], code=2, words=("from", "EDTF")),
    Case("crosswalk-file-with-bad-bytes", ["crosswalk", "list", "--crosswalk", "{tmp}/cw.csv"],
         lambda t: write(t, "cw.csv", b"scheme,key,actor,from,to,note\nacled,Caf\xe9,hts,,,\n"), 2,
         ("cw.csv:2:10:", "not UTF-8")),
    Case("crosswalk-file-with-unclosed-quote", ["crosswalk", "list", "--crosswalk", "{tmp}/cw.csv"],
         lambda t: write(t, "cw.csv", 'scheme,key,actor,from,to,note\nacled,"X,hts,,,\nacled,Y,sna,,,\n'), 2,
         ("cw.csv:2:", "never closed")),
    Case("crosswalk-row-with-reversed-span", ["crosswalk", "list", "--crosswalk", "{tmp}/cw.csv"],
         lambda t: write(t, "cw.csv", "scheme,key,actor,from,to,note\nacled,X,hts,2020,2019,\n"), 2,
         ("cw.csv:2:", "not after")),
    Case("crosswalk-is-a-folder", ["crosswalk", "list", "--crosswalk", "{tmp}/data"], dataset, 2,
         ("data", "folder")),
    # ------------------------------------------------------------------ imports
    Case("import-csv-bad-bytes", ["import", "csv", "{tmp}/e.csv", "--map", "subject=a,object=b,predicate==supports",
                                  "-o", "{tmp}/out"], lambda t: write(t, "e.csv", b"a,b\nx,y\nz,\xff\n"), 2,
         ("e.csv:3:3:", "not UTF-8"), check=lambda t: not (t / "out").exists() or pytest.fail("output written")),
    Case("import-ucdp-esd-nul", ["import", "ucdp-esd", "{tmp}/esd.csv", "-o", "{tmp}/out"],
         lambda t: write(t, "esd.csv", b"year,actor_id,actor_name,ext_id,ext_name\n2014,1,A\0,2,B\n"), 2,
         ("esd.csv:2:", "NUL")),
    Case("import-acled-empty-file", ["import", "acled", "{tmp}/acled.csv", "-o", "{tmp}/out"],
         lambda t: write(t, "acled.csv", b""), 2, ("acled.csv", "empty")),
    Case("import-acled-unclosed-quote", ["import", "acled", "{tmp}/acled.csv", "-o", "{tmp}/out"],
         lambda t: write(t, "acled.csv", "event_id_cnty,event_date,event_type,actor1,actor2,assoc_actor_1,"
                                         'assoc_actor_2\nSYR1,2020-01-01,"Battles,A,B,,\nSYR2,2020-01-02,Battles,A,B,,\n'),
         2, ("acled.csv:2:", "never closed")),
    Case("import-wikidata-not-json", ["import", "wikidata", "{tmp}/q.json", "-o", "{tmp}/out"],
         lambda t: write(t, "q.json", "{not json"), 2, ("q.json:1:", "not JSON")),
    Case("import-wikidata-deep-json", ["import", "wikidata", "{tmp}/q.json", "-o", "{tmp}/out"],
         lambda t: write(t, "q.json", "[" * 100_000 + "]" * 100_000), 2, ("q.json", "nested too deeply")),
    Case("import-wikidata-wrong-shape", ["import", "wikidata", "{tmp}/q.json", "-o", "{tmp}/out"],
         lambda t: write(t, "q.json", '{"entities": {"Q1": {"id": "Q1", "modified": "2024-01-01", "claims": [1]}}}'),
         2,
         ("q.json", "expected shape")),
    Case("import-input-is-a-folder", ["import", "acled", "{tmp}/data", "-o", "{tmp}/out"], dataset, 2,
         ("data", "folder")),
    # ------------------------------------------------------------------ queries and text inputs
    Case("query-param-without-value", ["query", "supporters-of", "--data", "seed", "--param", "actor"], code=2,
         words=("NAME=VALUE",)),
    Case("query-param-injection-is-a-name", ["query", "supporters-of", "--data", "seed", "--engine", "rdflib",
                                             "--param", 'actor="}) DETACH DELETE n //'], code=2,
         words=("no actor", "DETACH DELETE")),
    Case("templates-bad-bytes", ["templates", "--templates", "{tmp}/t"],
         lambda t: ((t / "t").mkdir(), write(t / "t", "x.cypher", b"# name: x\n# descr\xffiption: d\n"),
                    write(t / "t", "x.rq", "# name: x\n")), 2, ("x.cypher:2:", "not UTF-8")),
    Case("templates-folder-is-a-file", ["templates", "--templates", "{tmp}/t.cypher"],
         lambda t: write(t, "t.cypher", "# name: t\n"), 2, ("t.cypher", "does not exist")),
    Case("sparql-file-bad-bytes", ["sparql", "@{tmp}/q.rq", "--data", "seed"],
         lambda t: write(t, "q.rq", b"SELECT * WHERE { ?s ?p \xff }"), 2, ("q.rq:1:", "not UTF-8")),
    Case("sparql-file-missing", ["sparql", "@{tmp}/nothing.rq", "--data", "seed"], code=2,
         words=("nothing.rq", "no such file")),
    Case("cypher-file-is-a-folder", ["cypher", "@{tmp}/data", "--data", "seed"], dataset, 2, ("data", "folder")),
    Case("extract-input-bad-bytes", ["extract", "{tmp}/a.txt", "--published", "2024-12-05", "--data", "seed"],
         lambda t: write(t, "a.txt", b"HTS took Hama.\nThe \xff army left.\n"), 2, ("a.txt:2:5:", "not UTF-8")),
    Case("extract-input-is-a-folder", ["extract", "{tmp}/data", "--published", "2024-12-05", "--data", "seed"],
         dataset, 2, ("data", "folder")),
    Case("extract-stdin-bad-bytes", ["extract", "-", "--published", "2024-12-05", "--data", "seed"], code=2,
         words=("<stdin>:1:3:", "not UTF-8"), stdin=b"HT\xffS"),
    Case("extract-input-nul", ["extract", "{tmp}/a.bin", "--published", "2024-12-05", "--data", "seed"],
         lambda t: write(t, "a.bin", b"\x7fELF\x02\x01\x01\x00\x00"), 2, ("a.bin:1:", "NUL")),
    Case("explain-question-with-terminal-controls", ["explain", "Who supports \x1b[2J\u202eHTS?", "--data", "seed"],
         code=2, words=("\\x1b[2J", "\\u202e"), absent=("\x1b", "\u202e")),
    Case("explain-on-broken-data", ["explain", "Who is fighting in Syria?", "--data", "{tmp}/data"],
         lambda t: dataset(t, **{"sources.yaml": SOURCES.replace("url: https", "url: [https")}), 2,
         ("sources.yaml:5:", "YAML syntax error")),
    Case("eval-gold-alias-bomb", ["eval-extract", "{tmp}/gold.yaml", "--data", "seed"],
         lambda t: write(t, "gold.yaml", alias_bomb().replace("actors:", "paragraphs:", 1)), 2,
         ("gold.yaml:", "alias bomb")),
    Case("eval-gold-claims-not-text", ["eval-extract", "{tmp}/gold.yaml", "--data", "seed"],
         lambda t: write(t, "gold.yaml", GOLD_OK + "  claims: [{subject: hts}]\n"), 2, ("gold.yaml:3:", "claims")),
    Case("eval-gold-not-a-mapping", ["eval-extract", "{tmp}/gold.yaml", "--data", "seed"],
         lambda t: write(t, "gold.yaml", "- just\n- a list\n"), 2, ("gold.yaml:1:", "paragraphs")),
    Case("eval-gold-bad-date", ["eval-extract", "{tmp}/gold.yaml", "--data", "seed"],
         lambda t: write(t, "gold.yaml", GOLD_OK.replace("'2024-12-05'", "yesterday")), 2, ("gold.yaml:3:", "EDTF")),
    # ------------------------------------------------------------------ graph integrity
    Case("lineage-cycle", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"claims.yaml": "claims:\n" + "".join(
             f"  - {{id: {i}, subject: {s}, predicate: offshoot_of, object: {o}, valid: '2015', sources: [s1]}}\n"
             for i, s, o in (("l1", "hts", "sna"), ("l2", "sna", "hts")))}), 1,
         ("claims.yaml:", "lineage cycle", "l1", "l2")),
    Case("lineage-cycle-of-mergers", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"claims.yaml": "claims:\n" + "".join(
             f"  - {{id: {i}, subject: {s}, predicate: merged_into, object: {o}, valid: '2015', sources: [s1]}}\n"
             for i, s, o in (("m1", "hts", "sna"), ("m2", "sna", "hts")))}), 1, ("lineage cycle",)),
    Case("split-and-rejoin-is-history", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"claims.yaml": "claims:\n" + "".join(
             f"  - {{id: {i}, subject: hts, predicate: {p}, object: sna, valid: '{v}', sources: [s1]}}\n"
             for i, p, v in (("j1", "offshoot_of", "2015"), ("j2", "merged_into", "2018")))}), 0, ("ok:",)),
    Case("place-within-itself", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"places.yaml": "places:\n  - {id: hama, name: Hama, kind: city, lat: '35.1', "
                                                "lon: '36.7', within: hama}\n"}), 1,
         ("places.yaml:2:", "hama within hama")),
    Case("places-within-each-other", ["validate", "{tmp}/data"],
         lambda t: dataset(t, **{"places.yaml": "places:\n  - {id: a, name: A, kind: city, lat: '1', lon: '1', "
                                                "within: b}\n  - {id: b, name: B, kind: region, lat: '1', lon: '1', "
                                                "within: a}\n"}), 1, ("places.yaml:2:", "a within b within a")),
]

if os.geteuid() != 0:  # root reads any file whatever its mode
    CASES.append(Case("permission-denied", ["info", "--data", "{tmp}/data"], _unreadable, 2,
                      ("actors.yaml", "permission denied")))


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            rel = str(path.relative_to(folder))
            if path.is_symlink():
                out[rel] = "link:" + os.readlink(path)
            elif path.is_file() and os.access(path, os.R_OK) and path.stat().st_size < 1 << 20:
                out[rel] = path.read_bytes()
            else:
                out[rel] = "other"
    return out


def run_case(case: Case, tmp: Path, capsys, monkeypatch) -> tuple[int, str, str]:
    case.setup(tmp)
    before = _snapshot(tmp)
    argv = [a.replace("{tmp}", str(tmp)) for a in case.argv]
    if case.stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(case.stdin)))
    code = main(argv)
    out, err = capsys.readouterr()
    if not case.changes:
        assert _snapshot(tmp) == before, "a failing command changed its folder"
    if case.check:
        case.check(tmp)
    return code, out, err


def test_there_are_at_least_sixty_cases_across_the_commands():
    commands = {c.argv[0] for c in CASES}
    assert len(CASES) >= 60
    assert commands >= {"validate", "info", "relations", "export", "pack", "import", "crosswalk", "extract",
                        "eval-extract", "query", "templates", "sparql", "cypher", "explain"}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path, capsys, monkeypatch):
    code, out, err = run_case(case, tmp_path, capsys, monkeypatch)
    assert "Traceback" not in out + err and "internal error" not in err
    for word in case.absent:
        assert word not in out + err
    assert code == case.code, f"exit {code}, expected {case.code}\nstdout: {out[:2000]}\nstderr: {err[:2000]}"
    if code == 2:
        first = err.splitlines()[0]
        assert first.startswith("actorgraph: error: ")
        for word in case.words:
            assert word in first, f"{word!r} not in the first line of stderr: {first}"
    else:
        for word in case.words:
            assert word in out, f"{word!r} not in stdout: {out[:2000]}"


@pytest.mark.parametrize("argv", [
    ["validate", "{tmp}/r.yaml"],
    ["info", "--data", "{tmp}/r.yaml"],
])
def test_as_a_process_no_traceback_and_a_one_line_error(tmp_path, argv):
    """The same as above through the installed console script: what a user sees, with nothing in between."""
    write(tmp_path, "r.yaml", "actors: &a [*a]\n" + alias_bomb())
    done = subprocess.run([sys.executable, "-m", "loaders.cli", *[a.replace("{tmp}", str(tmp_path)) for a in argv]],
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr and done.returncode in (1, 2)
    shown = done.stdout if done.returncode == 1 else done.stderr
    assert "r.yaml:1:" in shown and "recursive" in shown


def test_a_gzip_bomb_is_not_read_as_text(tmp_path):
    """Compressed input is binary: refused at its first NUL, never inflated."""
    write(tmp_path, "claims.yaml", gzip.compress(b"\0" * 10_000_000))
    code = main(["validate", str(tmp_path / "claims.yaml")])
    assert code == 1
