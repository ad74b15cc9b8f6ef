"""Policy-release recognition: documents an article names, their issuer, number and type, and release vs mention.

Everything here is pure (strings in, dataclasses out) so each rule is tested on a table of cases. The rules are
general Chinese policy-writing conventions, not per-article hacks:

* a document is a 《title》 whose title ends in a policy document type (意见, 方案, 通知 …); 《公报》, 《报告》 and
  newspaper names are not policy documents; bare back-references (《意见》, 《方案》) are not new documents;
* headlines and official notices also name documents without 《》: "国务院印发2030年前碳达峰行动方案",
  "国务院关于印发…的通知", "“十四五”节能减排综合工作方案出炉", "央行推出碳减排支持工具";
* an occurrence reports a RELEASE when a release verb (印发, 发布, 出台, 推出, 编制完成 …) is attached to it, is not
  planned (将, 拟, 正在 …), and is not dated in an earlier year than the article (2018年…印发了 is history);
  otherwise it is a mention (按照《意见》, 贯彻落实《…》);
* the issuer is the government body written just before the verb (joint issuers joined by 、/和 are kept together);
* pages of government sites (ndrc, gov_cn, mee) ARE the release: their metadata names issuer and number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

# -- document types, longest first so 行动方案 wins over 方案 ------------------------------------------------------
DOC_TYPES: tuple[str, ...] = (
    "指导意见",
    "实施意见",
    "若干意见",
    "行动方案",
    "实施方案",
    "工作方案",
    "总体方案",
    "行动计划",
    "工作计划",
    "实施细则",
    "管理办法",
    "暂行办法",
    "实施办法",
    "支持工具",
    "指导目录",
    "若干措施",
    "若干规定",
    "意见",
    "方案",
    "通知",
    "通告",
    "办法",
    "规划",
    "条例",
    "规定",
    "决定",
    "纲要",
    "工具",
    "计划",
    "细则",
    "指南",
    "措施",
    "政策",
    "法",
)
_TYPE_ALT = "|".join(sorted(DOC_TYPES, key=len, reverse=True))
DOC_TYPE_END_RE = re.compile(rf"(?:{_TYPE_ALT})$")
# Titles that merely refer back to a document named earlier ("以下简称《方案》").
BACKREF_RE = re.compile(rf"^(?:该|本|上述|这一?)?(?:{_TYPE_ALT})$")
# A 《…》 pair; nested 《》 inside a title are allowed one level deep (《关于印发《X》的通知》).
DOC_RE = re.compile(r"《((?:[^《》]|《[^《》]*》){2,160})》")

# -- issuers ---------------------------------------------------------------------------------------------------
ISSUER_ALIASES: dict[str, str] = {
    "中共中央办公厅": "中共中央办公厅",
    "中办": "中共中央办公厅",
    "中共中央": "中共中央",
    "党中央": "中共中央",
    "国务院办公厅": "国务院办公厅",
    "国办": "国务院办公厅",
    "国务院": "国务院",
    "全国人大常委会": "全国人大常委会",
    "国家发展和改革委员会": "国家发展改革委",
    "国家发展改革委": "国家发展改革委",
    "国家发改委": "国家发展改革委",
    "发展改革委": "国家发展改革委",
    "发改委": "国家发展改革委",
    "生态环境部": "生态环境部",
    "工业和信息化部": "工业和信息化部",
    "工信部": "工业和信息化部",
    "中国人民银行": "中国人民银行",
    "人民银行": "中国人民银行",
    "央行": "中国人民银行",
    "国家能源局": "国家能源局",
    "财政部": "财政部",
    "住房和城乡建设部": "住房和城乡建设部",
    "住建部": "住房和城乡建设部",
    "交通运输部": "交通运输部",
    "科学技术部": "科技部",
    "科技部": "科技部",
    "商务部": "商务部",
    "自然资源部": "自然资源部",
    "农业农村部": "农业农村部",
    "水利部": "水利部",
    "国家市场监督管理总局": "市场监管总局",
    "市场监管总局": "市场监管总局",
    "国务院国资委": "国务院国资委",
    "国资委": "国务院国资委",
    "中国证监会": "中国证监会",
    "证监会": "中国证监会",
    "中国银保监会": "中国银保监会",
    "银保监会": "中国银保监会",
    "国家林业和草原局": "国家林草局",
    "国家林草局": "国家林草局",
    "国家机关事务管理局": "国管局",
    "国管局": "国管局",
}
_ALIAS_ALT = "|".join(re.escape(a) for a in sorted(ISSUER_ALIASES, key=len, reverse=True))
# Provincial, regional and city governments (and their general offices): 吉林省人民政府, 北京市人民政府办公厅.
_LOCAL_GOV = r"[\u4e00-\u9fff]{1,8}?(?:省|市|自治区|县|区)人民政府(?:办公厅|办公室)?"
ISSUER_RE = re.compile(rf"(?:{_LOCAL_GOV}|{_ALIAS_ALT})")
# Joint issuers: bodies separated by 、 or 和/与/及 (会同 is not joint authorship: the first body issues).
_ONE_ISSUER = rf"(?:{_LOCAL_GOV}|{_ALIAS_ALT})"
JOINT_RE = re.compile(rf"{_ONE_ISSUER}(?:\s*(?:、|和|与|及|,|，|\u3000| )\s*{_ONE_ISSUER})*")

# -- document numbers: 国发〔2021〕23号, 发改环资[2022]1234号 --------------------------------------------------
DOC_NUMBER_RE = re.compile(
    r"([\u4e00-\u9fff]{1,12})\s*[〔\[(（【［]\s*((?:19|20)\d{2})\s*[〕\])）】］]\s*([0-9０-９]{1,5}|[a-zA-Zｘx]{1,4})\s*号"
)

# -- release verbs ---------------------------------------------------------------------------------------------
RELEASE_VERBS = (
    "联合印发",
    "正式印发",
    "印发",
    "正式发布",
    "联合发布",
    "发布",
    "出台",
    "公布",
    "推出",
    "颁布",
    "下发",
    "编制完成",
    "审议通过",
    "创设",
    "出炉",
    "落地",
)
_VERB_ALT = "|".join(sorted(RELEASE_VERBS, key=len, reverse=True))
# Verb right before 《: "印发《", "印发了《", "发布的《", "联合印发关于《" (small gaps only).
VERB_BEFORE_RE = re.compile(rf"(?:{_VERB_ALT})(?:了|的|实施|关于)?\s*$")
# Verb right after 》 (skipping a parenthesised short name and time words): "》已编制完成", "》印发给你们".
AFTER_SKIP_RE = re.compile(r"^\s*(?:[（(][^）)]{0,30}[）)])?\s*")
VERB_AFTER_RE = re.compile(rf"^(?:已经?|正式|日前|近日|今天|今日|\d{{1,2}}日)?(?:对外)?(?:{_VERB_ALT})")
# Planned or hypothetical releases are not releases.
FUTURE_RE = re.compile(r"将|拟|即将|正在|研究|抓紧|尽快|加快|计划|要求|有望|预计|后续|下一步|待|或将|如何|是否")
SENTENCE_END_RE = re.compile(r"[。！？；!?;\n]")
CLAUSE_END_RE = re.compile(r"[。！？；!?;，,：:\n]")
YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年|同年|当年")

# Headline / notice forms without 《》.
NOTICE_RE = re.compile(rf"(?P<issuer>{JOINT_RE.pattern})?\s*关于印发\s*(?P<title>[^《》。；]{{2,80}}?)\s*的通知")
_TITLE_CHARS = r"[^\s，。；：:！？!?、《》()（）【】\[\]]"
ISSUER_VERB_TITLE_RE = re.compile(
    rf"(?P<verb>{_VERB_ALT})了?(?P<title>{_TITLE_CHARS}{{0,40}}?(?:{_TYPE_ALT}))"
    rf"(?=$|[\s，。；：:！？!?、的（(]|这|此|等|和|及|与|{_VERB_ALT})"
)
TITLE_VERB_RE = re.compile(rf"(?P<title>{_TITLE_CHARS}{{2,40}}?(?:{_TYPE_ALT}))\s*(?:已|正式)?(?P<verb>{_VERB_ALT})")
VERB_IN_TITLE_RE = re.compile(_VERB_ALT)
# A class of documents ("各领域实施方案", "相关政策"), not one document.
GENERIC_TITLE_RE = re.compile(r"等|各|相关|有关|系列|一批|配套|哪些|多项|若干项|一揽子|这些|上述|该|本")

QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "『": '"', "』": '"', "＂": '"'})
GOV_SOURCES = frozenset({"ndrc", "gov_cn", "mee"})
CONTEXT_CHARS = 40


@dataclass
class PolicyDocument:
    """A policy document or instrument named in an article, with the evidence for it."""

    title: str  # as the article writes it (with 《》 when it has them)
    title_norm: str  # the matching key: see normalise_title
    issuer: str | None = None  # canonical, joint issuers joined by 、
    doc_number: str | None = None  # normalised: 国发〔2021〕23号
    doc_type: str | None = None
    is_release: bool = False  # the article reports this document being issued
    carbon: bool = False  # the title names a carbon term, or the article's headline is about this document
    field: str = "text"
    start: int = 0
    end: int = 0
    cue: str = ""  # the words that made it a release ("国务院印发", "已编制完成") or why not ("按照")

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


@dataclass
class PolicyResult:
    """Every policy document the article names; ``is_release`` when it reports one being issued."""

    is_release: bool = False
    documents: list[PolicyDocument] = field(default_factory=list)

    @property
    def releases(self) -> list[PolicyDocument]:
        """The documents whose release the article reports."""
        return [d for d in self.documents if d.is_release]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (what goes into ``item.policy``)."""
        return {"is_release": self.is_release, "documents": [d.as_dict() for d in self.documents]}


