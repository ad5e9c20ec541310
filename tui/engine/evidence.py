"""What makes a sentence specific: figures with what they count, names folded
across spellings, quotations, dates, and content words weighted by how rare
they are in this corpus.

Each sentence becomes a bag of evidence features. A feature is a string with a
kind prefix (``w:`` word, ``s:`` paraphrase group, ``n:`` name, ``q:`` quoted
word pair, ``f:`` figure, ``g:`` close figure, ``t:`` thing counted, ``d:`` date,
``h:`` clock time, ``m:`` month, ``y:`` year) and a
kind multiplier; the aligner multiplies it by the feature's rarity across the
corpus's paragraphs, and a content word's also by how common it is in other
news stories (``background``).
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import yaml
from anyascii import anyascii

from .background import word_scales
from .corpus import Corpus, Paragraph
from .figures import (
    CALENDAR_WORDS,
    SEQUENCE_NOUNS,
    Figure,
    base_quantity,
    clause_years,
    extract_figures,
    gmt_hours,
    in_digits,
    is_currency_word,
    plural_noun,
)
from .fileio import load_yaml
from .roles import count_role
from .variants import name_key, to_american

# Kind multipliers: how much one shared feature of each kind says that two
# sentences state the same fact, before rarity is applied.
KIND_WEIGHT = {
    "w": 1.0,  # content word
    "n": 1.5,  # name
    "q": 2.0,  # word pair inside a quotation
    "f": 3.0,  # figure: value and unit
    "g": 2.0,  # figure: its thing or dimension and order of size, for close values
    "t": 1.0,  # the thing a figure counts
    "d": 1.5,  # calendar date
    "h": 1.5,  # clock time
    "y": 0.7,  # year
    "s": 0.8,  # a paraphrase group ("hand over" / "surrender"), when the words differ
    "m": 1.0,  # month, as a word: "in November", "Nov. 11", "November 2022"
}

PARAPHRASES = Path(__file__).with_name("paraphrases.yaml")


@dataclass(frozen=True)
class Paraphrases:
    words: dict[str, tuple[int, ...]]  # stem -> group numbers
    phrases: dict[tuple[str, ...], tuple[int, ...]]  # stems of a 2-3 word phrase -> group numbers
    longest: int


@lru_cache(maxsize=1)
def paraphrases() -> Paraphrases:
    """The bundled paraphrase groups, keyed by stem. A missing or broken file
    only means no paraphrase evidence."""
    try:
        data = load_yaml(PARAPHRASES.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return Paraphrases({}, {}, 1)
    words: dict[str, list[int]] = defaultdict(list)
    phrases: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, group in enumerate(data.get("groups") or []):
        for entry in group if isinstance(group, list) else []:
            parts = tuple(stem(w) for w in str(entry).replace("-", " ").split())
            if len(parts) == 1:
                words[parts[0]].append(number)
            elif parts:
                phrases[parts].append(number)
    longest = max((len(k) for k in phrases), default=1)
    return Paraphrases(
        {k: tuple(v) for k, v in words.items()}, {k: tuple(v) for k, v in phrases.items()}, longest
    )

STOPWORDS = frozenset(
    """
    a about above after again against all almost also although am among an and another any are around as at
    back be because been before being below between both but by can cannot could did do does doing done down
    during each either else even ever every few for from further had has have having he her here hers herself
    him himself his how however i if in into is it its itself just last least less let like made make many may
    me might more most much must my myself near neither no nor not now of off often on once one only onto or
    other others otherwise our ours ourselves out over own per perhaps put rather same several shall she should
    since so some still such than that the their theirs them themselves then there these they this those though
    through thus to too toward towards under until up upon us very via was we well were what whatever when
    whenever where whether which while who whoever whole whom whose why will with within without would yet you
    your yours yourself yourselves
    said say says saying told tell tells according added adds stated states noted reported reports called
    official officials
    mr mrs ms dr st
    new also already still later earlier early late today yesterday tomorrow week weeks day days time times
    year years month months
    """.split()
)
# Stopwords that are common words of news, not function words: capitalised
# right after a name, they end it ("United States", "New York Times", "Election Day").
NAME_ENDING_STOPWORDS = frozenset(
    """
    states reports times day days week weeks year month early
    """.split()
)

_WORD = re.compile(r"[^\W\d_](?:[\w]|['’\-](?=\w))*", re.UNICODE)
# Double quotes, guillemets, German quotes, and the British single quotes, whose
# closing mark is also the apostrophe: it closes only where no letter follows.
# A straight double quote opens only where no letter or digit comes before it
# and closes only where none follows: '12" pipe' is inches, and an unclosed
# quote does not pair with the next one across the reporter's words.
_QUOTE = re.compile(r"“([^”]{3,})”|(?<![\w\"])\"([^\"]{3,})\"(?![\w\"])|«([^»]{3,})»|„([^“”]{3,})[“”]|‘([^‘]{3,}?)’(?!\w)")
_SUFFIXES = ("isms", "ists", "ism", "ist", "ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "ers", "ies", "ied", "ed", "es", "er", "ly", "s")
STEM_LENGTH = 7
# English irregular past forms, to the verb they are a form of: "took in" is
# "take in", "rebuilt" is "rebuild". Forms that are as often another word
# ("wound", "ground", "bound", "born", "lay", "bit", "drunk") are left alone.
_IRREGULAR_FORMS = """
    arise arose arisen | awake awoke awoken | bear bore borne | beat beaten | become became | begin began begun
    bend bent | bite bitten | bleed bled | blow blew blown | break broke broken | breed bred | bring brought
    build built | buy bought | catch caught | choose chose chosen | cling clung | come came | creep crept
    deal dealt | dig dug | draw drew drawn | drink drank | drive drove driven | eat ate eaten | fall fell fallen
    feed fed | feel felt | fight fought | find found | flee fled | fly flew flown | forbid forbade forbidden
    foresee foresaw foreseen | forget forgot forgotten | forgive forgave forgiven
    freeze froze frozen | get got gotten | give gave given | go went gone | grow grew grown | hang hung
    hear heard | hide hid hidden | hold held | keep kept | know knew known | lead led | leave left | lend lent
    light lit | lose lost | mean meant | meet met | mislead misled | mistake mistook | oversee oversaw overseen
    overtake overtook overtaken | overthrow overthrew overthrown | pay paid | rebuild rebuilt | rethink rethought
    ride rode ridden | ring rang rung | rise rose risen | run ran | see saw seen | seek sought | sell sold
    send sent | shake shook shaken | shine shone | shoot shot | show shown | shrink shrank shrunk | sing sang sung
    sink sank sunk | sit sat | sleep slept | slide slid | speak spoke spoken | speed sped | spend spent
    spin spun | stand stood | steal stole stolen | stick stuck | sting stung | strike struck stricken
    strive strove striven | swear swore sworn | sweep swept | swim swam swum | swing swung | take took taken
    teach taught | tear tore torn | think thought | throw threw thrown | undergo underwent undergone
    understand understood | undertake undertook undertaken | uphold upheld | wake woke woken | wear wore worn
    weep wept | win won | withdraw withdrew withdrawn | withhold withheld | write wrote written
