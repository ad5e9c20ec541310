"""Load articles into a corpus: decode, take metadata, split paragraphs and
sentences, and move page furniture out of the body.

Nothing read is silently dropped: every non-blank input line ends up in a body
paragraph or in the source's ``removed`` list with a reason.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from html.parser import HTMLParser
from pathlib import Path

import yaml

from .figures import MONTH_PAT
from .fileio import load_yaml

ARTICLE_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
SOURCES_FILE = "sources.yaml"
MIN_SOURCES = 2
DEFAULT_RULES = Path(__file__).with_name("furniture.yaml")
METADATA_FIELDS = ("title", "outlet", "date", "author", "url")


class CorpusError(Exception):
    """The input cannot make a corpus; the message says why, for the user."""


class SourceError(CorpusError):
    """One file cannot be read as an article."""


@dataclass(frozen=True)
class Paragraph:
    id: str
    index: int
    text: str
    sentences: tuple[tuple[int, int], ...]
    line: int

    @property
    def source_id(self) -> str:
        return self.id.rsplit(":p", 1)[0]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``offset``; the whole paragraph
        if none does."""
        return next(((s, e) for s, e in self.sentences if s <= offset < e), (0, len(self.text)))


@dataclass(frozen=True)
class Removed:
    text: str
    reason: str
    line: int


@dataclass
class Source:
    id: str
    path: Path
    paragraphs: list[Paragraph]
    removed: list[Removed]
    title: str = ""
    outlet: str = ""
    date: str = ""
    author: str = ""
    url: str = ""
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)


@dataclass
class Corpus:
    """The loaded sources. They are not changed after loading, so the lookups
    below are computed once; the dictionaries they return are not to be edited."""

    sources: list[Source]
    warnings: list[str] = field(default_factory=list)
    root: Path | None = None

    @cached_property
    def _by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def source(self, source_id: str) -> Source:
        return self._by_id[source_id]

    def paragraphs(self) -> Iterable[Paragraph]:
        for src in self.sources:
            yield from src.paragraphs

    def paragraph(self, paragraph_id: str) -> Paragraph:
        source_id, _, number = paragraph_id.rpartition(":p")
        return self.source(source_id).paragraphs[int(number) - 1]

    @cached_property
    def _short_ids(self) -> dict[str, str]:
        return short_ids([s.id for s in self.sources])

    @cached_property
    def _labels(self) -> dict[str, str]:
        short = self._short_ids
        return {s.id: f"{short[s.id]} {s.outlet}" if s.outlet else short[s.id] for s in self.sources}

    def short_ids(self) -> dict[str, str]:
        """The shortest unique beginning of each id, at least three characters,
        cut at a separator where one makes it unique: "000_325959a8911ed8b1" -> "000"."""
        return self._short_ids

    def labels(self) -> dict[str, str]:
        """A short name for each source: its short id and outlet, "000 RFE/RL"."""
        return self._labels


def short_ids(ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for sid in ids:
        others = [o for o in ids if o != sid]
        cuts = [m.start() for m in re.finditer(r"[_\-. ]", sid)] + [len(sid)]
        choice = sid
        for cut in cuts:
            if cut >= 3 and not any(o.startswith(sid[:cut]) for o in others):
                choice = sid[:cut]
                break
        else:
            for n in range(3, len(sid) + 1):
                if not any(o.startswith(sid[:n]) for o in others):
                    choice = sid[:n]
                    break
        out[sid] = choice
    return out


# ---------------------------------------------------------------- cleaning

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:"
    r"\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|[@-Z\\-_]"  # two-character escapes
    r")?"
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
    "\u00ad\u200b-\u200d\u2060]"  # soft hyphen and zero-width characters hide inside words
)
# A no-break or thin space between digit groups ("4 500") is a thousands separator.
_DIGIT_GROUP_SPACE = re.compile("(?<=[0-9])[\u00a0\u202f\u2009](?=[0-9]{3}(?![0-9]))")


# Digit groups parted by plain spaces ("more than 14 000 firefighters", as a
# translated report writes them); not a day of the month before a number
# ("March 14 200 people"), nor part of a longer run of digits or of a
# hyphenated word ("5 100-metre").
_SPACED_DIGIT_GROUPS = re.compile(r"(?<![\w.,\u202f])[0-9]{1,3}(?: [0-9]{3})+(?![\w\u202f‐-]|,[0-9])")
_MONTH_BEFORE = re.compile(MONTH_PAT + r"\s+\Z")


def _group_digits(m: re.Match[str]) -> str:
    if _MONTH_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return m.group(0)
    return m.group(0).replace(" ", "\u202f")


