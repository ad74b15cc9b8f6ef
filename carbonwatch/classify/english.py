"""Policy releases reported in English: the official translations that Chinese government sites publish
(english.www.gov.cn, the ministries' English pages) and the English-language press on Chinese policy.

The Chinese rules (``policydocs``) read none of this. The conventions read here are those of official English
titles, which translate the Chinese forms word for word: the kind first, then the issuer and the matter ("Notice of
the State Council on …", "Opinions of the CPC Central Committee and the State Council on …", "Measures for the
Administration of …"), or the matter then the kind ("2019-2020 Implementation Plan for …", "Eleventh Five-Year Plan of
Shanghai Municipality for …"); and those of news leads: a body released, issued or published a titled document, its
title in quotes or capitalised as a title is ("the Ministry of Ecology and Environment (MEE) released the Notice on the
Allowance Allocation Tasks"). A report, a study or a briefing (what think tanks and forums publish) is no release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The share of Latin letters over Chinese characters above which a page is read as English.
ENGLISH_RATIO = 3
ENGLISH_SAMPLE_CHARS = 2000
LEAD_CHARS = 800  # the lead, where news reports the release

# The kinds of official documents as their English titles name them, most specific first, with the Chinese kind
# the rules give each (``doc_type``).
KINDS = {
    "Guiding Opinions": "指导意见",
    "Implementation Opinions": "实施意见",
    "Implementation Suggestions": "实施意见",
    "Implementation Plan": "实施方案",
    "Implementation Rules": "实施细则",
    "Action Plan": "行动方案",
    "Action Program": "行动方案",
    "Action Programme": "行动方案",
    "Work Plan": "工作方案",
    "Five-Year Plan": "规划",
    "Interim Measures": "暂行办法",
    "White Paper": "白皮书",
    "Opinions": "意见",
    "Notice": "通知",
    "Circular": "通知",
    "Measures": "办法",
    "Regulations": "条例",
    "Regulation": "条例",
    "Provisions": "规定",
    "Rules": "规则",
    "Decision": "决定",
    "Guidelines": "指南",
    "Guideline": "指南",
    "Plan": "方案",
    "Program": "方案",
    "Programme": "方案",
    "Policies": "政策",
    "Outline": "纲要",
    "Announcement": "公告",
    "Order": "令",
    "List": "清单",
    "Catalogue": "目录",
    "Law": "法",
}
_KIND = "|".join(re.escape(k) for k in sorted(KINDS, key=len, reverse=True))
# Words a title keeps lower-case between its capitalised ones.
_SMALL = r"(?:of|on|for|the|and|to|in|a|an|at|by|with|from|about|its|into|under|over|between|or)"
# A word of a title as written: capitalised, a number or a year span, an abbreviation, a hyphenated compound, a word in
# brackets ("(Power Generation Industry)", "(Trial)").
_WORD = r"(?:[A-Z0-9](?:[\w’'-]|\.(?=\w))*|\((?:[A-Z][\w’'-]*\s?)+\))"  # (a full stop inside only: "No.1")
# A title: capitalised words and the small words between them, with a kind among them.
_TITLE = rf"{_WORD}(?:\s+(?:{_SMALL}\s+)*{_WORD})*"
KIND_RE = re.compile(rf"\b(?:{_KIND})\b")
KIND_ANY_CASE_RE = re.compile(rf"\b(?:{_KIND})\b", re.IGNORECASE)  # a quoted title may be written in lower case
# A body acting, and its verb of release in the past (not "aims to publish", "will be released").
RELEASE_VERB = r"(?:released|issued|published|unveiled|promulgated|rolled out|put forward|approved|adopted|announced)"
_NOT_YET = re.compile(
    r"(?:will|would|to|shall|may|might|could|yet to|expected to|plans? to|aims? to)(?:\s+be|\s+have)?\s*$"
)
# "… released the Notice on …", "… issued the “Implementation Plan on …”", "… the issuance of "X" notice".
RELEASED_RE = re.compile(
    rf"(?P<verb>{RELEASE_VERB}|on the issuance of)\s+(?:(?:the|a|an|its|new|revised|latest)\s+)*"
    r"(?:(?P<quoted>[“\"][^”\"\n]{8,250}[”\"])|(?P<title>" + _TITLE + r"))"
)
# The body before the verb: the capitalised name that ends right before it ("the State Council of China has
# approved", "the Ministry of Ecology and Environment (MEE) released").
# (joint bodies listed with commas and "and": "The CPC Chongqing Municipal Committee, …, Chongqing Municipal People’s
# Government and Sichuan Provincial People’s Government jointly issued")
ACTOR_RE = re.compile(
    rf"(?P<actor>(?:[A-Z][\w’'-]*|{_SMALL})(?:,?[ \t]+(?:[A-Z][\w’'-]*|{_SMALL}|\([A-Z]{{2,10}}\)))*)"
    r"[ \t]+(?:(?:has|have|had|recently|officially|jointly|formally|today|on \w+ \d{1,2})[ \t]+)*$"
)
# A government body by the words its English name is made of (the State Council, a ministry, a province's people's
# government, a municipal committee), or a central body the table knows by its abbreviation.
GOVERNMENT_ACTOR_RE = re.compile(
    r"\b(?:Government|Ministry|Commission|Council|Administration|Bureau|Committee|Province|Municipality|Office"
    r"|Department|Congress|Authority|Agency|Bank of China|Customs)\b"
)
# The time or manner a lead opens with before its subject: "Recently, Shandong Province issued …".
LEAD_OPENER_RE = re.compile(r"^(?:(?:Recently|Meanwhile|Earlier|Today|Yesterday|On [^,]{3,30}|In [^,]{3,30}),\s*)+")
# A page that prints the document: its heading repeated as the text's first line, then what official texts say of
# themselves ("this Plan is hereby formulated", "is hereby announced", "Article 1", "Chapter I") or a dated line under
# the heading.
SELF_REFERENCE_RE = re.compile(
    r"\bhereby\b|\bArticle 1\b|\bChapter I\b"
    r"|\b[Tt]he present (?:plan|measures|provisions|rules|regulations|implementation suggestions|opinions|notice)\b"
    r"|^\((?:[A-Z][a-z]+ \d{1,2}, \d{4})\)$|\bTo the (?:departments|people's governments|governments)\b",
    re.MULTILINE,
)
# What think tanks, forums and companies publish, and the press's own words: no official document.
NOT_OFFICIAL_RE = re.compile(
    r"\b(?:Report|Study|Briefing|Insight|White ?paper by|Index|Survey|Toolkit|Framework by|Press Conference|Meeting)\b"
)
# A covering notice's title: the document it issues is the release, issued by the notice's body.
COVERING_RE = re.compile(
    r"^(?:The )?(?:Notice|Circular) of (?:the )?(?P<issuer>.+?) on (?:Issuing|Printing and Distributing|Distributing"
    r"|Promulgating|Forwarding) (?:the )?(?P<title>.+)$"
)
# "Order No. 1 of 2019 on X": an order's number before the decision it promulgates.
ORDER_ON_RE = re.compile(r"^(?:[A-Z]{2,10}\s+)?Order No\.\s*(?P<no>\d+) of (?P<year>\d{4}) on (?P<title>.+)$")


# Central bodies by their official English names and abbreviations, as the rules name them in Chinese.
BODIES = {
    "State Council": "国务院",
    "General Office of the State Council": "国务院办公厅",
    "CPC Central Committee": "中共中央",
    "National Development and Reform Commission": "国家发展改革委",
    "NDRC": "国家发展改革委",
    "Ministry of Ecology and Environment": "生态环境部",
    "MEE": "生态环境部",
    "Ministry of Commerce": "商务部",
    "MOFCOM": "商务部",
    "Ministry of Finance": "财政部",
    "Ministry of Industry and Information Technology": "工业和信息化部",
    "MIIT": "工业和信息化部",
    "National Energy Administration": "国家能源局",
    "NEA": "国家能源局",
    "People's Bank of China": "中国人民银行",
    "PBOC": "中国人民银行",
    "State Administration for Market Regulation": "国家市场监督管理总局",
    "SAMR": "国家市场监督管理总局",
}
_BODY_RE = re.compile(
    r"^(?:the\s+)?(?P<body>" + "|".join(re.escape(b) for b in sorted(BODIES, key=len, reverse=True)) + r")"
    r"(?:\s+of (?:the People's Republic of )?China)?(?:\s*\([A-Z]{2,10}\))?$"
)


def canonical_body(name: str | None) -> str | None:
    """A central body's name as the rules write it (State Council -> 国务院, the Ministry of Ecology and Environment
    (MEE) -> 生态环境部), joint ones joined by 、 (the CPC Central Committee and the State Council -> 中共中央、国务院);
    any other name as written."""
    if not name:
        return None
    whole = _BODY_RE.match(name.replace("’", "'").strip())
    if whole:  # (one body whose name has an "and" in it: the Ministry of Ecology and Environment)
        return BODIES[whole.group("body")]
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", name.replace("’", "'").strip())
    known = [_BODY_RE.match(part.strip()) for part in parts]
    if all(known):
        return "、".join(BODIES[k.group("body")] for k in known if k)
    return name


# An official title names its issuer after its kind: "Opinions of the CPC Central Committee and the State Council on …".
TITLE_ISSUER_RE = re.compile(
    r"^(?:The )?(?:[A-Z][a-z]+ )?[A-Z][a-z]+ of (?:the )?(?P<issuer>.+?) (?:on|for|about|regarding) "
)


@dataclass
class EnglishRelease:
    """A release read from English text: its title as written, the body that released it (as written, when the
    text names it), its kind (the Chinese kind the rules use), where it was read, and why."""

    title: str
    issuer: str | None
    kind: str | None
    field: str
    start: int
    end: int
    cue: str
    number: str | None = None


def is_english(title: str, text: str) -> bool:
    """Whether the page is written in English: its Latin letters outnumber its Chinese characters
    :data:`ENGLISH_RATIO` times over, in its title and first :data:`ENGLISH_SAMPLE_CHARS` characters."""
    sample = title + " " + text[:ENGLISH_SAMPLE_CHARS]
    han = len(re.findall(r"[\u4e00-\u9fff]", sample))
    latin = len(re.findall(r"[A-Za-z]", sample))
    return latin > ENGLISH_RATIO * han and latin >= 40


def kind_of(title: str) -> str | None:
    """The Chinese kind of an English title: its first kind word, for titles that open with it ("Notice of …",
    "Opinions of …"), else its last ("… Implementation Plan for …")."""
    kinds = [k.title() if k.islower() else k for k in KIND_ANY_CASE_RE.findall(title)]
    kinds = [k for k in kinds if k in KINDS]
    if not kinds:
        return None
    return KINDS[kinds[0]] if title.startswith(kinds[0]) else KINDS[kinds[-1]]


def _trim(title: str) -> str:
    """A title without the small words a greedy reading leaves at its end ("… Tasks and")."""
    return re.sub(rf"(?:\s+{_SMALL})+$", "", title.strip())


def _official(title: str, *, quoted: bool = False) -> bool:
    """A title that names an official document's kind (in any case where the text quotes it) and is no report,
    study or briefing."""
    kind = (KIND_ANY_CASE_RE if quoted else KIND_RE).search(title)
    return kind is not None and not NOT_OFFICIAL_RE.search(title)


def printed_document(title: str, text: str) -> EnglishRelease | None:
    """The document a page prints under its own English title: the headline is an official title (its kind among
    its words), the text's first line repeats it, and the text speaks of itself as official texts do
    (:data:`SELF_REFERENCE_RE`) or opens with the title's own heading."""
    head = title.strip()
    if not head or not _official(head) or len(head) < 12:
        return None
    # (the heading among the text's first lines, under a site's date line; the headline may be cut short of it)
    lines = [line.strip() for line in text.splitlines() if line.strip()][:3]
    heading = next((line for line in lines if line.startswith(head[:60])), None)
    itself = SELF_REFERENCE_RE.search(text[:3000])
    if heading is None or itself is None:
        return None
    head = heading if len(heading) > len(head) and len(heading) <= 300 else head
    number = issuer = None
    order = ORDER_ON_RE.match(head)
    if order:  # "MOFCOM Order No. 1 of 2019 on MOFCOM Decision to …": the decision, numbered by the order
        head, number = order.group("title"), f"Order No. {order.group('no')} of {order.group('year')}"
    covering = COVERING_RE.match(head)
    if covering:  # "The Notice of People's Government of Shandong Province on Issuing Several Policies …"
        head, issuer = covering.group("title"), covering.group("issuer")
    elif (named := TITLE_ISSUER_RE.match(head)) and KIND_RE.match(head.removeprefix("The ")):
        issuer = named.group("issuer")  # "Opinions of the CPC Central Committee and the State Council on …"
    cue = "an English official text under its own title: " + itself.group(0)
    return EnglishRelease(head, canonical_body(issuer), kind_of(head), "title", 0, len(title.strip()), cue, number)