"""
IRREGULAR = {
    form: verb
    for line in _IRREGULAR_FORMS.splitlines()
    for verb, *forms in (entry.split() for entry in line.split("|") if entry.strip())
    for form in forms
}


@lru_cache(maxsize=262144)
def fold_word(word: str) -> str:
    return anyascii(word).lower().replace("’", "'")


@lru_cache(maxsize=65536)
def _bare_word(word: str) -> str:
    """The folded word without a possessive or a contraction: "Friday's",
    "It's" and "I'm" are the words they are."""
    return _POSSESSIVE.sub("", _CONTRACTION.sub("", fold_word(word)))


# "wo" and "ca" are what "won't" and "can't" leave when the negation goes.
_NEGATED_STEMS = frozenset({"wo", "ca", "sha", "ai"})


@lru_cache(maxsize=65536)
def function_word(word: str) -> bool:
    """A stopword, also under a contraction or negation: "it's", "they'd" and
    "don't" say no more than "it", "they" and "do not"."""
    bare = _bare_word(word)
    if bare.endswith("n't"):
        bare = bare[:-3]
        return bare in STOPWORDS or bare in _NEGATED_STEMS
    return bare in STOPWORDS


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, language-agnostic stem: fold, drop possessive and a common
    suffix, then keep the first letters. Crude on purpose: it only has to map
    the forms one corpus uses for one idea onto one key."""
    w = fold_word(word)
    if w.endswith("'s"):
        w = w[:-2]
    w = to_american(w.replace("'", "").replace("-", ""))  # "armoured" and "armored" are one word
    w = IRREGULAR.get(w, w)
    for suffix in _SUFFIXES:
        if len(w) - len(suffix) >= 4 and w.endswith(suffix) \
                and (suffix not in ("er", "ers") or _measure(w[: -len(suffix)]) >= 2):
            w = w[: -len(suffix)]
            break
    else:
        if _plural_s(w):
            w = w[:-1]  # short plurals: guns, arms, tons
    return w[:STEM_LENGTH]


def _plural_s(word: str) -> bool:
    """A folded word that reads as a plural in -s ("guns", "drones"; not "loss", "virus", "crisis")."""
    return len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


_VOWEL_RUN = re.compile(r"[aeiouy]+[^aeiouy]+")


def _measure(stem_: str) -> int:
    """Vowel-consonant runs in a stem: "form" has one, so "former" is not
    form + er; "support" has two, so "supporters" is."""
    return len(_VOWEL_RUN.findall(stem_))


# Nouns that count people in general; a count of "civilians" and one of
# "people" may be the same count. Children, soldiers and the like are not
# folded in: they are different counts.
PEOPLE = frozenset(
    {
        "people", "person", "persons", "individual", "civilian", "resident", "inhabitant",
        "citizen", "evacuee", "refugee", "migrant", "passenger", "villager", "local",
        "man", "men", "woman", "women", "population", "human", "soul", "them",
    }
)


_PEOPLE_STEMS = frozenset(stem(p) for p in PEOPLE)
# Words for people in general, one count whichever a report uses ("1,042 people",
# "more than 1,000 refugees"); not men and women, nor Russians and Ukrainians.
_ANYONE = PEOPLE - {"man", "men", "woman", "women"}
_ANYONE_STEMS = frozenset(stem(p) for p in _ANYONE)


def counts_people(thing: str) -> bool:
    """Whether a count of ``thing`` counts people in general: "residents", and
    those named by where they are from ("Armenians", "Lebanese")."""
    word = fold_word(thing)
    return _one_of(word, PEOPLE, _PEOPLE_STEMS) or (len(word) > 5 and word.endswith(("ian", "ese")))


def _one_of(word: str, words: AbstractSet[str], stems: AbstractSet[str]) -> bool:
    """A folded word, singular or plural, among some words ("refugees": its
    stem is not the singular's, "refuge")."""
    return word in words or word.removesuffix("s") in words or stem(word) in stems


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    name: bool  # capitalised where a common word would not be


@dataclass
class SentenceEvidence:
    paragraph: str  # paragraph id
    source: str
    index: int  # sentence number inside the paragraph, from 0
    start: int
    end: int
    features: dict[str, float]  # feature -> kind multiplier
    labels: dict[str, str] = field(default_factory=dict)  # feature -> words for the evidence line
    figures: list[Figure] = field(default_factory=list)
    groups: dict[str, int] = field(default_factory=dict)  # features of one name or compound: they count once