def clean_text(text: str) -> str:
    """Strip terminal escape sequences and control characters; keep newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _DIGIT_GROUP_SPACE.sub("\u202f", text)
    text = _SPACED_DIGIT_GROUPS.sub(_group_digits, text)
    text = text.replace("\t", " ").replace("\u00a0", " ")
    return _CONTROL.sub("", text)


# ---------------------------------------------------------------- decoding

_BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"\x1f\x8b")


_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode(data: bytes, html: bool = False) -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings) or raise SourceError. A web page
    that is not UTF-8 is read in the character set it declares, if any."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, []
            except UnicodeDecodeError as exc:
                raise SourceError(f"starts with a {codec} byte-order mark but is not valid {codec}: {exc.reason}") from None
    if looks_binary(data):
        raise SourceError("is a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        position = exc.start
    declared = _DECLARED_CHARSET.search(data[:4096]) if html else None
    if declared:
        charset = declared.group(1).decode("ascii").lower()
        if charset in ("iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
            charset = "cp1252"  # as browsers read these labels
        try:
            return data.decode(charset), charset, []
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall back as for text
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise SourceError(
            f"cannot be decoded: not UTF-8 (bad byte at offset {position}) and not Windows-1252 text"
        ) from None
    warning = f"not valid UTF-8 (bad byte at offset {position}); read as Windows-1252, check accented letters"
    return text, "cp1252", [warning]


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > 0.05


# ---------------------------------------------------------------- rules


@dataclass(frozen=True)
class FurnitureRule:
    name: str
    reason: str
    regex: re.Pattern[str]
    whole_line: bool
    max_words: int | None
    heads_list: bool = False  # a label over a list of links to elsewhere ("Related:", "Trending Stories")

    def matches(self, line: str) -> bool:
        if self.max_words is not None and len(line.split()) > self.max_words:
            return False
        if self.whole_line:
            return self.regex.fullmatch(line) is not None
        return self.regex.search(line) is not None


@dataclass(frozen=True)
class MetadataRule:
    name: str
    field: str
    regex: re.Pattern[str]
    prefix: bool
    header_only: bool = False  # only above the article's first paragraph


@dataclass(frozen=True)
class Rules:
    furniture: tuple[FurnitureRule, ...]
    metadata: tuple[MetadataRule, ...]
    warnings: tuple[str, ...] = ()


def _compile(entry: dict, where: str) -> re.Pattern[str]:
    flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
    pattern = entry.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise ValueError(f"{where}: a rule needs a 'pattern'")
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"{where}: bad pattern {pattern!r}: {exc}") from None


def _parse_rules(data: object, where: str) -> tuple[list[FurnitureRule], list[MetadataRule], list[str]]:
    furniture: list[FurnitureRule] = []
    metadata: list[MetadataRule] = []
    warnings: list[str] = []
    if not isinstance(data, dict):
        return furniture, metadata, [f"{where}: expected a mapping with 'furniture' and 'metadata' lists; ignored"]
    for i, entry in enumerate(data.get("furniture") or []):
        label = f"{where}: furniture rule {i + 1}"
        try:
            if not isinstance(entry, dict):
                raise ValueError(f"{label}: expected a mapping")
            max_words = entry.get("max_words")
            furniture.append(
                FurnitureRule(
                    name=str(entry.get("name", f"rule-{i + 1}")),
                    reason=str(entry.get("reason", "boilerplate")),
                    regex=_compile(entry, label),
                    whole_line=entry.get("match", "line") != "search",
                    max_words=int(max_words) if max_words is not None else None,
                    heads_list=bool(entry.get("heads_list", False)),
                )
            )
        except (ValueError, TypeError) as exc:
            warnings.append(f"{exc}; rule ignored")
    for i, entry in enumerate(data.get("metadata") or []):
        label = f"{where}: metadata rule {i + 1}"
        try:
            if not isinstance(entry, dict):
                raise ValueError(f"{label}: expected a mapping")
            metadata.append(
                MetadataRule(
                    name=str(entry.get("name", f"meta-{i + 1}")),
                    field=str(entry.get("field", "")),
                    regex=_compile(entry, label),
                    prefix=bool(entry.get("prefix", False)),
                    header_only=bool(entry.get("header_only", False)),
                )
            )
        except (ValueError, TypeError) as exc:
            warnings.append(f"{exc}; rule ignored")
    return furniture, metadata, warnings


def user_rules_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "parallax" / "furniture.yaml"


@lru_cache(maxsize=8)
def _load_rule_files(paths: tuple[Path, ...], named: frozenset[Path] = frozenset()) -> Rules:
    """Rules from each file; a missing one is skipped, with a warning when
    the user named it (``named``), since then it is likely a typo."""
    furniture: list[FurnitureRule] = []
    metadata: list[MetadataRule] = []
    warnings: list[str] = []
    for path in paths:
        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            if path in named:
                warnings.append(f"furniture rules {path}: no such file; ignored")
            continue
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            warnings.append(f"furniture rules {path} could not be read ({exc.__class__.__name__}); ignored")
            continue
        f, m, w = _parse_rules(data, str(path))
        furniture += f
        metadata += m
        warnings += w
    return Rules(tuple(furniture), tuple(metadata), tuple(warnings))


def bundled_rules() -> Rules:
    """The rules that ship with Parallax alone, whatever the user's config says."""
    return _load_rule_files((DEFAULT_RULES,))


def load_rules(extra: Sequence[Path] = ()) -> Rules:
    """The bundled rules, plus the user's config file and any extra files."""
    return _load_rule_files((DEFAULT_RULES, user_rules_path(), *map(Path, extra)), frozenset(map(Path, extra)))


# ---------------------------------------------------------------- metadata