# -- normalisation -----------------------------------------------------------------------------------------------


def unify_quotes(text: str) -> str:
    """Map typographic and corner quotes to ASCII ``"`` (sites differ in which they use)."""
    return text.translate(QUOTE_MAP).replace("‘", "'").replace("’", "'")


def normalise_title(title: str) -> str:
    """The key under which the same document matches across articles and sites.

    NFKC (full-width forms, ideographic space), no whitespace, unified quotes, no 《》 and no issuer prefix
    before 关于 (《中共中央　国务院关于X的意见》 and 《关于X的意见》 are the same document).
    """
    text = unicodedata.normalize("NFKC", title)
    text = unify_quotes(text)
    text = re.sub(r"\s+", "", text)
    text = text.replace("《", "").replace("》", "").strip(".,;:!?。，；：！？")
    issuer, rest = split_issuer_prefix(text)
    return rest if issuer else text


def split_issuer_prefix(title: str) -> tuple[str | None, str]:
    """Split 中共中央　国务院关于X的意见 into (中共中央、国务院, 关于X的意见); (None, title) if no such prefix."""
    compact = re.sub(r"[\s\u3000]+", " ", title.replace("《", "").replace("》", "")).strip()
    m = re.match(rf"^({_ONE_ISSUER}(?:\s*[、 ]?\s*{_ONE_ISSUER})*)\s*(关于.+)$", compact)
    if not m:
        return None, title
    return canonical_issuer(m.group(1)), m.group(2).replace(" ", "")


