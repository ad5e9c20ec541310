"""Where the sources disagree: spelling variants, and figures that agree or
conflict, on top of the alignment.

Figures are grouped when they are about the same quantity: the same kind of
figure and unit, the same thing counted, in paragraphs that the alignment put
side by side. Each group is then judged by comparing every pair of figures
from different sources with ``figures.compare_figures``.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from itertools import combinations

from rapidfuzz import fuzz

from .align import DEFAULT_STRICTNESS, Alignment, align
from .corpus import Corpus
from .evidence import NAME_TITLES, STOPWORDS, counts_people, fold_word, paraphrases, stem
from .figures import (
    CALENDAR_WORDS,
    SEQUENCE_NOUNS,
    Figure,
    base_quantity,
    clause_years,
    compare_figures,
    extract_figures,
    gapped,
    in_digits,
    quantity_name,
    significant_digits,
)
from .roles import (
    CLAUSE_WORDS,
    ROLE_REACH,
    ROLE_TOKEN,
    ROLES,
    SCOPE_DETERMINERS,
    SCOPE_PREPOSITIONS,
    count_role,
    role_of_word,
)
from .variants import VariantGroup, find_variants, name_key

COMPARABLE_KINDS = frozenset({"count", "percent", "measure", "duration", "money", "ordinal", "age"})


# What a length measures, by the word after it ("4 metres wide", "3 metres
# ahead") or the noun before it ("at a depth of 17.9 km"): a crater's width and
# its distance are two quantities, though both are in metres.
_DIMENSIONS = {
    dimension: frozenset(words.split())
    for dimension, words in {
        "width": "wide width across broad breadth diameter",
        "length": "long length",
        "height": "high height tall altitude elevation",
        "depth": "deep depth",
        "distance": "ahead away distance off behind from",
        "thickness": "thick thickness",
    }.items()
}
_DIMENSION_OF = {word: dimension for dimension, words in _DIMENSIONS.items() for word in words}
# Floodwater "2 metres deep" and "3 metres high" measure one thing.
_ROLE_CLASS = {"depth": "height"}
_WORD_AFTER_MEASURE = re.compile(r"\s*(?:[(\[][^)\]]{0,40}[)\]]\s*)?[-‐\s]?([^\W\d_]+)")
_PREPOSITION_USE = re.compile(r"\s+(?:(?:the|a|an|its|their|his|her|this|that)\b|[A-Z])")  # "30 km across the hills"
_NOUN_OF_BEFORE = re.compile(r"([^\W\d_]+)\s+of\s*$")


def measure_dimension(sentence: str, start: int, end: int) -> str | None:
    """What the measure at sentence[start:end] measures: "width", "depth"...,
    or None when its sentence does not say."""
    after = _WORD_AFTER_MEASURE.match(sentence, end)
    if after and after.group(1).lower() in _DIMENSION_OF \
            and not (after.group(1).lower() == "across" and _PREPOSITION_USE.match(sentence, after.end())):
        return _DIMENSION_OF[after.group(1).lower()]
    before = _NOUN_OF_BEFORE.search(sentence, max(0, start - 20), start)
    if before and before.group(1).lower() in _DIMENSION_OF:
        return _DIMENSION_OF[before.group(1).lower()]
    return None


_SCOPE_WORD = re.compile(r"[^\W_]+(?:[-‐][^\W_]+)*|[,;:()]")
_SCOPE_REACH = 4  # words of the place looked at


def figure_scope(sentence: str, end: int) -> frozenset[str]:
    """Where the count ending at sentence[end] was counted, as stems: the
    words of the first "in ...", "across ...", "from ..." of its clause ("812
    people were killed in government-held areas", "and 1,347 in
    government-controlled areas"), or the place a distance is told from ("900
    miles (1,450 km) east of Cape Cod", past the conversion in brackets). Only
    a named place or a word for one counts: "in Tuesday's blast" says when. A
    hyphenated word counts as its parts and as one word, so that "north-west"
    meets "northwest"."""
    tokens = _SCOPE_WORD.findall(sentence, end)
    if tokens[:1] == ["("] and ")" in tokens:
        tokens = tokens[tokens.index(")") + 1:]  # "900 miles (1,450 km) east of Cape Cod"
    place: list[str] = []
    for i, word in enumerate(tokens[:ROLE_REACH + 1]):
        if word in ",;:()" or word.lower() in CLAUSE_WORDS or word[0].isdigit():
            break
        if word.lower() in SCOPE_PREPOSITIONS:
            place = tokens[i + 1:i + 1 + _SCOPE_REACH]
            break
        if word.lower() in _DIRECTIONS and i + 1 < len(tokens) and tokens[i + 1].lower() == "of":
            place = tokens[i + 2:i + 2 + _SCOPE_REACH]  # "400 miles south of St. John's": measured from there
            break
    out: set[str] = set()
    is_place = False
    for word in place:
        if word in ",;:()" or word.lower() in CLAUSE_WORDS or word[0].isdigit():
            break
        parts = re.split(r"[-‐]", word.lower())
        named = word[0].isupper() and word.lower() not in CALENDAR_WORDS
        is_place = is_place or named or any(part in _PLACE_NOUNS for part in parts)
        for part in parts + (["".join(parts)] if len(parts) > 1 else []):
            if len(part) >= 3 and part not in STOPWORDS and part not in SCOPE_DETERMINERS:
                out.add(stem(part))
    # "in the earthquake", "in total", "in the past week" say how or when, not where
    return frozenset(out) if is_place else frozenset()


# A sentence that opens with where it is about: "In Turkey, …", "Across the northern provinces, …".
_OPENING_PLACE = re.compile(r"[\s\"'“‘]*((?:In|Across|Throughout|Inside|Within)\s+([^,;:()\d]{2,60})),")
# What starts another clause, or another place, between that opening and a figure.
_OTHER_CLAUSE = re.compile(r"[;:]|\b(?:while|whereas|but|in|across|throughout|inside|within|from)\b", re.IGNORECASE)


def opening_place(sentence: str, start: int) -> frozenset[str]:
    """The place a sentence opens with, for the count at sentence[start:] in
    its first clause: "In Turkey, the number of dead rose to 5,894". Not past
    another clause or place ("..., and in Syria 2,662 have died"), and only a
    named place or a word for one ("In a statement, ..." and "Within hours
    ..." name none)."""
    opening = _OPENING_PLACE.match(sentence)
    if opening is None or opening.end() > start or _OTHER_CLAUSE.search(sentence, opening.end(), start):
        return frozenset()
    words = [w for w in _SCOPE_WORD.findall(opening.group(2)) if w.lower() not in SCOPE_DETERMINERS]
    if not words or not ((words[0][0].isupper() and words[0].lower() not in CALENDAR_WORDS)
                         or words[0].lower() in _PLACE_NOUNS):
        return frozenset()
    return figure_scope(sentence[: opening.end() - 1], opening.start(1))


_DIRECTIONS = frozenset("north south east west northwest northeast southwest southeast north-west north-east "
                        "south-west south-east off".split())
# Nouns that name a place without naming it ("in government-held areas", "in the northwest").
_PLACE_NOUNS = frozenset("""
area areas region regions province provinces state states district districts city cities town towns village villages
county counties capital territory territories zone zones enclave enclaves camp camps border borders valley valleys
coast island islands north south east west northwest northeast southwest southeast northern southern eastern western
north-west north-east south-west south-east countryside suburbs neighbourhood neighborhood neighbourhoods
neighborhoods
""".split())


@dataclass(frozen=True)
class Mention:
    source: str
    paragraph: str
    figure: Figure
    sentence: str  # the whole sentence, for the editor to read both sides
    role: str | None = None  # what happened to what it counts ("dead", "rescued"), what it measures ("width")
    scope: frozenset[str] = frozenset()  # where it was counted: "in government-held areas"
    years: frozenset[int] = frozenset()  # the years its clause says it is of: "in 2019", "last year"
    part: bool = False  # a part of a larger count: "a tally that included 18 lawmakers"

    @property
    def key(self) -> tuple[str, int]:
        return (self.paragraph, self.figure.start)


@dataclass(frozen=True)
class Quote:
    """One sentence quoted for a group, with every figure of the group it holds."""

    source: str
    paragraph: str
    sentence: str
    figures: tuple[Figure, ...]


@dataclass
class FigureGroup:
    status: str  # "agree" or "conflict"
    about: str
    mentions: list[Mention]
    reasons: list[str]
    rows: list[str] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return sorted({m.source for m in self.mentions})

    def quotes(self) -> list[Quote]:
        """The sentences to quote, each once, in the order of the mentions: two
        figures of the group in one sentence ("committed $1 billion ... a stake
        worth about $1.9 billion") share one quote."""
        figures: dict[tuple[str, str, str], list[Figure]] = {}
        for m in self.mentions:
            figures.setdefault((m.source, m.paragraph, m.sentence), []).append(m.figure)
        return [Quote(source, paragraph, sentence, tuple(found)) for (source, paragraph, sentence), found in figures.items()]

    def conflicting_pairs(self) -> list[tuple[Mention, Mention, str]]:
        out = []
        for a, b in combinations(self.mentions, 2):
            if a.source == b.source:
                continue
            try:
                status, reason = compare_figures(a.figure, b.figure)
            except ValueError:
                continue
            if status == "conflict":
                out.append((a, b, reason))
        return out


@dataclass
class Comparison:
    corpus: Corpus
    alignment: Alignment
    variants: list[VariantGroup]
    figures: list[FigureGroup]

    @property
    def conflicts(self) -> list[FigureGroup]:
        return [g for g in self.figures if g.status == "conflict"]

    def to_export(self) -> dict:
        return {
            "rows": [r.to_export() for r in self.alignment.rows],
            "variants": [variant_to_export(v) for v in self.variants],
            "figures": [figure_group_to_export(g) for g in self.figures],
        }


def variant_to_export(group: VariantGroup) -> dict:
    return {
        "kind": group.kind,
        "forms": group.sources_by_form(),
        "occurrences": {
            form: [
                {"source": o.source, "paragraph": o.paragraph, "start": o.start, "end": o.end}
                for o in occurrences
            ]
            for form, occurrences in group.forms.items()
        },
    }


def figure_group_to_export(group: FigureGroup) -> dict:
    return {
        "status": group.status,
        "about": group.about,
        "reason": "; ".join(group.reasons),
        "rows": group.rows,
        "mentions": [
            {
                "source": m.source,
                "paragraph": m.paragraph,
                "text": m.figure.text,
                "value": m.figure.value,
                "high": m.figure.high,
                "bound": m.figure.bound,
                "unit": m.figure.unit,
                "kind": m.figure.kind,
                "thing": m.figure.thing,
                "start": m.figure.start,
                "end": m.figure.end,
                "sentence": m.sentence,
            }
            for m in group.mentions
        ],
    }


# ---------------------------------------------------------------- figures


def _thing_key(thing: str | None) -> str | None:
    if not thing:
        return None
    return "people" if counts_people(thing) else stem(fold_word(thing))


def _person(name: str) -> tuple[str | None, str]:
    """(first name or None, surname) as keys: "Sam Bankman-Fried" and "Mr Bankman-Fried" are
    one person; "Mark Cohen" and "Leonard Cohen", or "Barbara Fried", are others."""
    words = [w for w in name.split() if w.lower().rstrip(".") not in NAME_TITLES] or name.split()
    return (name_key(words[0]) if len(words) > 1 else None), name_key(words[-1])


def _surname_key(name: str) -> str:
    """The last part of a name, for finding whose ages to compare ("Fried" of "Bankman Fried")."""
    return name_key(re.split(r"[\s\-‐]+", name.strip())[-1])


def _is_name(thing: str | None) -> bool:
    words = (thing or "").split()
    return bool(words) and all(w[:1].isupper() for w in words) and not all(
        w.lower().rstrip(".") in NAME_TITLES for w in words)


def _same_person(a: str, b: str) -> bool:
    if name_key(a) == name_key(b):
        return True  # "Bankman-Fried" and "Bankman Fried"
    (first_a, surname_a), (first_b, surname_b) = _person(a), _person(b)
    return surname_a == surname_b and (first_a is None or first_b is None or first_a == first_b)


def same_quantity(a: Figure, b: Figure) -> bool:
    """Whether two figures could count the same thing."""
    if a.kind != b.kind or a.kind not in COMPARABLE_KINDS or not _comparable(a, b):
        return False
    if a.kind == "age":  # "Bankman-Fried, 31" and "Bankman Fried, 32": one person's age, not "a 23-year-old man"'s
        return _is_name(a.thing) and _is_name(b.thing) and _same_person(a.thing or "", b.thing or "")
    ta, tb = _thing_key(a.thing), _thing_key(b.thing)
    if a.kind == "ordinal":
        return ta is not None and ta == tb  # "the 108th minute" and "the 109th minute"
    if ta is None or tb is None:
        # A percentage or a measure says what it is by its unit; a bare count
        # does not. A measure in one unit system, or a sum in one currency, is
        # the same quantity whether or not a source names what it measures
        # ("12 inches of rain", "30 cm"; "a loss of $1.8bn", "lost $2.1bn").
        return a.kind != "count" and (ta == tb or a.kind in ("measure", "money"))
    if _one_thing(ta, tb):
        return True  # "1,200 houses" and "more than 1,500 homes"
    # "munitions" and "ammunition": one word inside the other, or nearly the same.
    shorter, longer = sorted((ta, tb), key=len)
    return (len(shorter) >= 5 and shorter in longer) or fuzz.ratio(ta, tb) >= 85


def _one_thing(ka: str, kb: str) -> bool:
    """Two thing keys for one thing: the same key, or words of one paraphrase group ("homes" / "houses")."""
    if ka == kb:
        return True
    groups = paraphrases().words
    return not set(groups.get(ka, ())).isdisjoint(groups.get(kb, ()))


def _comparison(a: Figure, b: Figure) -> tuple[str, str] | None:
    """compare_figures(a, b), or None when their units do not convert."""
    try:
        return compare_figures(a, b)
    except ValueError:
        return None


def _comparable(a: Figure, b: Figure) -> bool:
    return _comparison(a, b) is not None


def _converts_to(a: Figure, b: Figure) -> bool:
    """Whether b states a in another unit ("17.9 km (11 miles)")."""
    if a.kind != b.kind or not a.unit or not b.unit or a.unit == b.unit:
        return False
    result = _comparison(a, b)
    return result is not None and result[0] == "agree"


_CONVERSION_GAP = re.compile(r"\s*[(\[]\s*")


# Words that open a part of a count told before: "including 102 children", "among them 200 in critical condition".
_PART_MARKER = re.compile(r"\b(?:includ(?:ing|ed|es|e)|among\s+(?:them|whom)(?:\s+(?:were|was|are|is))?|of\s+whom)\s+$",
                          re.IGNORECASE)


# "200 of the wounded", "12 of the 40 protesters", "360 of them": a part of what follows.
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|them|its|their|his|her|our)\b", re.IGNORECASE)
# A part this much smaller than a whole count is not told as that count; one nearer may be
# ("including about 280 soldiers" may be "about 230 soldiers" told otherwise).
_SMALL_PART = 0.5


def _mentions(corpus: Corpus) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    dates = _report_dates(corpus)
    for p in corpus.paragraphs():
        mentions: list[Mention] = []
        previous: Figure | None = None
        figures = extract_figures(p.text)
        for f in figures:
            restated = previous is not None and _CONVERSION_GAP.fullmatch(p.text, previous.end, f.start) is not None \
                and _converts_to(previous, f)
            previous = f
            if (f.kind not in COMPARABLE_KINDS and not _plain_year(p.text, f)) or restated:
                continue  # "17.9 km (11 miles)": the figure again, in another unit
            if f.kind == "ordinal" and not (f.thing and in_digits(f)):
                continue  # "the first quake" and "the second quake" are two quakes, not two counts of one
            start, end = p.sentence_at(f.start)
            sentence = p.text[start:end]
            role = count_role(p.text, start, end, f) if f.kind == "count" \
                else measure_dimension(sentence, f.start - start, f.end - start) if f.kind == "measure" \
                else _year_qualifier(p.text, f) if f.kind == "year" else None
            if role is None and f.thing and gapped(p.text, f):
                # "and 1,120 in the north" were killed too, if the count before it was
                role = next((m.role for m in reversed(mentions)
                             if m.sentence == sentence and m.figure.thing == f.thing and m.role), None)
            scope = figure_scope(sentence, f.end - start)
            if not scope and f.kind != "measure":  # a distance is told from its own place, not the sentence's
                scope = opening_place(sentence, f.start - start)
            part = f.kind == "count" and (_PART_MARKER.search(p.text, max(start, f.start - 40), f.start) is not None
                                          or _PARTITIVE.match(p.text, f.end) is not None)
            mentions.append(Mention(p.source_id, p.id, f, sentence, role, scope,
                                    clause_years(sentence, start, f, figures, dates.get(p.source_id)), part))
        out[p.id] = mentions
    return out


_NAME_BEFORE_YEAR = re.compile(r"\b([A-Z][\w.]*)\s+\Z")
_CALENDAR_NAMES = frozenset(w.capitalize() for w in CALENDAR_WORDS) | {"May"}


def _plain_year(text: str, f: Figure) -> bool:
    """A year told as one ("opened in 1977", "since 2014"): not a decade or a
    range ("the early 1970s"), nor part of a name ("Euro 2024")."""
    if f.kind != "year" or f.high is not None:
        return False
    name = _NAME_BEFORE_YEAR.search(text, max(0, f.start - 12), f.start)
    return not (name and name[1].lower().rstrip(".") not in STOPWORDS and name[1] not in _CALENDAR_NAMES)


_YEAR_QUALIFIER = re.compile(r"\b(before|after|since|until|till|by|around|about|circa)\s+\Z", re.IGNORECASE)


def _year_qualifier(text: str, f: Figure) -> str | None:
    """ "since 2014" is compared with "since 2014" only, "before 2002" with "before 2002"."""
    m = _YEAR_QUALIFIER.search(text, max(0, f.start - 8), f.start)
    return m[1].lower() if m else None


def _about(mentions: list[Mention]) -> str:
    things = Counter(m.figure.thing for m in mentions if m.figure.thing)
    if mentions[0].figure.kind == "age":
        return f"age of {things.most_common(1)[0][0]}" if things else "age"
    if mentions[0].figure.kind == "year":
        return "year"
    units = Counter(m.figure.unit for m in mentions if m.figure.unit)
    roles = {m.role for m in mentions if m.role}
    role = roles.pop() if len(roles) == 1 else None
    if things:
        thing = things.most_common(1)[0][0]
        if role and thing != role and thing not in ROLES[role]:
            return f"{thing} {role}"  # "people missing"
        return thing
    if role:
        return role
    if units:
        unit = units.most_common(1)[0][0]
        return quantity_name(next(m.figure for m in mentions if m.figure.unit == unit))
    return mentions[0].figure.kind


# "two days ago", "four days since the sub vanished", "six days into the search";
# not "six days after the sinking", a fixed span
_ELAPSED_AFTER = re.compile(r"\s+(?:ago|since|into)\b", re.IGNORECASE)
_DAY_SECONDS = 86400.0


def _report_dates(corpus: Corpus) -> dict[str, _dt.date]:
    out: dict[str, _dt.date] = {}
    for source in corpus.sources:
        try:
            out[source.id] = _dt.date.fromisoformat(source.date)
        except ValueError:
            pass
    return out


def _elapsed_days(m: Mention) -> float | None:
    """A time until the report, in days ("vanished two days ago", "four days
    since it vanished"), which grows with the date of the report; "six days
    after the sinking" does not."""
    f = m.figure
    if f.kind != "duration" or f.high is not None:
        return None
    dimension, seconds = base_quantity(f)
    if dimension != "time" or not _ELAPSED_AFTER.match(m.sentence, m.sentence.find(f.text) + len(f.text)):
        return None
    return seconds / _DAY_SECONDS


def _told_days_apart(a: Mention, b: Mention, dates: dict[str, _dt.date]) -> str | None:
    """Why two times until the report agree though they differ: the reports
    were written that many days apart ("two days ago" on 20 June, "six days
    ago" on 24 June)."""
    days_a, days_b = _elapsed_days(a), _elapsed_days(b)
    date_a, date_b = dates.get(a.source), dates.get(b.source)
    if days_a is None or days_b is None or date_a is None or date_b is None or date_a == date_b:
        return None
    apart = (date_b - date_a).days
    if abs((days_b - days_a) - apart) > _DAYS_SLACK:
        return None
    return f"'{a.figure.text}' ({date_a:%d %b}) and '{b.figure.text}' ({date_b:%d %b}): the reports are {abs(apart)} days apart"


_DAYS_SLACK = 1.0  # "two days ago" may be said of the day before yesterday late in the evening


def _judge(mentions: list[Mention], dates: dict[str, _dt.date] | None = None) -> tuple[str, list[str]]:
    """Compare each distinct figure with each other one reported by another
    source; times until the report ("two days ago", "six days ago") that
    differ as the reports' dates do agree."""
    by_text: dict[str, tuple[Figure, set[str]]] = {}
    told: dict[tuple[str, str], Mention] = {}  # (figure as written, source) -> a mention
    for m in mentions:
        by_text.setdefault(m.figure.text, (m.figure, set()))[1].add(m.source)
        told.setdefault((m.figure.text, m.source), m)
    conflicts: list[str] = []
    agreements: list[str] = []
    distinct = sorted(by_text.items())
    for _, (figure, sources) in distinct:
        if len(sources) > 1:
            agreements.append(compare_figures(figure, figure)[1])
    for (ta, (fa, sa)), (tb, (fb, sb)) in combinations(distinct, 2):
        if sa == sb and len(sa) == 1:
            continue  # one source giving two figures is not a disagreement between sources
        status, reason = compare_figures(fa, fb)
        if status == "conflict" and dates:
            apart = [_told_days_apart(told[ta, x], told[tb, y], dates) for x in sorted(sa) for y in sorted(sb)]
            if all(apart):
                status, reason = "agree", str(apart[0])
        (conflicts if status == "conflict" else agreements).append(reason)
    # Two wordings of one value ("24 hours", "24-hour") give the same reason twice.
    if conflicts:
        return "conflict", list(dict.fromkeys(conflicts))
    return "agree", list(dict.fromkeys(agreements))[:3]


_Key = tuple[str, str, str | None, str]


def _signature(f: Figure) -> tuple:
    return (f.text, f.kind, f.value, f.high, f.unit, f.bound, f.thing)


def _by_content(m: Mention) -> tuple:
    return (m.figure.value, m.figure.text, m.sentence, m.figure.start)


def _bucket_key(m: Mention) -> _Key:
    if m.figure.kind in ("age", "year"):  # "a 34-year-old man" is not "a 34-year-old woman"
        return (m.figure.kind, m.figure.unit or "", (m.figure.thing or "").lower() or None, m.role or "")
    return (m.figure.kind, m.figure.unit or "", _thing_key(m.figure.thing), m.role or "")


def _said_by(key: str | None, thing: str | None, role: str) -> bool:
    """Whether a count's thing says no more than its role: people, or a word of
    the role itself ("deaths", "the dead", "fatalities" for the dead)."""
    return key in (None, "people", _thing_key(role)) or (thing is not None and role_of_word(thing) == role)


def _same_quantity(a: Mention, b: Mention) -> bool:
    if a.role and b.role and _role_class(a.role) != _role_class(b.role):
        return False  # "43 people died" and "96 people were rescued"
    if a.role and a.role == b.role and a.figure.kind == b.figure.kind == "count":
        # "69 were still missing", "73 missing people", "the number of missing
        # rose to 70": the role says what is counted
        ta, tb = _thing_key(a.figure.thing), _thing_key(b.figure.thing)
        if ta is None or tb is None or (_said_by(ta, a.figure.thing, a.role) and _said_by(tb, b.figure.thing, a.role)):
            return True  # "62 residents had died", "45 deaths had been confirmed"
    if a.figure.kind == b.figure.kind == "duration" and (a.figure.thing is None) != (b.figure.thing is None):
        # "a three-month state of emergency", "a state of emergency was declared for 3 months"
        named, bare = (a, b) if a.figure.thing else (b, a)
        return _thing_key(named.figure.thing) in {stem(w) for w in ROLE_TOKEN.findall(bare.sentence)}
    return same_quantity(a.figure, b.figure)


def group_figures(corpus: Corpus, alignment: Alignment) -> list[FigureGroup]:
    """Figures about the same quantity across sources, judged agree or conflict.

    Inside each aligned row, figures with the same kind, unit and thing fall
    in one bucket; one representative per bucket decides which buckets count
    one quantity, and ``_match_figures`` pairs the figures themselves. Their
    comparisons are cached by what they state, so a row that repeats a figure
    in many sources costs little. Rows are taken strongest first, and two
    groups never merge where one source gives figures in both that agree
    with none of its own in the other: those are two quantities."""
    mentions = _mentions(corpus)
    dates = _report_dates(corpus)
    by_sentence: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for pid, ms in mentions.items():
        for m in ms:
            by_sentence[pid, m.sentence].append(m)
    parent: dict[tuple[str, int], tuple[str, int]] = {}
    by_key: dict[tuple[str, int], Mention] = {}
    rows_of: dict[tuple[str, int], set[str]] = defaultdict(set)

    def find(k: tuple[str, int]) -> tuple[str, int]:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    # Per group, the figure each of its sentences gives: two figures of one
    # sentence ("43 people died and 96 were rescued", "150 rockets and 20
    # missiles") are two quantities, and never join one group.
    figure_in: dict[tuple[str, int], dict[tuple[str, str], int]] = {}
    # Per group, the figures each source gives in it.
    told: dict[tuple[str, int], dict[str, list[Figure]]] = {}

    def join(a: Mention, b: Mention, row_id: str) -> bool:
        """Put ``a`` and ``b`` in one group, unless that would put two figures of one sentence in it,
        or two quantities of one source (``_told_apart``)."""
        for m in (a, b):
            if m.key not in parent:
                parent[m.key] = m.key
                figure_in[m.key] = {(m.paragraph, m.sentence): m.figure.start}
                told[m.key] = {m.source: [m.figure]}
            by_key[m.key] = m
            rows_of[m.key].add(row_id)
        ra, rb = find(a.key), find(b.key)
        if ra == rb:
            return True
        if a.part != b.part:
            part, whole = (a, b) if a.part else (b, a)
            if part.figure.value < _SMALL_PART * whole.figure.value:
                return False  # "a tally that included 18 lawmakers" is a part of "190 lawmakers", not a report of it
        small, large = sorted((figure_in[ra], figure_in[rb]), key=len)
        if any(large.get(sentence, start) != start for sentence, start in small.items()):
            return False
        if _told_apart(told[ra], told[rb], agreement):
            return False
        if _stated_beside(figure_in[ra], figure_in[rb], by_sentence, agreement, comparable) \
                or _stated_beside(figure_in[rb], figure_in[ra], by_sentence, agreement, comparable):
            return False
        parent[rb] = ra
        large.update(small)
        figure_in[ra] = large
        del figure_in[rb]
        for source, figures in told.pop(rb).items():
            told[ra].setdefault(source, []).extend(figures)
        return True

    agreed: dict[tuple[tuple, tuple], bool] = {}
    comparables: dict[tuple[tuple, tuple], bool] = {}

    def comparable(a: Figure, b: Figure) -> bool:
        key = (_signature(a), _signature(b))
        if key not in comparables:
            comparables[key] = _comparable(a, b)
        return comparables[key]

    def agreement(a: Figure, b: Figure) -> bool:
        """compare_figures(a, b) agrees; a row repeats the same figures many times."""
        key = (_signature(a), _signature(b))
        if key not in agreed:
            agreed[key] = _distance(a, b) <= _SAME_FIGURE and compare_figures(a, b)[0] == "agree"
        return agreed[key]

    # The strongest rows first: a row that wrongly holds two counts of one thing
    # must not chain them before the rows that pair each with its own.
    for row in sorted(alignment.rows, key=lambda r: (-r.score, r.id)):
        if len(row.sources) < 2:
            continue
        buckets: dict[_Key, list[Mention]] = defaultdict(list)
        for pid in row.paragraphs:
            for m in mentions[pid]:
                if _in_matched_sentence(row, m):
                    buckets[_bucket_key(m)].append(m)
        for bucket in buckets.values():
            bucket.sort(key=_by_content)  # not by source: the files' names must not decide which figures pair
        keys = sorted(buckets, key=str)
        heads = {k: buckets[k][0] for k in keys}
        relation: dict[tuple[_Key, _Key], bool] = {}  # True: one quantity; False: one only where they agree
        for k in keys:
            if _same_quantity(heads[k], heads[k]):
                relation[k, k] = True
            elif k[0] in ("year", "age"):
                # a year, or the age of one kind of person, told alike in a row agrees; two
                # years may be two events, and "a 71-year-old man" in two reports two men
                relation[k, k] = False
            elif k[0] == "count" and k[2] is None:
                # a bare count with no thing is never judged against another, but
                # a large one told alike in two sources of a row agrees ("There
                # are 25,000 of us", "We are 25,000")
                buckets[k] = [m for m in buckets[k] if _large_and_no_name(m)]
                if buckets[k]:
                    relation[k, k] = False
        for ka, kb in combinations(keys, 2):
            if _same_quantity(heads[ka], heads[kb]):
                relation[ka, kb] = relation[kb, ka] = True
            elif ka[0] == kb[0] == "money" and _comparable(heads[ka].figure, heads[kb].figure):
                # sums named differently ("$21bn of securities", "a $21bn portfolio")
                relation[ka, kb] = relation[kb, ka] = False
            elif ka[0] == kb[0] == "count" and ka[3] and ka[3] == kb[3] and "people" in (ka[2], kb[2]):
                # people and a kind of people of one fate ("20,000 of his men died", "20,000 of his
                # fighters died"); not children and firefighters, homes and cars
                relation[ka, kb] = relation[kb, ka] = False
        # Figures that name a thing go first, so that a figure naming nothing
        # goes with the one its sentence leaves over: "12 inches of rain" with
        # "30 cm of rain", then "a 6-foot surge" with "a surge of 2 metres".
        members = [m for k in sorted(keys, key=lambda k: k[2] is None)
                   if any((k, other) in relation for other in keys) for m in buckets[k]]
        if len({m.source for m in members}) > 1:
            _match_figures(members, relation, partial(join, row_id=row.id), agreement)

    components: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for key, m in by_key.items():
        components[find(key)].append(m)

    groups: list[FigureGroup] = []
    for members in components.values():
        members.sort(key=lambda m: (m.source, m.paragraph, m.figure.start))
        if len({m.source for m in members}) < 2:
            continue
        status, reasons = _judge(members, dates)
        rows = sorted({r for m in members for r in rows_of[m.key]})
        groups.append(FigureGroup(status, _about(members), members, reasons, rows))
    grouped = {m.key for g in groups for m in g.mentions}
    groups += _same_precise_figures([m for ms in mentions.values() for m in ms if m.key not in grouped], alignment, dates)
    row_order = {r.id: i for i, r in enumerate(alignment.rows)}
    groups.sort(key=lambda g: (g.status != "conflict", min(row_order[r] for r in g.rows), g.about))
    return groups


def _told_apart(a: dict[str, list[Figure]], b: dict[str, list[Figure]], agree: Callable[[Figure, Figure], bool]) -> bool:
    """Two groups in which one source gives figures that agree with none of
    its figures in the other: two quantities ("about 70 workers at two
    quarries", "about 50 employees of a hotel"), which a row that holds one
    of each must not chain into one group."""
    return any(not any(agree(x, y) for x in a[source] for y in b[source]) for source in a.keys() & b.keys())


def _stated_beside(
    group: dict[tuple[str, str], int], other: dict[tuple[str, str], int],
    by_sentence: dict[tuple[str, str], list[Mention]],
    agree: Callable[[Figure, Figure], bool], comparable: Callable[[Figure, Figure], bool],
) -> bool:
    """Whether a sentence of one group states a figure of the other group as
    a second figure of its own, counting another thing: "All 379 occupants,
    367 passengers and 12 crew" tells that 379 people on board is not a count
    of the passengers. Not where the other figure could not count that second
    thing: figures of one thing told at two times ("the toll rose from 36 to
    53"), a figure that names the group's own thing, in its word or one of
    its paraphrases ("about $88 billion in assets" against "$110.4 billion in
    assets and $88.6 billion in deposits"; "200 houses" against "40 homes and
    200 cars"), or says what happened to it as the group's figure does and the
    second figure does not ("killed 12,000 people" against "left 12 dead and
    12,000 homeless")."""
    theirs: list[Mention] | None = None
    for key, start in group.items():
        own = by_sentence[key]
        if len(own) < 2:
            continue
        if theirs is None:
            theirs = [m for k, at in other.items() for m in by_sentence[k] if m.figure.start == at]
        me = next((m for m in own if m.figure.start == start), None)
        if me is None or _thing_key(me.figure.thing) is None:
            continue
        mine = me.figure
        for m in own:
            thing = _thing_key(m.figure.thing)
            if m.figure.start == start or thing is None or thing == _thing_key(mine.thing):
                continue
            if any(comparable(m.figure, f.figure) and comparable(mine, f.figure) and agree(m.figure, f.figure)
                   and not agree(mine, f.figure) and _roles_allow(me, m, f) and not _same_word(f.figure.thing, mine.thing)
                   for f in theirs):
                return True
    return False


def _role_class(role: str | None) -> str | None:
    return _ROLE_CLASS.get(role, role) if role else None


def _roles_allow(mine: Mention, second: Mention, theirs: Mention) -> bool:
    """Whether what happened to what the figures count lets ``theirs`` be the
    second figure of ``mine``'s sentence rather than ``mine``'s own quantity."""
    own, other, their = _role_class(mine.role), _role_class(second.role), _role_class(theirs.role)
    if their and their == own and other != their:
        return False  # "10 dead" is the toll, not "the 10-story building"
    return not (other and their and other != their)


def _same_word(a: str | None, b: str | None) -> bool:
    """Two things named by one word or by words of one paraphrase group
    ("assets" / "asset", "homes" / "houses"); "passengers" and "people" are not."""
    if not (a and b):
        return False
    return _one_thing(stem(fold_word(a)), stem(fold_word(b)))


_PRECISE_DIGITS = 3  # significant digits written ("1,752 kg", "384,000 km") that make a figure one fact's


def _large_and_no_name(m: Mention) -> bool:
    """A count of thousands or more, not written as a year would be ("25,000";
    not "1163") nor part of a name ("the Odysseus 6K")."""
    f = m.figure
    if f.value < 1000 or re.fullmatch(r"[0-9]{4}", f.text):
        return False
    before = re.search(r"(?:^|\s)([\w-]+)\s+" + re.escape(f.text) + r"\b", m.sentence)
    # a capitalised word that is not the sentence's first nor a function word ("But 25,000 marched")
    return not (before and before.start(1) > 0 and before[1][:1].isupper() and before[1].lower() not in STOPWORDS)


def _says_what_it_is(m: Mention) -> bool:
    """Whether a precise figure is one fact's: a sum that names what it is of
    ("raised $125m" and "debts of $125m" are two), and not a number in a name
    ("737 Max jets")."""
    if m.figure.kind == "money" and not m.figure.thing:
        return False
    # a number written without separators before a capitalised word: "737 Max"; not "1,139 Israeli civilians"
    return "," in m.figure.text or not re.search(re.escape(m.figure.text) + r"\s+[A-Z][a-z]*[a-rt-z]\b", m.sentence)


_EVENT_WORDS_SHARED = 2  # content words two sentences share for one year to be one event's


def _one_year_of_one_event(a: Mention, b: Mention) -> bool:
    """The same year told of the same event: "OceanGate was founded by Rush in
    2009" and "Stockton Rush founded OceanGate in 2009" share the year and
    their words; "the company was founded in 2009" and "the war began in
    2009" share only the year."""
    if a.figure.kind != "year" or b.figure.kind != "year" or a.figure.value != b.figure.value or a.role != b.role:
        return False
    return len(_event_words(a.sentence, a.figure) & _event_words(b.sentence, b.figure)) >= _EVENT_WORDS_SHARED


def _event_words(sentence: str, year: Figure) -> set[str]:
    return {stem(w) for w in ROLE_TOKEN.findall(sentence)
            if len(w) > 3 and not w[0].isdigit() and w.lower() not in STOPWORDS and w.lower() not in CALENDAR_WORDS
            and w != year.text}


def _same_precise_figures(
    mentions: list[Mention], alignment: Alignment, dates: dict[str, _dt.date] | None = None
) -> list[FigureGroup]:
    """Figures written precisely that state the same value in two sources
    ("weighing 1,752 kg", "the 1,752-kilogram lander"), though the alignment
    put their paragraphs in different rows: they agree. Only agreement is read
    this way, as a difference between rows may be two different quantities;
    but a named person's age is judged wherever it is told ("Bankman-Fried,
    31", "Bankman-Fried, 32"). A year agrees so only where the sentences that
    tell it share their words ("founded OceanGate in 2009", "OceanGate was
    founded in 2009")."""
    rows_of: dict[str, list[str]] = defaultdict(list)
    for row in alignment.rows:
        for pid in row.paragraphs:
            rows_of[pid].append(row.id)
    by_value: dict[tuple[str, str, float | str], list[Mention]] = defaultdict(list)
    for m in mentions:
        f = m.figure
        if not rows_of[m.paragraph]:
            continue
        if f.kind == "age" and _is_name(f.thing):  # a person's age is one quantity wherever it is told
            by_value[f.kind, "", _surname_key(f.thing or "")].append(m)
        elif f.kind == "year":
            by_value[f.kind, m.role or "", f.value].append(m)
        elif f.bound in ("exact", "about") and f.high is None and significant_digits(f) >= _PRECISE_DIGITS \
                and _says_what_it_is(m):
            dimension, value = base_quantity(f)
            by_value[f.kind, dimension, float(f"{value:.6g}")].append(m)
    groups = []
    clusters: list[list[Mention]] = []
    for candidates in by_value.values():
        # "Sam Bankman-Fried, 31" and "Barbara Fried, 70" share a bucket, not a group
        here: list[list[Mention]] = []
        for m in candidates:
            home = next((c for c in here if all(_same_quantity(m, other) or _one_year_of_one_event(m, other)
                                                 for other in c)), None)
            if home is None:
                here.append([m])
            else:
                home.append(m)
        clusters += here
    for members in clusters:
        if len({m.source for m in members}) < 2:
            continue
        members.sort(key=lambda m: (m.source, m.paragraph, m.figure.start))
        status, reasons = _judge(members, dates)
        groups.append(FigureGroup(status, _about(members), members, reasons,
                                  sorted({r for m in members for r in rows_of[m.paragraph]})))
    return groups


def _match_figures(
    members: list[Mention],
    relation: dict[tuple[_Key, _Key], bool],
    join: Callable[[Mention, Mention], bool],
    agreement: Callable[[Figure, Figure], bool],
) -> None:
    """Group the figures of one row into quantities.

    1. Figures of one quantity that state one figure go together, so that when sentences
       give several figures of one kind ("sold $21bn of bonds at a loss of
       $1.8bn"), each meets its own in the other sources.
    2. A figure nobody agrees with is judged against the nearest in value
       that names the same thing, from sources that do not state it already;
       first against one counted in the same place ("812 people were killed
       in government-held areas" against "1,347 in government-controlled
       areas", not the national total beside it); one that says where it was
       counted and one that does not wait for step 4.
    3. Sums named differently that state one figure are one sum ("$21bn of securities",
       "$21bn of bonds").
    4. What is left is judged against the nearest of its quantity."""
    clusters: list[tuple[list[Mention], set[_Key]]] = []
    for m in members:
        key = _bucket_key(m)
        for cluster, keys in clusters:
            if all(relation.get((k, key), False) for k in keys) \
                    and all(agreement(c.figure, m.figure) for c in cluster) and join(cluster[0], m):
                cluster.append(m)
                keys.add(key)
                break
        else:
            clusters.append(([m], {key}))

    def one_quantity(ka: set[_Key], kb: set[_Key]) -> bool:
        return all(relation.get((a, b), False) for a in ka for b in kb)

    def named_alike(ka: set[_Key], kb: set[_Key]) -> bool:
        things = {k[2] for k in ka}
        return None not in things and things == {k[2] for k in kb} and one_quantity(ka, kb)

    # Named alike is not enough where one says where it was counted and the other
    # does not: a total ("killed at least 27 people") goes first with the other
    # totals, however they name it ("the death toll rose to 45").
    _judge_against_nearest(clusters, named_alike, join, same_placing=True)
    for x, (cluster, keys) in enumerate(clusters):
        for other, other_keys in clusters[x + 1:]:
            if other and cluster and all((a, b) in relation for a in keys for b in other_keys) \
                    and all(agreement(a.figure, b.figure) for a in cluster for b in other) and join(cluster[0], other[0]):
                cluster.extend(other)
                keys.update(other_keys)
                other.clear()
    clusters[:] = [c for c in clusters if c[0]]
    _judge_against_nearest(clusters, one_quantity, join)


def _judge_against_nearest(
    clusters: list[tuple[list[Mention], set[_Key]]],
    allowed: Callable[[set[_Key], set[_Key]], bool],
    join: Callable[[Mention, Mention], bool],
    same_placing: bool = False,
) -> None:
    """Groups join the likeliest one quantity with them that ``allowed`` lets
    them (counted in the same place, then nearest in value: ``_nearness``),
    from sources they have none of, within ten times their value unless both
    name what they count, and not of other places or years: the likeliest two
    of all first, so that neither the files' order nor their names decide
    ("nearly 4,900 containers" meets "4,679", not "56 containers of hazardous
    material")."""
    heads = [min(map(_by_content, c)) for c, _ in clusters]
    sources = [{m.source for m in c} for c, _ in clusters]

    def apart(x: int, y: int) -> bool:
        (a, keys_a), (b, keys_b) = clusters[x], clusters[y]
        return not sources[x].isdisjoint(sources[y]) or not allowed(keys_a, keys_b) \
            or _counted_elsewhere(a, b) or _of_other_years(a, b) \
            or (same_placing and any(m.scope for m in a) != any(m.scope for m in b))

    pairs = [(_nearness(clusters[x][0], clusters[y][0]), heads[x], heads[y], x, y)
             for x in range(len(clusters)) for y in range(x + 1, len(clusters))
             if not apart(x, y) and _within_reach(clusters[x][0][0].figure, clusters[y][0][0].figure,
                                                  clusters[x][1] | clusters[y][1])]
    merged: dict[int, int] = {}  # a group joined into another -> that one

    def home(i: int) -> int:
        while i in merged:
            i = merged[i]
        return i

    for *_, ix, iy in sorted(pairs):
        x, y = home(ix), home(iy)
        if x == y or apart(x, y):  # what they hold now, after other joins
            continue
        small, large = sorted((x, y), key=lambda i: (len(clusters[i][0]), i))
        if join(clusters[large][0][0], clusters[small][0][0]):
            clusters[large][0].extend(clusters[small][0])
            clusters[large][1].update(clusters[small][1])
            sources[large] |= sources[small]
            merged[small] = large
    clusters[:] = [c for i, c in enumerate(clusters) if i not in merged]


def _of_other_years(a: list[Mention], b: list[Mention]) -> bool:
    """Whether a figure of one group and one of the other each say which years
    they are of, and none the same: "85 million passengers in 2019" and "78.7
    million passengers last year" in a report of 2024 are two years' counts,
    and a third figure naming no year joins one of them, not both."""
    return any(x.years and y.years and x.years.isdisjoint(y.years) for x in a for y in b)


def _counted_elsewhere(a: list[Mention], b: list[Mention]) -> bool:
    """Whether two groups of measures each say where they were measured from,
    and no place is the same: "900 miles east of Cape Cod" and "700 kilometres
    south of St. John's" are two distances. Counts are left to the nearness in
    place and value: "killed in Gaza" and "in the enclave", "in Turkey" and "in
    Türkiye", "in Lahaina" and "on Maui" may be one toll."""
    if any(m.figure.kind != "measure" or not m.scope for m in a + b):
        return False
    return all(x.scope.isdisjoint(y.scope) for x in a for y in b)


def _within_reach(a: Figure, b: Figure, keys: set[_Key]) -> bool:
    """Whether two figures that do not agree may still state one quantity.
    Figures ten times apart do only if they say what they count; an ordinal
    ("the 35th minute", "the 36th minute") only next to the other: the 23rd
    minute is another moment."""
    if a.kind == "ordinal":
        # "the 35th minute" and "the 36th minute" may be one moment told twice; "the 45th president"
        # and "the 46th president" are two people
        return a.thing in SEQUENCE_NOUNS and abs(a.value - b.value) <= _NEXT_ORDINAL
    return _distance(a, b) <= _FAR or _say_what_they_count(keys)


_NEXT_ORDINAL = 2


def _say_what_they_count(keys: set[_Key]) -> bool:
    """Whether figures all say what happened to what they count ("at least 95
    people were killed", "the death toll ... at 1,300"), or all name it, and
    more than that they are people: "379 people on board" and "five of the six
    people aboard the smaller plane" are not one count."""
    roles, things = {k[3] for k in keys}, {k[2] for k in keys}
    return ("" not in roles and len(roles) == 1) or (None not in things and things != {"people"})


def _nearness(a: list[Mention], b: list[Mention]) -> tuple[int, bool, float]:
    """What makes two groups of figures likelier one quantity, most telling
    first: words of the place they were counted in shared ("in government-held
    areas", "in government-controlled areas"); both saying where, or neither
    (a national total against a total, not against a region's figure); then
    nearness in value."""
    shared = max((len(x.scope & y.scope) for x in a if x.scope for y in b if y.scope), default=0)
    placed_a, placed_b = any(m.scope for m in a), any(m.scope for m in b)
    return -shared, placed_a != placed_b, _distance(a[0].figure, b[0].figure)


# Figures that agree and lie this close (as a log ratio, about 20%) state one
# figure: "85" agrees with "at least 55" but is not the figure it states.
_SAME_FIGURE = math.log(1.2)
# Figures further apart than this (ten times) are one quantity told two ways
# only when both say what they count: "130,000 munitions" and "about 5,000 units
# of ammunition" are, and so are "95 people were killed" and "a death toll of
# 1,300"; "a $250m bail" and "valued at $32bn" are not.
_FAR = math.log(10)


def _distance(a: Figure, b: Figure) -> float:
    """How far apart two figures are, as a ratio: 30 miles is nearer 20 miles than 11 miles."""
    va, vb = abs(base_quantity(a)[1]), abs(base_quantity(b)[1])
    if not va or not vb:
        return abs(va - vb)
    return abs(math.log(va / vb))


def _in_matched_sentence(row, mention: Mention) -> bool:  # type: ignore[no-untyped-def]
    spans = row.sentences.get(mention.paragraph)
    if not spans:
        return True
    return any(s <= mention.figure.start < e for s, e in spans)


# ---------------------------------------------------------------- variants


def spelling_variants(corpus: Corpus, alignment: Alignment) -> list[VariantGroup]:
    rows_of: dict[str, set[int]] = defaultdict(set)
    for i, row in enumerate(alignment.rows):
        if len(row.sources) > 1:
            for pid in row.paragraphs:
                rows_of[pid].add(i)

    def linked(a: str, b: str) -> bool:
        return a != b and not rows_of.get(a, set()).isdisjoint(rows_of.get(b, ()))

    paragraphs = [(p.source_id, p.id, p.text) for p in corpus.paragraphs()]
    return find_variants(paragraphs, linked=linked)


def compare(corpus: Corpus, strictness: float = DEFAULT_STRICTNESS, alignment: Alignment | None = None) -> Comparison:
    alignment = alignment or align(corpus, strictness=strictness)
    return Comparison(
        corpus=corpus,
        alignment=alignment,
        variants=spelling_variants(corpus, alignment),
        figures=group_figures(corpus, alignment),
    )
