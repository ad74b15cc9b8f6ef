"""Policy-release recognition: documents named in an article, their issuer, number, type, and release verbs."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

DOC_RE = re.compile(r"《([^《》]{2,120})》")
RELEASE_RE = re.compile(r"印发|发布|出台|公布|推出|编制完成|审议通过|创设")


@dataclass
class PolicyDocument:
    """A policy document or instrument named in an article."""

    title: str
    title_norm: str
    issuer: str | None = None
    doc_number: str | None = None
    doc_type: str | None = None
    is_release: bool = False
    field: str = "text"
    start: int = 0
    end: int = 0

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


@dataclass
class PolicyResult:
    """Every document named in the article; ``is_release`` when the article reports one being issued."""

    is_release: bool = False
    documents: list[PolicyDocument] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (what goes into ``item.policy``)."""
        return {"is_release": self.is_release, "documents": [d.as_dict() for d in self.documents]}


def normalise_title(title: str) -> str:
    """A matching key for a document title."""
    return re.sub(r"[\s《》]", "", title)


def recognise(title: str, text: str, meta: dict[str, str] | None = None, source: str = "") -> PolicyResult:
    """Find the policy documents an article names and whether it reports their release."""
    docs: list[PolicyDocument] = []
    for fname, value in (("title", title), ("text", text)):
        for m in DOC_RE.finditer(value):
            window = value[max(0, m.start() - 40) : m.end() + 20]
            docs.append(
                PolicyDocument(
                    title=m.group(0),
                    title_norm=normalise_title(m.group(1)),
                    is_release=bool(RELEASE_RE.search(window)),
                    field=fname,
                    start=m.start(),
                    end=m.end(),
                )
            )
    return PolicyResult(is_release=any(d.is_release for d in docs), documents=docs)