def canonical_issuer(text: str) -> str | None:
    """The canonical name(s) of the issuer(s) in ``text``: 国家发改委 -> 国家发展改革委; joint ones joined by 、."""
    names: list[str] = []
    for m in ISSUER_RE.finditer(unicodedata.normalize("NFKC", text).replace(" ", "")):
        name = ISSUER_ALIASES.get(m.group(0), m.group(0))
        if name not in names:
            names.append(name)
    return "、".join(names) if names else None


def normalise_doc_number(text: str) -> str | None:
    """国发[2021]23号, 国发（2021）23号, 国发【2021】23号 -> 国发〔2021〕23号; None when ``text`` holds none."""
    m = DOC_NUMBER_RE.search(unicodedata.normalize("NFKC", text).replace("\u3000", " "))
    if not m:
        # NFKC turns full-width brackets into ASCII ones, which the pattern accepts; also try the raw text.
        m = DOC_NUMBER_RE.search(text)
        if not m:
            return None
    number = unicodedata.normalize("NFKC", m.group(3))
    return f"{m.group(1)}〔{m.group(2)}〕{number}号"


def doc_type(title: str) -> str | None:
    """The policy document type the title ends with (行动方案, 意见, 通知 …), or None (公报, 报告, a newspaper)."""
    text = normalise_title(title)
    m = DOC_TYPE_END_RE.search(text)
    return m.group(0) if m else None


