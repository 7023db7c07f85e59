"""Named posts a question may ask for ("Syria's defence minister", "the army's chief of staff").

Read as "who leads Syria?", such a question would name the head of state: a wrong answer given with confidence. The
holder of a post is whoever is recorded leading the body of that portfolio (a ministry of defence), or leading a body
of the country *in that role* (the ``role`` qualifier of a ``leads`` claim: the Assad-era defence ministers are
recorded as leading the army "as minister of defence"). Role texts are written freely in the data, so each post is
matched by a pattern, not by a fixed value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["POSTS", "Post", "asked_post"]


@dataclass(frozen=True, slots=True)
class Post:
    """A post: ``title`` as the answer names it; ``asked`` finds it in a question; ``role`` in a ``leads`` claim's
    role; ``body`` in the name or an alias of the body whose leader holds it (none: the post is known by role only)."""

    key: str
    title: str
    asked: re.Pattern
    role: re.Pattern
    body: re.Pattern | None = None

    def held_through(self, claim, body) -> bool:
        """Whether the ``leads`` ``claim`` (its object is ``body``) is a holding of this post."""
        if self.role.search(claim.qualifiers.get("role", "")):
            return True
        names = (body.name, *body.aliases) if body is not None else ()
        return self.body is not None and any(self.body.search(n) for n in names)


_DEFENCE = r"(?:defen[cs]e|war)"

POSTS: tuple[Post, ...] = (
    Post("defence", "defence minister",
         asked=re.compile(rf"\b{_DEFENCE}\s+minister\b|\bminister\s+(?:of|for)\s+(?:the\s+)?{_DEFENCE}\b"
                          r"|\bdefen[cs]e\s+(?:chief|secretary)\b|\bsecretary\s+of\s+defen[cs]e\b", re.I),
         role=re.compile(rf"\b{_DEFENCE}\s+minister\b|\bminist(?:er|ry)\s+(?:of|for)\s+{_DEFENCE}\b"
                         r"|\bsecretary\s+of\s+defen[cs]e\b", re.I),
         body=re.compile(r"\bministry\s+of\s+defen[cs]e\b|\bdefen[cs]e\s+ministry\b", re.I)),
    Post("premier", "prime minister",
         asked=re.compile(r"\bprime\s+minister\b|\bpremier\b", re.I),
         role=re.compile(r"\bprime\s+minister\b|\bpremier\b|\bhead\s+of\s+government\b", re.I)),
    Post("staff", "chief of staff",
         asked=re.compile(r"\bchief\s+of\s+(?:the\s+)?(?:general\s+)?staff\b", re.I),
         role=re.compile(r"\bchief\s+of\s+(?:the\s+)?(?:general\s+)?staff\b", re.I)),
    Post("foreign", "foreign minister",
         asked=re.compile(r"\bforeign\s+minister\b|\bminister\s+(?:of|for)\s+foreign\s+affairs\b", re.I),
         role=re.compile(r"\bforeign\s+minister\b|\bminist(?:er|ry)\s+(?:of|for)\s+foreign\s+affairs\b", re.I),
         body=re.compile(r"\bministry\s+of\s+foreign\s+affairs\b|\bforeign\s+ministry\b", re.I)),
    Post("interior", "interior minister",
         asked=re.compile(r"\binterior\s+minister\b|\bminister\s+of\s+(?:the\s+)?interior\b", re.I),
         role=re.compile(r"\binterior\s+minister\b|\bminist(?:er|ry)\s+of\s+(?:the\s+)?interior\b", re.I),
         body=re.compile(r"\bministry\s+of\s+(?:the\s+)?interior\b|\binterior\s+ministry\b", re.I)),
)


def asked_post(text: str) -> Post | None:
    """The post a question names, if any.

    >>> asked_post("Who is Syria's defence minister under Sharaa?").title
    'defence minister'
    >>> asked_post("Who was the Syrian army's chief of the general staff in 2016?").key
    'staff'
    >>> asked_post("Who leads Syria?") is None
    True
    """
    for post in POSTS:
        if post.asked.search(text or ""):
            return post
    return None