def normalise_date(value: object) -> str:
    """ISO date for the common written forms ("September 24, 2023",
    "24 Sept. 2023"), read by the figure parser; anything else as given."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return m.group(0)
    from .figures import extract_figures  # only written-out dates need the figure parser

    dates = [f for f in extract_figures(text) if f.kind == "date"]
    if len(dates) == 1:
        return _full_date_iso(dates[0].value) or text
    return text


_HEADER_TEXT_BLOCKS = 4  # a standfirst, a caption, key points may come first; a timeline's dates come further down
_FIELD_LINE = re.compile(r"(?:title|outlet|publisher|url|link)\s*[:=]", re.IGNORECASE)  # not a byline's date


def _date_from_byline(meta: dict[str, str], line: str) -> None:
    """An article with no date yet takes the first full date of a byline or an
    update stamp: "By Dana Whitlock | Published August 29, 2023"."""
    if "date" not in meta and not _FIELD_LINE.match(line):
        found = _full_date_in(line)
        if found:
            meta["date"] = found


def _full_date_in(line: str) -> str | None:
    """The first date with a year, a month and a day in a line, as ISO."""
    m = re.search(r"\b\d{4}-\d{2}-\d{2}\b", line)
    if m:
        return m.group(0)
    from .figures import extract_figures

    return next((_full_date_iso(f.value) for f in extract_figures(line) if f.kind == "date" and f.value >= _FULL_DATE),
                None)


_FULL_DATE = 1_00_00_101  # the smallest yyyymmdd with a year, a month and a day


def _full_date_iso(value: float) -> str | None:
    """A date figure's value (yyyymmdd) as ISO, when it has a year, a month and a day."""
    if value < _FULL_DATE:
        return None
    v = int(value)
    return _iso(v // 10_000, v // 100 % 100, v % 100)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _front_matter(text: str) -> tuple[dict, int, list[str]]:
    """YAML front matter at the top: (fields, number of lines it takes, warnings)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, 0, []
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            block = "\n".join(lines[1:end])
            try:
                data = load_yaml(block) or {}
            except yaml.YAMLError:
                return {}, end + 1, ["front matter is not valid YAML; its lines are kept as removed metadata"]
            if not isinstance(data, dict):
                return {}, end + 1, ["front matter is not a mapping; its lines are kept as removed metadata"]
            return data, end + 1, []
    return {}, 0, []


_FIELD_ALIASES = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "site": "outlet",
    "date": "date",
    "published": "date",
    "author": "author",
    "byline": "author",
    "authors": "author",
    "url": "url",
    "link": "url",
}


def _metadata_from_mapping(data: dict) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data.items():
        name = _FIELD_ALIASES.get(str(key).strip().lower())
        if name is None or value is None or value == "":
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out[name] = normalise_date(value) if name == "date" else clean_text(str(value)).strip()
    return out


# ---------------------------------------------------------------- formats


_SPACES_BUT_DIGIT_GROUPS = re.compile("[^\\S\u202f]+")
_BR = "\x00"  # a <br> while a paragraph is read (control characters are gone by then)


class _HTMLText(HTMLParser):
    """Block text of an HTML page, plus its metadata and the non-article parts."""

    BLOCKS = {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "blockquote", "figure", "figcaption", "br", "tr", "table",
        "pre", "dd", "dt", "hr", "body", "html",
    }
    FURNITURE = {"nav": "navigation", "header": "page header", "footer": "page footer",
                 "aside": "aside", "form": "form", "button": "navigation",
                 "figcaption": "photo caption", "noscript": "boilerplate"}
    HIDDEN = {"script": "script", "style": "style", "template": "script", "svg": "image"}
    CONTAINERS = {"div", "section", "ul", "ol", "aside", "blockquote", "figure"}

    def __init__(self, content_tags: frozenset[str] = frozenset(), by_name: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.content_tags = content_tags  # FURNITURE tags read as content this time
        self.by_name = by_name  # elements named like furniture are furniture
        self.named_reasons: dict[int, str] = {}  # stack depth -> why an element named as furniture is
        self.in_article = 0  # <article> or <main> open around the text being read
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.removed: list[tuple[str, str]] = []
        self.meta: dict[str, str] = {}
        self.stack: list[tuple[str, list[str]]] = []
        self.in_title = False
        self.title_parts: list[str] = []
        self.first_h1: str | None = None
        self.h1_parts: list[str] | None = None
        self.heading: str | None = None  # the h1–h6 being read
        self.item = False  # the block being read is a table row
        self.in_item = 0  # list items open around the text being read
        self.in_link = 0  # <a> open around the text being read
        self.linked = 0  # characters of the block being read that are inside a link

    def _text(self) -> list[str]:
        """Where the text being read goes: the furniture open around it, or the block."""
        return self.stack[-1][1] if self.stack else self.current

    def _flush(self) -> None:
        # Two line breaks or more end a paragraph; one is a break inside it.
        read = _DIGIT_GROUP_SPACE.sub("\u202f", "".join(self.current))  # "4&nbsp;500" before spaces are collapsed
        item = self.item or self.in_item > 0
        all_linked = self.linked >= len(read.strip()) - 1
        for piece in re.split(rf"(?:\s*{_BR})(?:\s*{_BR})+", read):
            text = _SPACES_BUT_DIGIT_GROUPS.sub(" ", piece.replace(_BR, " ")).strip()
            if not text:
                continue
            if self.heading is not None and self.heading != "h1" and not _reads_as_sentence(text):
                self.removed.append((text, "heading"))
            elif item and all_linked and len(text.split()) <= _LINK_ITEM_WORDS:
                self.removed.append((text, "link"))  # a list of links: share buttons, related stories
            else:
                self.blocks.append(f"- {text}" if item else text)
        self.current = []
        self.item = False
        self.linked = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            content = a.get("content", "").strip()
            mapping = {
                "og:site_name": "outlet", "application-name": "outlet", "publisher": "outlet",
                "og:title": "title", "title": "title", "headline": "title",
                "article:published_time": "date", "date": "date", "pubdate": "date",
                "datepublished": "date", "dc.date": "date", "author": "author",
                "article:author": "author", "og:url": "url",
            }
            if key in mapping and content and mapping[key] not in self.meta:
                self.meta[mapping[key]] = content
            return
        if tag in ("article", "main") and not self.stack:
            self.in_article += 1
        furniture = tag in self.FURNITURE and tag not in self.content_tags \
            and not (tag == "header" and self.in_article)  # an article's own header: headline, standfirst
        named = _furniture_by_name(attrs) if self.by_name and tag in self.CONTAINERS else None
        if furniture or tag in self.HIDDEN or named:
            self._flush()
            self.stack.append((tag, []))
            if named:
                self.named_reasons[len(self.stack)] = named
            return
        if tag == "title":
            self.in_title = True
        if tag == "h1" and self.first_h1 is None:
            self.h1_parts = []
        if tag == "br":
            self._text().append("\n" if self.stack else _BR)
            return
        if tag == "a":
            self.in_link += 1
            return
        if tag in ("td", "th"):
            self._text().append(" ")
            return
        if tag in self.BLOCKS:
            if self.stack:
                self.stack[-1][1].append("\n")
            else:
                self._flush()
                if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    self.heading = tag
                self.item = tag == "tr"
                self.in_item += tag == "li"

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.in_link = max(0, self.in_link - 1)
        if tag in ("article", "main") and not self.stack:
            self.in_article = max(0, self.in_article - 1)
        if self.stack and self.stack[-1][0] == tag:
            named = self.named_reasons.pop(len(self.stack), None)
            name, parts = self.stack.pop()
            reason = named or self.FURNITURE.get(name) or self.HIDDEN.get(name, "boilerplate")
            for piece in "".join(parts).split("\n"):
                piece = " ".join(piece.split())
                if piece:
                    if self.stack:
                        self.stack[-1][1].append(piece + "\n")
                    else:
                        self.removed.append((piece, reason))
            return
        if tag == "title":
            self.in_title = False
        if tag == "h1" and self.h1_parts is not None:
            self.first_h1 = " ".join("".join(self.h1_parts).split())
            self.h1_parts = None
        if tag in self.BLOCKS and not self.stack:
            self._flush()
            if tag == self.heading:
                self.heading = None
            if tag == "li":
                self.in_item = max(0, self.in_item - 1)
            elif tag in ("ul", "ol"):
                self.in_item = 0  # items left open (</li> is optional) end with their list

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.stack:
            self.stack[-1][1].append(data)
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if self.in_link:
            self.linked += len(data.strip())
        self.current.append(data)

    def close(self) -> None:
        super().close()
        while self.stack:
            self.handle_endtag(self.stack[-1][0])
        self._flush()


# Elements whose class or id is the name of a part of the page that is not
# the article: comments, related stories, share bars, newsletter and ad
# boxes, pull quotes (which repeat the text). Whole names only, so that
# "social-affairs" or "shareholders-note" stay article text.
_FURNITURE_NAMES = [
    ("comments", re.compile(r"(?:article-|user-|reader-)?comments?(?:-(?:list|section|thread|area|wrap(?:per)?|container))?"
                            r"|disqus(?:_thread)?")),
    ("related", re.compile(r"related(?:-(?:articles?|stories|story|content|links|posts|news|reading))?"
                           r"|more-(?:stories|on-this)|most-(?:read|popular|viewed)|recirc(?:ulation)?|outbrain|taboola")),
    ("share", re.compile(r"(?:social-)?shar(?:e|ing)(?:-(?:bar|buttons?|tools|links|icons|panel|this))?"
                         r"|social-(?:links|buttons|icons|media|share)")),
    ("subscription", re.compile(r"newsletter(?:-(?:signup|box|promo|form))?|(?:newsletter-)?sign-?up(?:-box)?|paywall")),
    ("advertisement", re.compile(r"advert(?:isement)?s?|ad-(?:slot|container|unit|wrapper|box|banner)|sponsored-content")),
    ("pull quote", re.compile(r"pull-?quote")),
]
def _furniture_by_name(attrs: list[tuple[str, str | None]]) -> str | None:
    names = [n.lower() for k, v in attrs if k in ("class", "id") for n in (v or "").split()]
    for reason, pattern in _FURNITURE_NAMES:
        if any(pattern.fullmatch(name) for name in names):
            return reason
    return None


_LINK_ITEM_WORDS = 14  # a list item that is all link and no longer than this is a link to elsewhere


def _reads_as_sentence(text: str) -> bool:
    """A standfirst set as a heading: a long sentence with a full stop."""
    return text.endswith(".") and len(text.split()) >= 10


_NEVER_CONTENT = frozenset({"script", "style", "image", "title"})
_SOME_ARTICLE_TEXT = 300  # characters: less than this kept from a page means its body was taken for furniture
_TITLE_WITHIN = 5  # blocks from the top of a page where its first <h1> is its headline


def _html_to_text(html: str) -> tuple[str, dict[str, str], list[tuple[str, str]]]:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    kept = sum(len(b) for b in parser.blocks)
    wrapped = sum(len(text) for text, reason in parser.removed if reason not in _NEVER_CONTENT)
    if kept < _SOME_ARTICLE_TEXT <= wrapped:
        # A <form>, <header> or element named like furniture around the whole
        # page (as some sites build them) held the article: read them as content.
        parser = _HTMLText(content_tags=frozenset({"form", "header"}), by_name=False)
        parser.feed(html)
        parser.close()
    meta = dict(parser.meta)
    title = " ".join("".join(parser.title_parts).split())
    if title and "title" not in meta:
        meta["title"] = title
    blocks = parser.blocks
    removed = list(parser.removed)
    if parser.first_h1 and parser.first_h1 in blocks[:_TITLE_WITHIN]:
        # The page's first <h1> is the headline, even after a banner or a section name.
        blocks.remove(parser.first_h1)
        removed.insert(0, (parser.first_h1, "title"))
        meta.setdefault("title", parser.first_h1)
    return "\n\n".join(blocks), meta, removed


_MD_IMAGE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\((?:[^)(]|\([^)]*\))*\)")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_SETEXT = re.compile(r"^(?:={3,}|-{3,})\s*$")
# "[1]: https://…" (a link's destination) and "[^1]: a note" (a footnote)
_MD_DEFINITION = re.compile(r"^\s{0,3}\[(?:(\^)[^\]]+\]:\s|[^\]^]+\]:\s+<?(?:[a-z][a-z0-9+.-]*:|/|#|www\.)\S*>?(?:\s+[\"'(].*)?$)")
_MD_REFERENCE_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\[[^\]]*\]")
_MD_FOOTNOTE_MARK = re.compile(r"\[\^[^\]]+\]")
_MD_STRONG = re.compile(r"(?<![\w*_])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=[^\s_])([^_]+?)(?<=\S)_(?![\w_])")
_MD_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MD_INLINE_TAG = re.compile(r"</?(?:b|i|em|strong|span|sup|sub|u|small|mark)\b[^>]*>", re.IGNORECASE)


def _markdown_inline(line: str) -> str:
    """The text of a Markdown line without its inline markup: links, emphasis,
    footnote marks and simple HTML tags."""
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_REFERENCE_LINK.sub(r"\1", line)
    line = _MD_FOOTNOTE_MARK.sub("", line)
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), line)
    line = _MD_BREAK_TAG.sub(" ", line)
    line = _MD_INLINE_TAG.sub("", line)  # "CO<sub>2</sub>" is CO2
    return " ".join(line.split())
_MD_NUMBERED_ITEM = re.compile(r"^\d{1,3}[.)]\s+")
# A list item in any format: "- ", "* ", "• ".
_BULLET = re.compile(r"^[-*+•▪◦·]\s+")


# ---------------------------------------------------------------- splitting


_TERMINAL = tuple(".!?\"”“’'…)»«:;。！？」』।॥؟۔")  # “ closes a German „quotation“; 。 ends Chinese and Japanese, । Hindi
_LINK_WORDS = 20  # a linked headline is no longer than this


_HEADING_WORDS = 12  # the most words of a section head within the text
_TOP_HEADING_WORDS = 30  # and of a headline or standfirst above the text
_TOP_HEADINGS = 2  # the headline and its standfirst
# "KYIV, Ukraine (AP) — ...", "BALTIMORE, March 26 (Wire) - ...", "NEW YORK, Feb. 12, 2024 (Reuters) —",
# "LA PAZ, Bolivia (AP) —", "BEIJING, Oct 3 (Xinhua) --", "TOKYO — ..."; not "US, China agree ..." nor
# "EU - Britain strike ..."
_DATELINE = re.compile(r"(?:[A-Z][A-Z.'’\-]{2,}|[A-Z]{2}(?=\s+[A-Z]{2}))(?:\s+[A-Z][A-Z.'’\-]+)*"
                       r"(?:,\s+[A-Z0-9][\w.]*(?:\s+[A-Z0-9][\w.]*){0,2}){0,3}(?:\s+\([^()]{1,30}\))?\s*(?:—|–|-{1,2})\s")


def _is_heading(text: str, above_the_text: bool = False) -> bool:
    """A short line with no closing punctuation reads as a headline or section
    head; above the first paragraph, a headline and its standfirst may run
    longer ("Titan sub debris brought ashore in Canada; Coast Guard says
    presumed human remains recovered"). One in sentence case that holds a
    sentence ended by a full stop ("The storm killed 11 people. More were
    missing") is text that lost its last full stop; "Canal Blocked? What We
    Know" and "Fire Hits Calif. Town" stay headlines."""
    words = text.split()
    most = _TOP_HEADING_WORDS if above_the_text else _HEADING_WORDS
    if not 0 < len(words) <= most or text.rstrip().endswith(_TERMINAL):
        return False
    sentences = split_sentences(text)
    if len(sentences) < 2 or not any(text[s:e].rstrip().endswith(".") for s, e in sentences[:-1]):
        return True
    later = [w for w in words[1:] if w.isalpha() and len(w) >= 3]
    return 2 * sum(1 for w in later if w[0].isupper()) >= len(later)


# Words that end in a full stop without ending a sentence ("Sept. 19", "Dr. Roe").
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr gen col lt sgt capt cmdr adm maj rep sen gov pres rev hon
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vol fig figs inc ltd co corp dept est approx vs etc al ft mt ave blvd rd
    """.split()
)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-Ý])")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")


_NUMBER_BEFORE = re.compile(r"\d\s*$")
# Units that may end a sentence after a number ("a depth of 4,000 m. Almost",
# "12,500 ft. Rescuers"); not "No. 1 v. No. 2", "Vol. 3 p. 45", "1200 Ft. Washington Ave."
_UNITS_WITH_DOT = frozenset({"m", "h", "ft", "mi", "ha", "min", "sec", "km", "cm", "kg", "lb", "lbs", "in"})
_DIGIT_AFTER = re.compile(r"[.]\s+\d")  # "6 ft. 2 in. tall" goes on


def _is_abbreviation(text: str, dot: int) -> bool:
    before = _WORD_BEFORE.search(text, 0, dot)
    word = before.group(1) if before else ""
    if before and word in _UNITS_WITH_DOT and _NUMBER_BEFORE.search(text, 0, before.start()) \
            and not _DIGIT_AFTER.match(text, dot):
        return False  # a unit ends the sentence: "an operating depth of 4,000 m. Almost every ..."
    return (
        word.lower().rstrip(".") in ABBREVIATIONS
        or (len(word) == 1 and word.isupper())  # an initial: "John F. Kennedy"
        or _DOTTED.fullmatch(word + ".") is not None  # "U.S.", "a.m."
    )


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans as character offsets into ``text``.

    A sentence ends at . ! or ? (with any closing quotes or brackets) before
    a space and a capital letter, digit or opening quote, unless the full
    stop ends an abbreviation or an initial."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while start < n and text[start].isspace():
        start += 1
    for m in _SENTENCE_END.finditer(text):
        if m.group(0)[0] == "." and _is_abbreviation(text, m.start()):
            continue
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end()
        while start < n and text[start].isspace():
            start += 1
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return tuple(spans)


@dataclass
class _Block:
    lines: list[str]
    first_line: int
    item: bool = False  # an item of a list: its own paragraph, never a heading
    after_field: bool = False  # begun on a metadata line ("date 2023-09-24 Azerbaijan took ..."): the text as a record gives it


def _match_metadata(line: str, rules: Rules, in_header: bool = True) -> tuple[MetadataRule, re.Match[str]] | None:
    for rule in rules.metadata:
        if rule.header_only and not in_header:
            continue
        m = rule.regex.match(line) if rule.prefix else rule.regex.fullmatch(line)
        if m:
            return rule, m
    return None


def _furniture_rule(line: str, rules: Rules) -> FurnitureRule | None:
    for rule in rules.furniture:
        if rule.matches(line):
            return rule
    return None


_LINE_ENDS_SENTENCE = re.compile(r"[.!?…:;]['\"’”»)\]]*$")


def _lines_as_paragraphs(block: _Block) -> list[_Block]:
    """One paragraph per line; a line that goes on with a small letter goes
    on the line before."""
    lines = block.lines
    if len(lines) < 2 or block.item:
        return [block]
    parts = [_Block([lines[0]], block.first_line, after_field=block.after_field)]
    for i, line in enumerate(lines[1:], start=1):
        if line[:1].islower() and not _LINE_ENDS_SENTENCE.search(lines[i - 1]):
            parts[-1].lines.append(line)
        else:
            parts.append(_Block([line], block.first_line + i))
    return parts


_TITLE_WORDS = 2  # the fewest words of a headline ("Storm hits")
_WRAPPED_MAX = 100  # no text wrapped at a fixed width has longer lines


_CAPTION_WORDS = 35


def _is_caption_above(block: _Block, credit_line: int, removed: list[Removed]) -> bool:
    """A photo's caption sits right above its credit: one line of one sentence
    ("Travelers wait in line at a ticket counter on July 21, 2024." / "Photo:
    Erik Santos"), with nothing between them; not a list item, a quotation or
    a dateline's lede."""
    if block.item or block.after_field or len(block.lines) != 1:
        return False
    if credit_line - block.first_line > 2 or (removed and removed[-1].line > block.first_line):
        return False
    text = block.lines[0]
    return (len(text.split()) <= _CAPTION_WORDS and len(split_sentences(text)) == 1
            and text[:1] not in "\"“‘'" and not _DATELINE.match(text))


def parse_article(
    text: str,
    source_id: str,
    fmt: str = "text",
    rules: Rules | None = None,
) -> tuple[list[Paragraph], list[Removed], dict[str, str], list[str]]:
    """Split decoded article text into body paragraphs and removed lines.

    Returns (paragraphs, removed, metadata, warnings).
    """
    rules = rules or load_rules()
    meta: dict[str, str] = {}
    removed: list[Removed] = []
    warnings: list[str] = []

    if fmt == "html":
        text, html_meta, html_removed = _html_to_text(text)
        text = clean_text(text)
        meta.update(_metadata_from_mapping(html_meta))
        removed += [Removed(clean_text(t), reason, 0) for t, reason in html_removed]
    else:
        text = clean_text(text)

    lines = text.split("\n")
    fm, fm_lines, fm_warnings = _front_matter(text)
    warnings += fm_warnings
    if fm_lines:
        block = "\n".join(line for line in lines[:fm_lines] if line.strip())
        removed.append(Removed(block, "metadata", 1))
        meta.update(_metadata_from_mapping(fm))

    blocks: list[_Block] = []
    current: _Block | None = None
    link_list = False  # in a list under a label such as "Related:"
    plain_links = False  # right under such a label, in lines with no bullets and no blank line between

    text_blocks = 0  # blocks read as text, not headlines: above the second, a line may date the article

    def close_block() -> None:
        nonlocal current, text_blocks
        if current and current.lines:
            blocks.append(current)
            text_blocks += len(current.lines) > 1 or current.lines[0].rstrip().endswith(_TERMINAL)
        current = None

    for number, raw in enumerate(lines[fm_lines:], start=fm_lines + 1):
        line = raw.strip()
        if not line:
            close_block()
            plain_links = False
            continue
        if plain_links and not _BULLET.match(line):
            if not line.endswith(_TERMINAL) and len(line.split()) <= _LINK_WORDS:
                removed.append(Removed(line, "boilerplate", number))  # "Trending Now" over headlines, one a line
                continue
            plain_links = False
        if fmt == "markdown" and not _BULLET.match(line) and not _MD_NUMBERED_ITEM.match(line):
            link_list = False  # a heading, an image or text ends the list under a "Related" label
        if fmt == "markdown":
            heading = _MD_HEADING.match(line)
            if heading:
                close_block()
                level, title = len(heading.group(1)), heading.group(2)
                if level == 1 and meta.get("title", title) == title:
                    meta["title"] = title
                    removed.append(Removed(line, "title", number))
                else:
                    removed.append(Removed(line, "heading", number))
                continue
            if _MD_IMAGE.match(line):
                close_block()
                removed.append(Removed(line, "image", number))
                continue
            if _MD_SETEXT.match(line) and current is not None and not current.item:
                # "Title\n=====": the lines above are a heading
                heading_line = " ".join(current.lines)
                current = None
                is_title = line.startswith("=") and "title" not in meta
                if is_title:
                    meta["title"] = heading_line
                removed.append(Removed(heading_line, "title" if is_title else "heading", number - 1))
                continue
            definition = _MD_DEFINITION.match(line)
            if definition:
                close_block()
                removed.append(Removed(line, "footnote" if definition.group(1) else "link", number))
                continue
            quoted = _MD_QUOTE.match(line)
            line = _MD_QUOTE.sub("", line)
            if _MD_NUMBERED_ITEM.match(line):
                line = _MD_NUMBERED_ITEM.sub("- ", line, count=1)
            line = _markdown_inline(line)
            if not line:
                if quoted:
                    close_block()  # a bare ">" parts two quoted paragraphs
                continue
        # under a "Most popular" label a numbered line is a link too: "1. Messi confirms ..."
        bullet = _BULLET.match(line) or (_MD_NUMBERED_ITEM.match(line) if link_list else None)
        if bullet:
            # Each item of a list is a paragraph: "Deaths: 21" and "Missing: 14"
            # are two facts, not one sentence.
            line = line[bullet.end():].strip()
            if not line:
                continue
            close_block()
            if link_list:
                removed.append(Removed(line, "boilerplate", number))
                continue
            current = _Block([], number, item=True)
        else:
            link_list = False
        found = _match_metadata(line, rules, in_header=text_blocks < _HEADER_TEXT_BLOCKS)
        if found:
            rule, m = found
            value = m.group("value").strip() if "value" in m.groupdict() and m.group("value") else ""
            field_name = rule.field
            if field_name == "from-key":
                field_name = _FIELD_ALIASES.get(m.group("key").lower(), "")
            if field_name in METADATA_FIELDS and value and field_name not in meta:
                meta[field_name] = normalise_date(value) if field_name == "date" else value
            removed.append(Removed(m.group(0).strip(), "metadata", number))
            _date_from_byline(meta, removed[-1].text)
            line = line[m.end():].strip() if rule.prefix else ""
            if not line:
                continue
            if current is None:
                current = _Block([], number, after_field=True)
        furniture = _furniture_rule(line, rules)
        if furniture:
            close_block()
            if furniture.name == "photo-credit" and blocks and _is_caption_above(blocks[-1], number, removed):
                caption = blocks.pop()
                removed.append(Removed(caption.lines[0], "photo caption", caption.first_line))
            removed.append(Removed(line, furniture.reason, number))
            if furniture.reason == "metadata":
                _date_from_byline(meta, line)
            link_list = furniture.heads_list and not bullet
            plain_links = link_list and fmt != "markdown"
            continue
        if current is None:
            current = _Block([], number)
        current.lines.append(line)
    close_block()

    # A file with no blank line between its lines has one paragraph per line;
    # so has a run of lines that each end a sentence, as text copied from a
    # browser does, while a paragraph wrapped at a fixed width mostly ends its
    # lines mid-sentence. (Line numbers are approximate when furniture sat
    # between lines; ids do not use them.)
    if len(blocks) == 1 and len(blocks[0].lines) > 1:
        only = blocks[0]
        blocks = [_Block([line], only.first_line + i, after_field=only.after_field and not i) for i, line in enumerate(only.lines)]
    # A file with a line longer than any fixed width wraps to has one
    # paragraph per line, as text copied from a browser has, even where a
    # blank or a furniture line splits it into blocks; a file of short lines
    # (wrapped at a fixed width, ragged, with a poem or an address) keeps its
    # blocks whole. Not Markdown, where a single newline is a soft break.
    if fmt != "markdown" and any(len(line) > _WRAPPED_MAX for block in blocks for line in block.lines):
        blocks = [part for block in blocks for part in _lines_as_paragraphs(block)]

    texts = [(" ".join(b.lines), b.first_line) for b in blocks]
    # Above the first block that reads as text, a long line with no full stop
    # is the headline or its standfirst; not in a page whose markup says which
    # its headings are, nor a dateline's lede ("KYIV, Ukraine (AP) — ..."), nor
    # what follows a record's field on its line ("date 2023-09-24 Azerbaijan
    # took ..."), nor in an article with no such block, whose lines are its text.
    first_text = next((j for j, b in enumerate(blocks) if len(b.lines) > 1 or b.lines[0].rstrip().endswith(_TERMINAL)),
                      0)
    long_headings = 0
    body: list[tuple[str, int]] = []
    for i, (para_text, line_no) in enumerate(texts):
        single_line = len(blocks[i].lines) == 1
        above_the_text = (not body and i < first_text and fmt not in ("html", "markdown") and not blocks[i].after_field
                          and long_headings < _TOP_HEADINGS and not _DATELINE.match(para_text))
        if single_line and not blocks[i].item and _is_heading(para_text, above_the_text) and len(texts) > 1:
            long_headings += len(para_text.split()) > _HEADING_WORDS
            # A one-word section label over the headline ("Africa") is not the title.
            is_title = not body and "title" not in meta and len(para_text.split()) >= _TITLE_WORDS
            if is_title:
                meta["title"] = para_text
            removed.append(Removed(para_text, "title" if is_title else "heading", line_no))
            continue
        body.append((para_text, line_no))
    if not body:
        # Every line read as a heading: they are the text, all but the title ("Storm hits\n\nRoads closed\n").
        headings = [r for r in removed if r.reason == "heading" and (r.text, r.line) in texts]
        body = [(r.text, r.line) for r in headings]
        removed = [r for r in removed if r not in headings]

    paragraphs = [
        Paragraph(
            id=f"{source_id}:p{n}",
            index=n,
            text=para_text,
            sentences=split_sentences(para_text),
            line=line_no,
        )
        for n, (para_text, line_no) in enumerate(body, start=1)
    ]
    removed.sort(key=lambda r: r.line)
    return paragraphs, removed, meta, warnings


# ---------------------------------------------------------------- loading


def read_sources_yaml(folder: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Metadata by file name or stem from a ``sources.yaml`` in ``folder``."""
    path = folder / SOURCES_FILE
    if not path.is_file():
        return {}, []
    try:
        data = load_yaml(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return {}, [f"{path}: could not be read ({exc.__class__.__name__}); its metadata is ignored"]
    if data is None:
        return {}, []
    if isinstance(data, dict) and isinstance(data.get("sources"), list):
        data = {str(e.get("file", "")): e for e in data["sources"] if isinstance(e, dict)}
    if not isinstance(data, dict):
        return {}, [f"{path}: expected a mapping of file names to metadata; ignored"]
    out: dict[str, dict[str, str]] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out[str(key)] = _metadata_from_mapping(value)
    return out, []


def load_source(
    path: Path,
    source_id: str | None = None,
    rules: Rules | None = None,
    extra_meta: dict[str, str] | None = None,
) -> Source:
    """Read one article file. Raises SourceError with a user-facing reason."""
    path = Path(path)
    fmt = ARTICLE_SUFFIXES.get(path.suffix.lower(), "text")
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise SourceError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        text, encoding, warnings = decode(data, html=fmt == "html")
    except SourceError as exc:
        raise SourceError(f"{path}: {exc}") from None
    sid = source_id or path.stem
    paragraphs, removed, meta, parse_warnings = parse_article(text, sid, fmt, rules)
    if not paragraphs:
        raise SourceError(f"{path}: has no article text")
    meta.update(extra_meta or {})
    return Source(
        id=sid,
        path=path,
        paragraphs=paragraphs,
        removed=removed,
        encoding=encoding,
        warnings=[f"{path}: {w}" for w in warnings + parse_warnings],
        **{k: meta.get(k, "") for k in METADATA_FIELDS},
    )


REPORT_STEM = "sourcing-report"  # the app's reports: sourcing-report.html, <review name>.sourcing-report.md


def _expand(paths: Sequence[Path]) -> tuple[list[tuple[Path, bool]], list[str]]:
    """(file, named-explicitly) pairs for the given files and folders."""
    files: list[tuple[Path, bool]] = []
    notes: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            if path.is_symlink():
                raise CorpusError(f"{path}: a link to nothing, or back to itself")
            raise CorpusError(f"{path}: no such file or folder")
        if path.is_dir():
            try:
                entries = sorted(path.iterdir())
            except OSError as exc:
                raise CorpusError(f"{path}: cannot list the folder ({exc.strerror or exc})") from None
            for entry in entries:
                if entry.name.startswith(".") or entry.name == SOURCES_FILE or entry.is_dir():
                    continue
                if entry.stem == REPORT_STEM or entry.stem.endswith("." + REPORT_STEM):
                    notes.append(f"{entry}: a Parallax sourcing report, not an article; skipped")
                elif entry.suffix.lower() in ARTICLE_SUFFIXES:
                    files.append((entry, False))
                else:
                    notes.append(f"{entry}: skipped, not a .txt, .md or .html article")
        else:
            files.append((path, True))
    return files, notes


def _unique_ids(files: list[Path]) -> dict[Path, str]:
    ids: dict[Path, str] = {}
    by_stem: dict[str, list[Path]] = {}
    for f in files:
        by_stem.setdefault(f.stem, []).append(f)
    for stem, group in by_stem.items():
        if len(group) == 1:
            ids[group[0]] = stem
            continue
        for f in group:
            ids[f] = f"{f.parent.name}/{f.name}" if len({g.name for g in group}) < len(group) else f.name
    return ids


def load_corpus(
    paths: Sequence[Path | str],
    rules: Rules | None = None,
    min_sources: int = MIN_SOURCES,
) -> Corpus:
    """Load articles from files and folders.

    A file named explicitly that cannot be read is an error; a file found in a
    folder that cannot be read is reported in ``Corpus.warnings`` and skipped.
    Sources come sorted by id so that results never depend on argument order.
    """
    if not paths:
        raise CorpusError("no files or folders given")
    rules = rules or load_rules()
    files, warnings = _expand([Path(p) for p in paths])
    warnings = list(rules.warnings) + warnings
    seen: set[Path] = set()
    unique = []
    for f, explicit in files:
        try:
            key = f.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            warnings.append(f"{f}: cannot be read (a link that leads back to itself); skipped")
            continue
        if key not in seen:
            seen.add(key)
            unique.append((f, explicit))
    ids = _unique_ids([f for f, _ in unique])
    meta_by_folder: dict[Path, dict[str, dict[str, str]]] = {}
    sources: list[Source] = []
    for f, explicit in unique:
        folder = f.parent
        if folder not in meta_by_folder:
            meta_by_folder[folder], notes = read_sources_yaml(folder)
            warnings += notes
        folder_meta = meta_by_folder[folder]
        extra = folder_meta.get(f.name) or folder_meta.get(f.stem) or {}
        try:
            src = load_source(f, ids[f], rules, extra)
        except SourceError as exc:
            if explicit:
                raise
            warnings.append(f"{exc}; skipped")
            continue
        warnings += src.warnings
        sources.append(src)
    sources.sort(key=lambda s: s.id)
    if not sources:
        detail = f" ({'; '.join(warnings)})" if warnings else ""
        raise CorpusError(f"no readable article in {', '.join(str(p) for p in paths)}{detail}")
    if len(sources) < min_sources:
        detail = f"; the others: {'; '.join(warnings)}" if warnings else ""
        raise CorpusError(
            f"found {len(sources)} readable article ({sources[0].path}); "
            f"a comparison needs at least {min_sources}{detail}"
        )
    return Corpus(sources=sources, warnings=warnings, root=_common_root([s.path for s in sources]))


def _common_root(paths: list[Path]) -> Path | None:
    try:
        return Path(os.path.commonpath([str(p.resolve().parent) for p in paths]))
    except ValueError:
        return None


def bundled_seeds() -> Path:
    """The seed corpus: inside the installed package, or the checkout's seeds/."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    raise CorpusError("the bundled seed articles are missing from this installation")