def _tokens(
    text: str, start: int, end: int, capitalised_words: set[str], headline: bool = False
) -> list[Token]:
    out = []
    first = True
    for m in _WORD.finditer(text, start, end):
        word = m.group(0)
        is_cap = word[0].isupper() or bool(_PARTICLE_NAME.match(word))
        lower = _bare_word(word)
        if lower in CALENDAR_WORDS:
            name = False  # capitalised, but a month or a day, not who or where
        elif first or headline:
            # Sentence-initial capitals, and every capital of a headline in
            # title case, are names only when the word is a name elsewhere, or
            # an abbreviation in capitals ("GM said").
            name = is_cap and (
                _is_abbreviation(word)
                or not function_word(word) and (lower in capitalised_words or fold_word(word) in capitalised_words)
            )
        else:
            name = is_cap and (not function_word(word) or _is_abbreviation(word))  # "US", not "us"
        out.append(Token(m.start(), m.end(), word, name))
        first = False
    for i, t in enumerate(out[1:], 1):
        if not t.name and t.text[0].isupper() and out[i - 1].name and not text[out[i - 1].end : t.start].strip() \
                and _bare_word(t.text) in NAME_ENDING_STOPWORDS:
            out[i] = Token(t.start, t.end, t.text, True)
    for i, t in enumerate(out[:-1]):
        # "New York", "St Petersburg": a capitalised stopword that opens a name.
        if not t.name and t.text[0].isupper() and fold_word(t.text) in _NAME_OPENERS and out[i + 1].name \
                and not text[t.end : out[i + 1].start].strip(" ."):
            out[i] = Token(t.start, t.end, t.text, True)
    return out


_NAME_OPENERS = frozenset({"new", "st"})
# Honorifics and titles written before a name ("Gov. Mike DeWine", "Sir Keir Starmer")
NAME_TITLES = frozenset("""
mr mrs ms miss dr prof sir dame lord lady gov gen lt col sgt capt cpt maj adm rep sen rev fr sr
president prime minister governor general colonel captain major admiral sheikh king queen prince princess
pope chancellor mayor senator secretary judge justice director chairman chairwoman commander lieutenant
sergeant ambassador premier
""".split())
MONTH_NAMES = "january february march april may june july august september october november december".split()
# "al-Assad", "el-Sisi", "bin-Salman": a lower-case particle joined to a capitalised name.
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|ash|as|at|ar|an|az|ibn|bin|abu|ben)[-‐](?=[A-Z])")