def reported_releases(text: str, field: str) -> list[EnglishRelease]:
    """The titled documents a sentence says a body released (:data:`RELEASED_RE`), in the order written."""
    found: list[EnglishRelease] = []
    for m in RELEASED_RE.finditer(text):
        before = text[max(0, m.start() - 200) : m.start()]  # (a joint list of bodies runs long)
        if _NOT_YET.search(before):
            continue  # "NDRC aims to publish the allocation plans", "will be released"
        group = "quoted" if m.group("quoted") else "title"
        raw = m.group(group)
        name = raw.strip('“”"').strip() if group == "quoted" else _trim(raw)
        if m.group("verb") == "on the issuance of" and group != "quoted":
            continue
        if not _official(name, quoted=group == "quoted") or len(name) < 8:
            continue
        if found and re.search(r"\s(?:and|,)\s*$", before):
            issuer = found[-1].issuer  # "released the Notice … and issued the “Plan …”": the same body
        else:
            actor = ACTOR_RE.search(before)
            issuer = _trim(LEAD_OPENER_RE.sub("", actor.group("actor"))) if actor else None
            issuer = re.sub(r"^(?:the|The)\s+", "", issuer) if issuer else None
            body = canonical_body(issuer)
            if not issuer or not (GOVERNMENT_ACTOR_RE.search(issuer) or body != issuer):
                continue  # no government body says it released it (a forum, a company, the press's own words)
            issuer = body
        start = m.start(group) + (1 if group == "quoted" else 0)
        release = EnglishRelease(name, issuer, kind_of(name), field, start, start + len(name), m.group(0)[:60])
        found.append(release)
    return found


def english_releases(title: str, text: str) -> list[EnglishRelease]:
    """The releases an English page reports (none on a page not written in English: :func:`is_english`): the document
    it prints under its own title, else those its headline and its lead (first paragraph) say a body released."""
    if not is_english(title, text):
        return []
    printed = printed_document(title, text)
    if printed is not None:
        return [printed]
    found = reported_releases(title, "title")
    for r in reported_releases(text[:LEAD_CHARS], "text"):
        if all(r.title != f.title for f in found):
            found.append(r)
    return found
