"""How text from the data is made safe in each output format: one rule per format, in one place.

Names, notes and titles come from imported third-party data, so any of them may hold a spreadsheet
formula, a control character, HTML, Markdown syntax or a right-to-left override. Every writer
passes such text through the rule of its format here, and ``tests/graph/test_hostile_text.py``
runs the same hostile names through every format and reads each output back.

- CSV for spreadsheets (the ``csv`` export, ``--format csv``, the crosswalk, ``unmatched.csv``):
  :func:`spreadsheet_cell`. A cell that would start a formula (``=``, ``+``, ``-``, ``@``, tab,
  carriage return, line feed, or their full-width forms) gets a leading apostrophe, as OWASP
  recommends; plain numbers (``-33.5``) are left alone. :func:`spreadsheet_value` undoes it exactly
  where actorgraph reads its own CSV back (crosswalk, unmatched names).
- Every CSV: :func:`csv_text`: a carriage return is written as a line feed, which the csv module
  quotes (it leaves a lone carriage return unquoted, and readers then split the row there).
- ``neo4j-csv``: :func:`csv_text` only. ``neo4j-admin`` reads the cells as data, and an apostrophe
  would end up in the database.
- XML (GraphML, GEXF, SVG): :func:`xml_text`. Characters XML 1.0 cannot hold (C0 controls other
  than tab and line breaks, U+FFFE, U+FFFF, lone surrogates) are *replaced* by U+FFFD, so the file
  stays parseable and the place of the lost character stays visible. Markup is escaped by the XML writer.
- Pictures (SVG, PNG): :func:`picture_text`: XML-safe, controls shown as escapes, one line, ``$``
  escaped (matplotlib would read ``$...$`` as mathematics), cut to a label's length.
- Markdown (the explainer): :func:`markdown_text`. HTML and Markdown syntax characters are
  backslash-escaped, line breaks become spaces, invisible controls are shown as ``\\uXXXX``;
  addresses in autolinks go through :func:`markdown_url`.
- HTML: :func:`html_text` (``&``, ``<``, ``>``, ``"`` and ``'`` as entities); inside ``<script>``
  the viewer also writes ``<`` as ``\\u003c``.
- DOT (Graphviz): :func:`dot_string`, a double-quoted string: backslash and quote escaped, line
  breaks as ``\\n``, other controls replaced by U+FFFD.
- Tables on a terminal: :func:`visible`. Control characters (ANSI escape sequences included) and
  bidirectional overrides are shown as ``\\xNN`` / ``\\uXXXX``, so a name cannot move the cursor,
  recolour the terminal or reverse a line.
- JSON (``json``, ``cytoscape``, ``kumu``, ``--format json``): nothing beyond the JSON encoder's
  own escaping; the values are data, kept exactly.
"""

from __future__ import annotations

import html
import re

__all__ = ["csv_text", "dot_string", "html_text", "markdown_text", "markdown_url", "picture_text",
           "spreadsheet_cell", "spreadsheet_value", "visible", "xml_text"]

#: Characters that make a spreadsheet read a cell as a formula (OWASP's list, a line feed, which some
#: spreadsheets trim away before looking, and the full-width forms).
FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")  # LRM/RLM marks stay
_MARKDOWN = re.compile(r"([\\`*_\[\]<>&|~#])")


def _is_formula(rest: str) -> bool:
    return bool(rest) and rest[0] in FORMULA_START and not _NUMBER.fullmatch(rest)


def csv_text(value) -> str:
    r"""``value`` for a CSV cell: a carriage return becomes a line feed.

    Python's csv writer quotes a cell holding ``\n`` but not one holding a lone ``\r``, which every
    reader then takes for the end of the row; as a line feed the break stays inside the quoted cell.

    >>> csv_text("a\r\nb\rc")
    'a\nb\nc'
    """
    text = "" if value is None else str(value)
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def spreadsheet_cell(value) -> str:
    """``value`` as a CSV cell a spreadsheet shows as text, never runs as a formula.

    >>> spreadsheet_cell("=HYPERLINK(\\"http://x\\")"), spreadsheet_cell("-33.5"), spreadsheet_cell("al-Nusra")
    ('\\'=HYPERLINK("http://x")', '-33.5', 'al-Nusra')
    >>> spreadsheet_cell("'=1") == "''=1" and spreadsheet_value(spreadsheet_cell("'=1")) == "'=1"
    True
    """
    text = csv_text(value)
    return "'" + text if _is_formula(text.lstrip("'")) else text


def spreadsheet_value(cell: str) -> str:
    """The value :func:`spreadsheet_cell` wrote as ``cell`` (other cells are returned as they are).

    >>> spreadsheet_value("'=1+1"), spreadsheet_value("'Asa'ib Ahl al-Haq")
    ('=1+1', "'Asa'ib Ahl al-Haq")
    """
    if cell.startswith("'") and _is_formula(cell.lstrip("'")):
        return cell[1:]
    return cell


def xml_text(value) -> str:
    """``value`` with the characters XML 1.0 cannot hold replaced by U+FFFD (markup is the writer's job).

    >>> xml_text("Al\\x00-Qa\\x1bida\\ttab")
    'Al\\ufffd-Qa\\ufffdida\\ttab'
    """
    return _NOT_XML.sub("\ufffd", "" if value is None else str(value))


def picture_text(value, *, limit: int = 80) -> str:
    r"""``value`` as a label matplotlib draws as it is: XML-safe (SVG), ``$`` escaped (no mathtext), at most
    ``limit`` characters (a picture is read by eye; the data files carry the full text).

    >>> print(picture_text("costs $5 or $6")), len(picture_text("x" * 500))
    costs \$5 or \$6
    (None, 80)
    """
    text = visible(" ".join(xml_text(value).split()))  # no line breaks, no glyphs a font lacks for controls
    if len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    return text.replace("$", r"\$")


def visible(value) -> str:
    """``value`` with control characters and bidirectional overrides written out as escapes.

    >>> print(visible("evil\\x1b[2J\\u202eman"))
    evil\\x1b[2J\\u202eman
    """
    return _INVISIBLE.sub(_escape_char, "" if value is None else str(value))


def _escape_char(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def markdown_text(value) -> str:
    """``value`` as literal Markdown text: no HTML, no links, no emphasis, no new lines or headings.

    >>> markdown_text("<script>x</script> *[a](b)* # c")
    '\\\\<script\\\\>x\\\\</script\\\\> \\\\*\\\\[a\\\\](b)\\\\* \\\\# c'
    """
    text = " ".join(("" if value is None else str(value)).splitlines())
    return _MARKDOWN.sub(r"\\\1", visible(text))


def markdown_url(url) -> str:
    """``url`` for a Markdown autolink ``<...>``: the characters that would end it are percent-encoded.

    >>> markdown_url("https://x.org/a b<script>")
    'https://x.org/a%20b%3Cscript%3E'
    """
    text = visible("" if url is None else str(url))
    return text.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def html_text(value) -> str:
    """``value`` as HTML text or attribute content.

    >>> html_text('<b title="x">&</b>')
    '&lt;b title=&quot;x&quot;&gt;&amp;&lt;/b&gt;'
    """
    return html.escape("" if value is None else str(value), quote=True)


def dot_string(value) -> str:
    """``value`` as a DOT double-quoted string.

    >>> print(dot_string('the "regime"\\\\ 2\\nline\\x07'))
    "the \\"regime\\"\\\\ 2\\nline\ufffd"
    """
    text = ("" if value is None else str(value)).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return '"' + re.sub("[\x00-\x1f\x7f]", "\ufffd", _NOT_XML.sub("\ufffd", text)) + '"'