def _is_abbreviation(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper() and word.isalpha()


def _is_title_case(text: str, start: int, end: int, lower_case_words: AbstractSet[str]) -> bool:
    """A headline in title case ("Ship Blocking the Suez Canal Is Freed"):
    every content word after the first capitalised, at least three of them,
    and most of them words the corpus writes in lower case elsewhere, which
    a sentence of names ("Joe Biden told Vladimir Putin") does not."""
    content = common = 0
    for i, m in enumerate(_WORD.finditer(text, start, end)):
        word = m.group(0)
        if not i or len(word) < 3 or not word.isalpha():
            continue
        bare = _bare_word(word)
        if function_word(word) or bare in CALENDAR_WORDS:
            continue
        if not word[0].isupper():
            return False  # most sentences stop here, at their first lower-case word
        content += 1
        common += bare in lower_case_words
    return content >= 3 and common >= 2 and 2 * common >= content


def _lower_case_words(paragraphs: Iterable[Paragraph]) -> frozenset[str]:
    """Words the corpus writes in lower case somewhere."""
    return frozenset(fold_word(m.group(0)) for p in paragraphs for m in _WORD.finditer(p.text) if m.group(0)[0].islower())


def _headlines(paragraphs: Iterable[Paragraph], lower_case_words: AbstractSet[str]) -> frozenset[tuple[str, int]]:
    """(paragraph id, sentence start) of every title-case headline sentence."""
    return frozenset(
        (p.id, s) for p in paragraphs for s, e in p.sentences if _is_title_case(p.text, s, e, lower_case_words)
    )


def _mid_sentence_capitals(paragraphs: Iterable[Paragraph], headlines: AbstractSet[tuple[str, int]]) -> set[str]:
    caps: set[str] = set()
    for p in paragraphs:
        for s, e in p.sentences:
            if (p.id, s) in headlines:
                continue
            for i, m in enumerate(_WORD.finditer(p.text, s, e)):
                if i and m.group(0)[0].isupper():
                    caps.add(fold_word(m.group(0)))
    return caps


def _describes_a_name(text: str, sentence_start: int, m: re.Match[str]) -> bool:
    """Whether an appositive match follows a name, not the word that opens
    the sentence or closes an opening phrase of time or place."""
    if m.start() == sentence_start or m["name"].lower() in CALENDAR_WORDS:
        return False
    before = text[sentence_start:m.start()].split()
    opening = len(before) <= _OPENING_WORDS  # "Late on Monday,", "Speaking to CNN,"; not "charges against X,"
    return not (opening and before and before[-1].lower() in _OPENING_PREPOSITIONS)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _QUOTE.finditer(text):
        group = next(i for i in range(1, 6) if m.group(i) is not None)
        spans.append((m.start(group), m.end(group)))
    return spans


def _figure_features(fig: Figure, role: str | None = None) -> list[tuple[str, float, str]]:
    """(feature, multiplier, label) for one figure; ``role``: what happened to
    what a count counts (``roles.count_role``)."""
    out: list[tuple[str, float, str]] = []
    if fig.kind == "date":
        # Month and day: "Sept. 20" and "September 20, 2023" name the same day in one story.
        out.append((f"d:{int(fig.value) % 10000}", 1.0, f"date {fig.text}"))
        out.append(_month_feature(int(fig.value) // 100 % 100))  # a date always has its month
        return out
    if fig.kind == "year":
        year = int(fig.value)
        out.append((f"y:{year}", 1.0, f"year {year}"))
        return out
    if fig.kind == "time":
        # "6:05 a.m. EDT" is 10:05 GMT, and also the "6:05 a.m." of a report
        # that gives the local time alone.
        gmt = gmt_hours(fig)
        readings = [(fig.value, fig.unit or "")] if gmt is None else [(gmt, "gmt"), (fig.value, "")]
        label = f"{CLOSE_TIME}{unhedged(fig.text)}"
        steps = _DAY_MINUTES // NEAR_TIME_MINUTES
        for hours, zone in readings:
            minutes = round(hours * 60) % _DAY_MINUTES
            # "at 3 p.m." is a round hour that many events share; "0740 hrs" is one moment.
            multiplier = 1.0 if minutes % 60 else 0.5
            out.append((f"h:{minutes}|{zone}", multiplier, f"time {fig.text}"))
            # "at about 1:28 a.m." and "shortly before 1.30am": each time in its
            # five minutes and the next (23:58 and 00:01 too), so that any two
            # within five minutes share one, and a few up to nine apart.
            step = minutes // NEAR_TIME_MINUTES
            out.extend((f"{CLOSE_TIME_KEY}{zone}|{b}", multiplier, label) for b in (step, (step + 1) % steps))
        return out
    if fig.kind == "age" or (fig.kind == "ordinal" and not in_digits(fig)):
        return out  # "the first time", "a second quake" say nothing about which fact
    if fig.kind == "ordinal":
        # "in the 36th minute" and "in minute 36" name one moment; "the 122nd
        # minute" and "the 123rd" are close
        value = _canonical_value(fig.value)
        out.append((f"f:{value}|", _specificity(fig.value), f"figure {fig.text}"))
        if fig.value >= 10 and fig.thing in SEQUENCE_NOUNS:
            # each ordinal and the next of one sequence: "the 122nd minute" and "the 123rd minute"
            # share one; not the 21st and the 25th, the 35th floor and the 36th minute, nor centuries
            out.extend((f"g:#{fig.thing}|{b}", _specificity(fig.value), f"{CLOSE_FIGURE}{fig.text}")
                       for b in (int(fig.value), int(fig.value) + 1))
        return out
    unit = fig.unit or ""
    if fig.vague:
        # "tens of millions (of dollars)": the size word, not the currency
        size = next((w for w in reversed(fig.text.split()) if w.lower() != "of" and not is_currency_word(w)),
                    fig.text)
        out.append((f"f:~{stem(size)}|{unit}", 0.3, f"figure {fig.text}"))
    else:
        value = _canonical_value(fig.value)
        out.append((f"f:{value}|{unit}", _specificity(fig.value), f"figure {fig.text}"))
        if not (role and fig.kind == "count" and (not fig.thing or counts_people(fig.thing))):
            out.extend(_magnitude_features(fig))  # a count of people is close to another by its role alone
    if role:
        out.extend(_role_features(fig, role))
    if fig.thing:
        label = _thing_label(fig)
        out.append((f"t:{stem(fig.thing)}", 1.0, label))
        # "130,000 munitions" and "5,000 units of ammunition" count the same kind of thing.
        for group in paraphrases().words.get(stem(fig.thing), ()):
            out.append((f"t:s{group}", 0.6, label))
    return out


_MAY_IS_A_MONTH = re.compile(r"\b(?:in|of|since|until|till|by|from|through|last|next|early|late|mid|this)[\s-]+\Z",
                             re.IGNORECASE)


def _month_named(text: str, sentence_start: int, t: Token) -> int:
    """The month a word names (1-12), or 0: a capitalised month name inside
    a sentence ("in November"), not one that opens it ("March organisers
    said"); "May" only after a word that takes a month ("in May", "last
    May"), not the verb ("They May Walk Out")."""
    word = fold_word(t.text)
    if word not in MONTH_NAMES or not t.text[0].isupper() or not text[sentence_start : t.start].strip(" \"'“‘("):
        return 0
    if word == "may" and not _MAY_IS_A_MONTH.search(text, max(sentence_start, t.start - 12), t.start):
        return 0
    return MONTH_NAMES.index(word) + 1


def _month_feature(month: int) -> tuple[str, float, str]:
    return f"m:{month}", 1.0, f"month {MONTH_NAMES[month - 1].capitalize()}"


_THING_LABELS = {"money": "sum of", "measure": "measure of", "percent": "share of", "duration": "length of"}


_YEARED_KINDS = frozenset({"count", "measure", "money", "percent", "duration"})
_PAST_YEARS = 3  # years before the report's: "in September 2023" in January 2025 is recent
_ROLE_LABELS = {"rescued": "those rescued", "arrested": "those arrested", "hospitalised": "those in hospital",
                "destroyed": "what was destroyed", "damaged": "what was damaged"}


def _role_features(fig: Figure, role: str) -> list[tuple[str, float, str]]:
    """A count of the dead is one kind of count however it names its thing
    ("the toll rose to 93", "killing at least 95 people", "217 dead"): the
    role as a thing, and with the count's order of size for close values."""
    out = [(f"t:@{role}", 1.0, f"count of {_ROLE_LABELS.get(role, 'the ' + role)}")]
    if fig.value >= 10 and not fig.vague:
        step = math.floor(math.log(fig.value) / MAGNITUDE_STEP)
        label = f"{CLOSE_FIGURE}{unhedged(fig.text)}"
        out.extend((f"g:@{role}|{b}", _specificity(fig.value), label) for b in (step, step + 1))
    return out


def _thing_label(fig: Figure) -> str:
    """ "count of children", "sum of assets": what a figure is of, for the editor to read."""
    thing = fig.thing or ""
    if fig.kind == "count":
        thing = plural_noun(thing)
    return f"{_THING_LABELS.get(fig.kind, 'count of')} {thing}"



MAGNITUDE_STEP = math.log(1.25)
_SHARE_POINTS = 2.0
NEAR_TIME_MINUTES = 5
_DAY_MINUTES = 24 * 60


def _magnitude_features(fig: Figure) -> list[tuple[str, float, str]]:
    """Figures for the same quantity that differ a little ("369 vessels",
    "around 370 vessels", "422 ships"; "400-metre", "1,312 feet"): the
    quantity's dimension or thing with its order of size, in steps of a
    quarter, each figure in its own step and the next, so that any two within
    a quarter of each other share one; shares of one thing within two points
    too ("97% of sensors", "99 per cent of sensors"). A count with no thing
    ("the toll rose to 67") gives its size alone."""
    if fig.kind not in ("count", "measure", "money", "duration", "percent"):
        return []
    if fig.kind == "percent":
        # a share of something, within two points ("97%", "99 per cent" of
        # sensors); not 45% and 52% of the vote, nor bare shares of anything
        if fig.value < 10 or not fig.thing:
            return []
        step = math.floor(fig.value / _SHARE_POINTS)
        label = f"{CLOSE_FIGURE}{unhedged(fig.text)}"
        return [(f"g:%{stem(fig.thing)}|{b}", _specificity(fig.value), label) for b in (step, step + 1)]
    if fig.kind == "count":
        if fig.value < 10:
            return []
        if not fig.thing:
            keys = [""]
        elif _one_of(fold_word(fig.thing), _ANYONE, _ANYONE_STEMS):
            keys = ["people"] + [f"s{g}" for g in paraphrases().words.get(stem(fig.thing), ())]
        else:
            keys = [stem(fig.thing)] + [f"s{g}" for g in paraphrases().words.get(stem(fig.thing), ())]
        value = fig.value
    else:
        dimension, value = base_quantity(fig)
        if value <= 0:
            return []
        keys = [f"{dimension}/{stem(fig.thing)}" if fig.thing else dimension]
    step = math.floor(math.log(value) / MAGNITUDE_STEP)
    label = f"{CLOSE_FIGURE}{unhedged(fig.text)}"  # not "close to about 6.15bn", which hedges twice
    return [(f"g:{key}|{b}", _specificity(fig.value), label) for key in keys for b in (step, step + 1)]


_OF_THEM = re.compile(r"\s+of\s+them\b", re.IGNORECASE)
_THEM_REACH = 250  # characters before "N of them" looked at for whom "them" are


def _people_before(text: str, start: int) -> bool:
    """Whether the last plural noun-like word shortly before ``start`` names people in general."""
    for word in reversed(_WORD.findall(text, max(0, start - _THEM_REACH), start)):
        lower = fold_word(word)
        if lower != "them" and _one_of(lower, _ANYONE, _ANYONE_STEMS):
            return True
        if _plural_s(lower) and lower not in STOPWORDS and word[0].islower():
            return False  # "drones", "missiles": what them are
    return False


CLOSE_FIGURE = "figure close to "
CLOSE_TIME = "time close to "
CLOSE_TIME_KEY = "g:time|"  # the key of a clock time's closeness feature, "g:time|<zone>|<step>"
_HEDGE_AFTER = re.compile(r"\s+(?:or\s+so|or\s+more|or\s+less|and\s+more|and\s+counting)$", re.IGNORECASE)
_HEDGE = re.compile(r"^(?:(?:just|well)\s+)?(?:about|around|some|roughly|approximately|approx\.|nearly|almost|more\s+than|"
                    r"over|under|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|close\s+to|an\s+estimated|"
                    r"as\s+many\s+as|as\s+much\s+as|upwards\s+of|in\s+excess\s+of|above|below|north\s+of)\s+",
                    re.IGNORECASE)


def unhedged(text: str) -> str:
    """A figure's text without the words that hedge it: "about 25" -> "25"."""
    return _HEDGE_AFTER.sub("", _HEDGE.sub("", text)) or text


def _canonical_value(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:g}"


def _specificity(value: float) -> float:
    """Small and round numbers say less about which fact is meant than 377 does."""
    if value < 10:
        return 0.3
    if value == int(value):
        v = int(value)
        if v % 1000 == 0 or (v < 1000 and v % 100 == 0):
            return 0.8
        if v % 10 == 0 and v < 100:
            return 0.7
    return 1.0


# A clause set off by commas that describes a name ("Russia, which has relations
# with both sides,") gives background, not the news the sentence reports.
_BACKGROUND = re.compile(r",\s+(?:which|who|whose)\b[^;:()“”\"]*?(?=,\s|;|:|\.\s|\.$|$)")
BACKGROUND_WEIGHT = 0.35
# A word two reports both quote is the speaker's own word in both, not only a
# word both reporters chose: it counts this much more, where both quote it.
QUOTED_WEIGHT = 1.5
# "Alameda Research, its sister trading firm, ...", "Gary Wang, FTX's
# co-founder, ...": a name's description, said wherever the name comes up.
_APPOSITIVE = re.compile(
    r"(?<![\w'’.\-])(?P<name>[A-Z][\w'’.\-]{0,40})(?P<description>,\s+(?:its|his|her|their|[A-Z][\w.\-]{0,40}['’]s)\s+"
    r"[^,;:()“”\"0-9]{2,60}?)(?=,\s)")
# A capitalised word after these ends an opening phrase ("On Thursday, his
# lawyers filed ...", "In Kyiv, their forces ..."), not a name being described.
_OPENING_WORDS = 3
_OPENING_PREPOSITIONS = frozenset("on in at by since after before during until from late early for to about with "
                                   "against into over under than".split())

WEEKDAYS = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

_WEEKDAY_OR_NOW = re.compile(r"\b(?:" + "|".join(day.capitalize() for day in WEEKDAYS)
                             + r"|today|yesterday|tonight|this week|last week|this morning|last night)\b")
_POSSESSIVE = re.compile(r"['’]s?$")
_CONTRACTION = re.compile(r"['’](?:m|d|ve|ll|re)$")
_CONNECTORS = frozenset({"of", "the", "for", "de", "da", "das", "dos", "di", "del", "della", "al", "el", "bin", "ibn", "abu", "von", "van", "der", "la", "le", "du"})
_PREFIXES = frozenset({"anti", "counter", "pro", "non", "pre", "post", "self", "ex", "co", "semi", "multi", "well", "mid", "so"})


def _name_runs(tokens: list[Token], text: str) -> list[list[Token]]:
    """Consecutive name tokens, joined across connectors ("Ministry of Defense")."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    pending: list[Token] = []
    for t in tokens:
        gap = text[(pending or current)[-1].end : t.start] if (pending or current) else ""
        previous = (pending or current)[-1].text if (pending or current) else ""
        adjacent = bool(current) and (
            gap.strip() == ""
            or (gap == "." and len(t.text) == 1 and len(previous) == 1)  # "U.N."
            or (gap[:1] in "'’" and not gap[1:].strip() and len(gap) > 1 and previous.endswith("s"))  # "Workers' Party"
        )
        if t.name and (not current or adjacent):
            current += pending + [t]
            pending = []
        elif current and adjacent and fold_word(t.text) in _CONNECTORS and len(pending) < 2:
            pending.append(t)
        else:
            if current:
                runs.append(current)
            current, pending = ([t], []) if t.name else ([], [])
    if current:
        runs.append(current)
    return runs


_ACRONYM = re.compile(r"\b(?:[A-Z]{2,6}\b|(?:[A-Z]\.){2,6})")
_ACRONYM_LONGEST = 6


# Capitals that are not the initials of a name: times of day, media, ranks.
_NOT_NAME_ABBREVIATIONS = frozenset({"AM", "PM", "TV", "OK", "ID", "AD", "BC", "GMT", "UTC", "PS"})
_NAME_SUFFIXES = frozenset({"co", "corp", "corporation", "inc", "ltd", "llc", "plc", "group", "company", "sa", "ag"})


def _corpus_acronyms(paragraphs: Iterable[Paragraph]) -> frozenset[str]:
    """Abbreviations written in capitals ("ICRC", "U.N.") anywhere in the corpus."""
    found = {m.group(0).replace(".", "") for p in paragraphs for m in _ACRONYM.finditer(p.text)}
    return frozenset(found - _NOT_NAME_ABBREVIATIONS)


def _acronym_keys(words: list[str], acronyms: frozenset[str], expansions: dict[str, set[str]] | None = None) -> list[str]:
    """The abbreviations of the corpus that a run of name words is, or spells
    as a whole: "General Motors (Co)" is "GM", "International Committee of the
    Red Cross" (its connectors left out) "ICRC", "U.S." (one letter per word)
    "US". A part of a longer name spells nothing ("Armenian Prime Minister
    Nikol Pashinyan" is not "AP"). ``expansions`` collects the names that
    spell each abbreviation, so that an ambiguous one can be dropped."""
    if not acronyms or not words:
        return []
    if all(len(w) == 1 for w in words):
        joined = "".join(words).upper()
        return [joined] if joined in acronyms else []
    found = [w for w in words if w.isupper() and w in acronyms]
    full = list(words)
    while len(full) > 2 and full[-1].lower().rstrip(".") in _NAME_SUFFIXES:
        full.pop()
    if 2 <= len(full) <= _ACRONYM_LONGEST and all(w[:1].isupper() and not w.isupper() for w in full):
        initials = "".join(w[0] for w in full)
        if initials in acronyms:
            found.append(initials)
            if expansions is not None:
                expansions.setdefault(initials, set()).add(" ".join(w.lower() for w in full))
    return found


def _word_parts(word: str) -> list[str]:
    parts = [p for p in re.split(r"[-‐–]", word) if p]
    return [p for p in parts if fold_word(p) not in _PREFIXES and fold_word(p) not in STOPWORDS and len(p) >= 3]


def _weekday_date(weekday: int, reference: _dt.date, ahead: bool = False) -> _dt.date:
    """The day a news report means by a bare weekday: the latest such day on or
    before the day it was written, or for what is still to come ("will meet on
    Tuesday"), the next such day on or after it."""
    if ahead:
        return reference + _dt.timedelta(days=(weekday - reference.weekday()) % 7)
    return reference - _dt.timedelta(days=(reference.weekday() - weekday) % 7)


# Words that put a weekday in the future when they come shortly before it,
# in its clause: "would be released on Tuesday", "is due to visit on Friday".
_FUTURE_WORDS = re.compile(
    r"\b(?:will|would|shall|won['’]t|wouldn['’]t|next|due|expected|scheduled|plans?|planned|"
    r"set\s+to|is\s+to|are\s+to|going\s+to|until)\b|\w['’]ll\b", re.IGNORECASE)
_FUTURE_WINDOW = 45  # characters before the weekday
_CLAUSE_END = re.compile(r"[,;:.!?]")


def _looks_ahead(text: str, start: int) -> bool:
    before = _CLAUSE_END.split(text[max(0, start - _FUTURE_WINDOW) : start])[-1]
    return _FUTURE_WORDS.search(before) is not None


def sentence_evidence(
    p: Paragraph,
    capitalised_words: set[str],
    vocabulary: set[str] | None = None,
    reference: _dt.date | None = None,
    acronyms: frozenset[str] = frozenset(),
    expansions: dict[str, set[str]] | None = None,
    headlines: AbstractSet[tuple[str, int]] = frozenset(),
) -> list[SentenceEvidence]:
    figures = extract_figures(p.text)
    quotes = _quote_spans(p.text)
    out: list[SentenceEvidence] = []
    for index, (s, e) in enumerate(p.sentences):
        ev = SentenceEvidence(p.id, p.source_id, index, s, e, {})
        sentence_figures = [f for f in figures if s <= f.start < e]
        ev.figures = sentence_figures
        number_spans = [(f.start, f.end) for f in sentence_figures]
        background = [(m.start(), m.end()) for m in _BACKGROUND.finditer(p.text, s, e)]
        # a name at the start of a sentence may be any capitalised word ("Tugboats, their horns blaring")
        background += [m.span("description") for m in _APPOSITIVE.finditer(p.text, s, e) if _describes_a_name(p.text, s, m)]

        def scale(position: int, background: list[tuple[int, int]] = background) -> float:
            if not background:
                return 1.0
            return BACKGROUND_WEIGHT if any(a <= position < b for a, b in background) else 1.0

        def add(feature: str, multiplier: float, label: str, group: int | None = None, ev: SentenceEvidence = ev) -> None:
            if multiplier > ev.features.get(feature, 0.0):
                ev.features[feature] = multiplier
                ev.labels.setdefault(feature, label)
            if group is not None:
                ev.groups.setdefault(feature, group)

        group = 0
        # "Dams built in 1977 burst on Sunday and killed 5,000": a sentence that also tells a day
        # of the report's week, or a date, is of now, whatever year it names
        told_today = any(f.kind == "date" for f in sentence_figures) or _WEEKDAY_OR_NOW.search(p.text, s, e) is not None
        for fig in sentence_figures:
            group += 2
            if fig.kind == "count" and fig.thing is None and fig.value >= 10 and not fig.vague \
                    and _OF_THEM.match(p.text, fig.end) and _people_before(p.text, fig.start):
                # "the first refugees ... at least 360 of them", part of no count before it; not
                # "dozens of them" nor "five of them", nor "a wave of drones ... 38 of them"
                fig = replace(fig, thing="people")
            years = clause_years(p.text[s:e], s, fig, figures, reference) \
                if fig.kind in _YEARED_KINDS and not told_today else frozenset()
            # a figure of a year well before the report's ("In 1957 a flood killed 81 people"), not
            # recent accounts ("$110.4 billion in assets at the end of last year")
            other_year = "~" + "/".join(map(str, sorted(years))) if years and reference is not None and all(
                y <= reference.year - _PAST_YEARS for y in years) else ""
            for feature, mult, label in _figure_features(fig, count_role(p.text, s, e, fig)):
                if other_year and feature[0] in "gt":
                    feature += other_year  # "in 1957 a flood killed 81 people": not a count of this year's dead
                # One figure counts once as a value (exact or close) and once as its thing.
                add(feature, mult, label, group if feature[0] == "t" else group - 1 if feature[0] in "fghdm" else None)

        tokens = _tokens(p.text, s, e, capitalised_words, (p.id, s) in headlines)
        if number_spans:
            tokens = [t for t in tokens if not any(a <= t.start < b for a, b in number_spans)]
        if reference is not None:
            # "On Tuesday" in a report of Sunday the 24th and "Sept. 19" are one day.
            date_starts = [f.start for f in sentence_figures if f.kind == "date"]
            kept = []
            for t in tokens:
                weekday = WEEKDAYS.get(_bare_word(t.text))
                if weekday is None or not t.text[0].isupper():
                    kept.append(t)
                    continue
                if any(0 <= start - t.end <= 3 for start in date_starts):
                    continue  # "Tuesday, Sept. 12": the written date says which Tuesday
                day = _weekday_date(weekday, reference, _looks_ahead(p.text, t.start))
                add(f"d:{day.month * 100 + day.day}", 1.0, f"date {t.text} ({day:%b} {day.day})")
            tokens = kept
        in_run: set[int] = set()
        for run in _name_runs(tokens, p.text):
            group += 1
            names = [t for t in run if t.name]
            label = p.text[run[0].start : run[-1].end]
            words = [_POSSESSIVE.sub("", t.text) for t in names]
            if tokens and run[0] is tokens[min(1, len(tokens) - 1)] and tokens[0].text[:1].isupper():
                # A sentence's first word is a name only when the corpus says so,
                # but "General Motors said" still spells "GM".
                first_word = tokens[0].text
                if not p.text[tokens[0].end : run[0].start].strip() and not function_word(first_word):
                    words.insert(0, first_word)
            if any(_POSSESSIVE.search(t.text) for t in names[:-1]):
                words = []  # "Ukraine's Kharkiv" is two names, not one
            for key in _acronym_keys(words, acronyms, expansions):
                add(f"n:^{key}", scale(run[0].start), f"name {label}", group)
            if all(len(t.text) == 1 for t in names):
                continue  # the letters of an abbreviation ("U.S."), not a name
            keys: list[str] = []
            # "Gov. Mike DeWine" and "Gov. Roy Cooper", "General Tiani" and "General
            # Tchiani": a title says what someone is, not who
            untitled = [t for t in names if _bare_word(t.text) not in NAME_TITLES]
            if len(untitled) < len(names):
                in_run.update(t.start for t in names)
                names = untitled
            for t in names:
                word = _POSSESSIVE.sub("", t.text)
                for part in _word_parts(word) if "-" in word else [word]:
                    keys.append(name_key(part))
                if "-" in word:
                    keys.append(name_key(word))
                in_run.add(t.start)
            for a, b in pairwise(names):
                keys.append(name_key(_POSSESSIVE.sub("", a.text) + _POSSESSIVE.sub("", b.text)))
            for key in keys:
                if key:
                    add(f"n:{key}", scale(run[0].start), f"name {label}", group)

        content: list[tuple[Token, str]] = []
        for t in tokens:
            lower = fold_word(t.text)
            if t.start in in_run:
                content.append((t, ""))
                continue
            month = _month_named(p.text, s, t)
            if month:
                feature, _, label = _month_feature(month)
                add(feature, scale(t.start), label)
                content.append((t, ""))
                continue
            if len(lower) < 3 or function_word(t.text):
                content.append((t, ""))  # keeps word pairs from bridging a stopword gap
                continue
            key = stem(t.text)
            weight = scale(t.start) * (QUOTED_WEIGHT if any(a <= t.start < b for a, b in quotes) else 1.0)
            if "-" in t.text:
                group += 1
                add(f"w:{key}", weight, t.text.lower(), group)
                for part in _word_parts(t.text):
                    add(f"w:{stem(part)}", weight, t.text.lower(), group)
            else:
                add(f"w:{key}", weight, t.text.lower())
            content.append((t, key))
        # Paraphrase groups: a word and its group count once, so the same word
        # in both sentences is not counted twice.
        lexicon = paraphrases()
        all_stems = [stem(t.text) for t in tokens]
        covered: set[int] = set()
        for size in range(lexicon.longest, 1, -1):
            for i in range(len(tokens) - size + 1):
                groups_here = lexicon.phrases.get(tuple(all_stems[i : i + size]))
                if groups_here and not covered.intersection(range(i, i + size)):
                    group += 1
                    label = p.text[tokens[i].start : tokens[i + size - 1].end].lower()
                    for g in groups_here:
                        add(f"s:{g}", scale(tokens[i].start), label, group)
                    covered.update(range(i, i + size))
        for i, (t, key) in enumerate(content):
            groups_here = lexicon.words.get(key) if key else None
            if groups_here and i not in covered:
                group += 1
                ev.groups[f"w:{key}"] = group
                for g in groups_here:
                    add(f"s:{g}", scale(t.start), t.text.lower(), group)
        # Quoted word pairs: adjacent content words inside a quotation, allowing
        # one stopword between. Pairs outside quotations are not evidence: the
        # words already count, and a pair of them matched more look-alike
        # sentences than same-fact ones.
        for i, (t1, k1) in enumerate(content if quotes else ()):
            if not k1:
                continue
            for j in (i + 1, i + 2):
                if j >= len(content):
                    break
                if j == i + 2 and (content[i + 1][1] or content[i + 1][0].start in in_run):
                    break
                t2, k2 = content[j]
                if not k2:
                    continue
                if any(a <= t1.start and t2.end <= b for a, b in quotes):
                    add(f"q:{k1} {k2}", 1.0, f"quote “… {t1.text} {t2.text} …”")
                break
        # Compounds written as two words where the corpus also has them as one ("cease fire").
        if vocabulary:
            for (t1, k1), (t2, k2) in pairwise(content):
                if k1 and k2 and t2.start - t1.end <= 1:
                    joined = stem(t1.text + t2.text)
                    if joined in vocabulary:
                        add(f"w:{joined}", scale(t1.start), f"{t1.text} {t2.text}".lower())
        out.append(ev)
    return out


@dataclass
class Evidence:
    """Evidence for every sentence of a corpus, with feature rarity."""

    sentences: list[SentenceEvidence]
    idf: dict[str, float]
    paragraph_count: int
    # content word -> factor on its rarity, from how many other stories use it (background.py)
    word_scales: dict[str, float] = field(default_factory=dict)

    @property
    def rare_unit(self) -> float:
        """The rarity of a feature found in exactly two paragraphs: the largest there is."""
        return math.log(1 + self.paragraph_count / 2)

    def weight(self, feature: str, multiplier: float) -> float:
        idf = self.idf.get(feature, 0.0)
        if feature[0] == "n":
            # The names of the story's setting (its countries, its region) are in
            # most paragraphs and say nothing about which fact is meant: a name
            # counts by the square of its rarity.
            idf *= min(1.0, idf / self.rare_unit)
        elif feature[0] == "w":
            idf *= self.word_scales.get(feature, 1.0)
        return KIND_WEIGHT[feature[0]] * multiplier * idf

    def weights(self, ev: SentenceEvidence) -> dict[str, float]:
        return {f: w for f, m in ev.features.items() if (w := self.weight(f, m)) > 0}


def shared_weight(
    wi: dict[str, float], wj: dict[str, float], groups_i: dict[str, int], groups_j: dict[str, int] | None = None
) -> float:
    """Weight of the evidence two sentences share; a name or compound counts
    once, by its heaviest shared part. Each sentence groups its own features,
    so the sum is taken by either sentence's groups and the smaller one kept:
    the result does not depend on which sentence comes first."""
    if groups_j is None:
        groups_j = groups_i
    if len(wi) > len(wj):
        wi, wj, groups_i, groups_j = wj, wi, groups_j, groups_i
    loose_i = loose_j = 0.0
    best_i: dict[int, float] = {}
    best_j: dict[int, float] = {}
    for f, v in wi.items():
        w = wj.get(f)
        if w is None:
            continue
        w = min(v, w)
        g = groups_i.get(f)
        if g is None:
            loose_i += w
        elif w > best_i.get(g, 0.0):
            best_i[g] = w
        g = groups_j.get(f)
        if g is None:
            loose_j += w
        elif w > best_j.get(g, 0.0):
            best_j[g] = w
    return min(loose_i + sum(best_i.values()), loose_j + sum(best_j.values()))


def self_weight(w: dict[str, float], groups: dict[str, int]) -> float:
    return shared_weight(w, w, groups)


def _iso_date(value: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        return None


def reference_dates(corpus: Corpus) -> dict[str, _dt.date | None]:
    """The day each article was written, for reading bare weekdays: its own
    date, else the date most of the corpus's dated articles share (reports of
    one event are written within days of each other), else none."""
    own = {src.id: _iso_date(src.date) for src in corpus.sources}
    known = Counter(d for d in own.values() if d is not None)
    fallback = max(known, key=lambda d: (known[d], d)) if known else None
    return {sid: d or fallback for sid, d in own.items()}


def build_evidence(corpus: Corpus) -> Evidence:
    paragraphs = list(corpus.paragraphs())
    reference = reference_dates(corpus)
    # The corpus-wide word lists read each text once: copies add no word.
    distinct = list({p.text: p for p in reversed(paragraphs)}.values())
    headlines = _headlines(paragraphs, _lower_case_words(distinct))
    capitals = _mid_sentence_capitals(distinct, headlines)
    acronyms = _corpus_acronyms(distinct)
    expansions: dict[str, set[str]] = {}
    vocabulary = {stem(w) for w in {m.group(0) for p in distinct for m in _WORD.finditer(p.text)} if "-" not in w}
    sentences: list[SentenceEvidence] = []
    df: Counter[str] = Counter()
    # Republished copy repeats paragraphs word for word: read each text once.
    by_text: dict[tuple[str, _dt.date | None], list[SentenceEvidence]] = {}
    for p in paragraphs:
        day = reference[p.source_id]
        template = by_text.get((p.text, day))
        if template is None:
            template = by_text[p.text, day] = sentence_evidence(p, capitals, vocabulary, day, acronyms, expansions,
                                                                headlines)
            evs = template
        else:
            evs = [replace(ev, paragraph=p.id, source=p.source_id) for ev in template]
        sentences.extend(evs)
        seen: set[str] = set()
        for ev in evs:
            seen.update(ev.features)
        df.update(seen)
    # An abbreviation two different names spell ("AP": Associated Press and
    # Arab Parliament) says nothing about which is meant.
    ambiguous = {f"n:^{key}" for key, names in expansions.items() if len(names) > 1}
    if ambiguous:
        for ev in sentences:
            for f in ambiguous & ev.features.keys():
                del ev.features[f]
        for f in ambiguous:
            df.pop(f, None)
    n = max(1, len(paragraphs))
    # Smoothed so that a corpus of two paragraphs still weighs what they share.
    idf = {f: math.log(1 + n / d) for f, d in df.items() if d > 1}
    scales = word_scales(n, {f[2:]: d for f, d in df.items() if f[0] == "w"})
    return Evidence(sentences, idf, n, {f"w:{key}": scale for key, scale in scales.items()})