def unwrap_notice(title: str) -> str:
    """关于印发X的通知 -> X: the notice only carries the document (both names mean the same release)."""
    text = title.strip().strip("《》")
    m = re.match(r"^(?:.*?)关于印发\s*(.+?)\s*的通知$", text, re.S)
    if m:
        inner = m.group(1).strip()
        return inner if inner.startswith("《") else f"《{inner}》"
    return title


# -- context helpers --------------------------------------------------------------------------------------------


def _clause_before(text: str, pos: int, limit: int = 60) -> str:
    """The text of the current clause before ``pos`` (back to the previous comma or sentence end)."""
    window = text[max(0, pos - limit) : pos]
    parts = CLAUSE_END_RE.split(window)
    return parts[-1] if parts else window


def _sentence_before(text: str, pos: int, limit: int = 80) -> str:
    window = text[max(0, pos - limit) : pos]
    parts = SENTENCE_END_RE.split(window)
    return parts[-1] if parts else window


def find_issuer_before(text: str, pos: int) -> str | None:
    """The issuer written in the sentence before ``pos``, nearest first; joint issuers kept together."""
    sentence = _sentence_before(text, pos)
    found = list(JOINT_RE.finditer(sentence))
    if not found:
        return None
    return canonical_issuer(found[-1].group(0))


def is_historical(text: str, pos: int, ref_year: int | None) -> bool:
    """True when the sentence before ``pos`` dates the event to a year before the article's year."""
    if ref_year is None:
        return False
    window = text[max(0, pos - 80) : pos]
    # 同年/当年 refer back to the last explicit year, so search the longer window and keep explicit years.
    years = [int(m.group(1)) for m in YEAR_RE.finditer(window) if m.group(1)]
    sentence = _sentence_before(text, pos, 80)
    if not YEAR_RE.search(sentence):
        return False
    return bool(years) and years[-1] < ref_year


def _inside_brackets(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside a 《…》 title."""
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


def _future(clause: str) -> bool:
    return bool(FUTURE_RE.search(clause))


def find_doc_number_near(text: str, start: int, end: int) -> str | None:
    """A document number within a short distance after (or just before) a document title."""
    after = text[end : end + 40]
    m = DOC_NUMBER_RE.search(after)
    if m and not SENTENCE_END_RE.search(after[: m.start()].replace("\n", "")):
        return normalise_doc_number(m.group(0))
    before = text[max(0, start - 30) : start]
    found = list(DOC_NUMBER_RE.finditer(before))
    return normalise_doc_number(found[-1].group(0)) if found else None


# -- recognition ------------------------------------------------------------------------------------------------


def _bracket_docs(text: str, field_name: str, ref_year: int | None) -> list[PolicyDocument]:
    docs: list[PolicyDocument] = []
    for m in DOC_RE.finditer(text):
        inner = m.group(1)
        issuer_prefix, _ = split_issuer_prefix(inner)
        title = unwrap_notice(m.group(0))
        dtype = doc_type(title)
        if dtype is None or BACKREF_RE.match(normalise_title(title)) or len(normalise_title(title)) < 4:
            continue
        before = text[max(0, m.start() - CONTEXT_CHARS) : m.start()]
        clause = _clause_before(text, m.start())
        after = AFTER_SKIP_RE.sub("", text[m.end() : m.end() + CONTEXT_CHARS], count=1)
        release, cue = False, ""
        vb = VERB_BEFORE_RE.search(before)
        va = VERB_AFTER_RE.match(after)
        if vb and not _future(clause[: max(0, len(clause) - len(vb.group(0)))]):
            release, cue = True, clause.strip()
        elif va and not _future(clause) and not _future(after[: va.end()]):
            release, cue = True, text[m.start() : m.end()] + after[: va.end()]
        if release and is_historical(text, m.start(), ref_year):
            release, cue = False, "earlier year: " + _sentence_before(text, m.start()).strip()
        if not release:
            cue = cue or clause.strip()[-20:]
        issuer = issuer_prefix or (find_issuer_before(text, m.start()) if (release or vb) else None)
        docs.append(
            PolicyDocument(
                title=title,
                title_norm=normalise_title(title),
                issuer=issuer,
                doc_number=find_doc_number_near(text, m.start(), m.end()),
                doc_type=dtype,
                is_release=release,
                field=field_name,
                start=m.start(),
                end=m.end(),
                cue=cue,
            )
        )
    return docs


def _plain_docs(text: str, field_name: str, ref_year: int | None) -> list[PolicyDocument]:
    """Documents named without 《》: official notices and headline forms."""
    docs: list[PolicyDocument] = []
    for m in NOTICE_RE.finditer(text):
        title = m.group("title")
        if GENERIC_TITLE_RE.search(title) or doc_type(title) is None or _inside_brackets(text, m.start("title")):
            continue  # a notice named in 《》 is handled (release or citation) by _bracket_docs
        issuer = canonical_issuer(m.group("issuer")) if m.group("issuer") else find_issuer_before(text, m.start())
        clause = _clause_before(text, m.start("title"))
        compact = re.sub(r"\s+", "", title)
        docs.append(
            PolicyDocument(
                title=f"《{compact}》",
                title_norm=normalise_title(title),
                issuer=issuer,
                doc_number=find_doc_number_near(text, m.start(), m.end()),
                doc_type=doc_type(title),
                is_release=not _future(clause) and not is_historical(text, m.start(), ref_year),
                field=field_name,
                start=m.start("title"),
                end=m.end("title"),
                cue=m.group(0).strip(),
            )
        )
    # Only headlines use the title-first form ("…方案出炉"); in body text it catches too many generic phrases.
    patterns = [ISSUER_VERB_TITLE_RE, TITLE_VERB_RE] if field_name == "title" else [ISSUER_VERB_TITLE_RE]
    for pattern in patterns:
        for m in pattern.finditer(text):
            title = m.group("title")
            bare = title in DOC_TYPES
            if GENERIC_TITLE_RE.search(title) or "《" in title or "》" in title or VERB_IN_TITLE_RE.search(title):
                continue
            if _inside_brackets(text, m.start()):
                continue
            if pattern is ISSUER_VERB_TITLE_RE:
                clause = _clause_before(text, m.start())
                issuer = find_issuer_before(text, m.start())
                # "X印发通知" names no title: keep it only when an issuer says who released it.
                if issuer is None or _future(clause):
                    continue
                if not bare and len(title) < 4:
                    continue
            else:
                clause = _clause_before(text, m.start("title"))
                if bare or _future(clause):
                    continue
                issuer = find_issuer_before(text, m.start("title"))
            if is_historical(text, m.start(), ref_year):
                continue
            docs.append(
                PolicyDocument(
                    title=title,
                    title_norm=normalise_title(title),
                    issuer=issuer,
                    doc_number=None,
                    doc_type=doc_type(title),
                    is_release=True,
                    field=field_name,
                    start=m.start("title"),
                    end=m.end("title"),
                    cue=m.group(0),
                )
            )
    return docs


HEADING_RE = re.compile(rf"(?:^|\n)\s*({_ONE_ISSUER}(?:[、\s]*{_ONE_ISSUER})*)\s*关于")


def _header_docs(text: str, field_name: str, ref_year: int | None) -> list[PolicyDocument]:
    """An official document printed in the page: "X人民政府关于…的通告" (maybe over several lines) + its number."""
    docs: list[PolicyDocument] = []
    for num in DOC_NUMBER_RE.finditer(text):
        head = text[max(0, num.start() - 160) : num.start()]
        if "》" in head[-3:] or "（" in head[-2:] or "(" in head[-2:]:
            continue  # a citation: 《…》（国发〔2021〕23号）
        # The heading is the last run of lines before the number that starts with an issuer and says 关于.
        headings = list(HEADING_RE.finditer(head))
        if not headings:
            continue
        m = headings[-1]
        heading = head[m.start(1) :].strip()
        compact = re.sub(r"\s+", "", heading)
        if "《" in compact or "。" in compact or doc_type(compact) is None:
            continue
        issuer, _ = split_issuer_prefix(compact)
        title = unwrap_notice(compact)
        start = max(0, num.start() - 160) + m.start(1)
        docs.append(
            PolicyDocument(
                title=title if title.startswith("《") else f"《{title}》",
                title_norm=normalise_title(title),
                issuer=issuer,
                doc_number=normalise_doc_number(num.group(0)),
                doc_type=doc_type(title),
                is_release=not is_historical(text, start, ref_year),
                field=field_name,
                start=start,
                end=num.end(),
                cue="document heading with number " + num.group(0),
            )
        )
    return docs


def _merge(docs: list[PolicyDocument]) -> list[PolicyDocument]:
    """One entry per normalised title: release if any occurrence is one; first issuer/number found wins."""
    merged: dict[str, PolicyDocument] = {}
    for d in docs:
        key = d.title_norm
        if d.doc_type in DOC_TYPES and d.title_norm == d.doc_type:
            # A bare "通知" is one untitled document per issuer.
            key = f"{d.issuer or ''}:{d.doc_type}"
        old = merged.get(key)
        if old is None:
            merged[key] = replace(d)
            continue
        # Prefer the form with 《》 (as the article writes it) over a headline paraphrase.
        if not old.title.startswith("《") and d.title.startswith("《"):
            old.title, old.field, old.start, old.end = d.title, d.field, d.start, d.end
        old.issuer = old.issuer or d.issuer
        old.doc_number = old.doc_number or d.doc_number
        if d.is_release and not old.is_release:
            old.is_release, old.cue = True, d.cue
    return list(merged.values())


def recognise(
    title: str,
    text: str,
    meta: dict[str, str] | None = None,
    source: str = "",
    *,
    published_at: datetime | None = None,
    carbon_terms: re.Pattern[str] | None = None,
) -> PolicyResult:
    """Find the policy documents an article names and whether it reports their release.

    ``published_at`` dates the article (events in earlier years are history, not news); ``carbon_terms`` marks
    documents whose title names a carbon term (see ``PolicyDocument.carbon``).
    """
    ref_year = published_at.year if published_at else None
    docs: list[PolicyDocument] = []
    page_doc = government_page_document(title, meta or {}, source)
    if page_doc is not None:
        docs.append(page_doc)
    docs += _bracket_docs(title, "title", ref_year) + _plain_docs(title, "title", ref_year)
    docs += _bracket_docs(text, "text", ref_year) + _plain_docs(text, "text", ref_year)
    docs += _header_docs(text, "text", ref_year)
    merged = _merge(docs)
    headline_norms = {d.title_norm for d in merged if d.field == "title"}
    headline_norms |= {normalise_title(d.title) for d in docs if d.field == "title"}
    for d in merged:
        named_carbon = bool(carbon_terms and carbon_terms.search(d.title))
        d.carbon = named_carbon or d.title_norm in headline_norms
    return PolicyResult(is_release=any(d.is_release for d in merged), documents=merged)


def government_page_document(title: str, meta: dict[str, str], source: str) -> PolicyDocument | None:
    """The document a government page publishes (the page IS the release), from its title and metadata."""
    issuer_raw = meta.get("issuer") or meta.get("发文机关") or ""
    number_raw = meta.get("doc_number") or meta.get("发文字号") or ""
    if source not in GOV_SOURCES and not (issuer_raw and number_raw):
        return None
    doc_title = unwrap_notice(title.strip())
    prefix_issuer, _ = split_issuer_prefix(doc_title)
    dtype = doc_type(doc_title)
    number = normalise_doc_number(number_raw) if number_raw else None
    if dtype is None and number is None:
        return None  # a news page on a government site, not a document
    shown = doc_title if doc_title.startswith("《") else f"《{doc_title}》"
    return PolicyDocument(
        title=shown,
        title_norm=normalise_title(doc_title),
        issuer=canonical_issuer(issuer_raw) if issuer_raw else prefix_issuer,
        doc_number=number,
        doc_type=dtype,
        is_release=True,
        field="title",
        start=0,
        end=len(title),
        cue=f"government page ({source})",
    )
