"""Spelling variants: one word or name written differently across sources.

A fuzzy score only proposes candidates; rules decide (see docs/DESIGN.md):

* surface variants share a fold (ASCII, lower case, no punctuation) and differ
  in spacing or hyphens (Nagorno Karabakh / Nagorno-Karabakh, cease fire /
  ceasefire), in diacritics (Gülen / Gulen) or in case inside a word
  (NATO / Nato) or dots (U.S. / US);
* letter-level variants differ in letters: British and American spelling
  (Defence / Defense), found by rules and tables, and transliterations of a
  name (Pashinian / Pashinyan), found by a transliteration skeleton;
* a given name and its short form (Michael / Mike), from a table, where both
  stand before one surname;
* a Chinese name in Wade-Giles and in pinyin (Chen-wei / Zhenwei), syllable
  by syllable, written apart or together;
* an ending added to a word makes another word (Armenia / Armenian), never a
  variant; two letter-level spellings inside one article are two different
  things; short names need a shared neighbour or an aligned row.

Tables live in ``spelling.yaml`` beside this module, loaded once.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from itertools import accumulate, chain, combinations, product
from operator import methodcaller
from pathlib import Path
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz import fuzz

from .fileio import load_yaml

__all__ = [
    "BRITISH_AMERICAN",
    "CASE_OR_PUNCTUATION",
    "DIACRITICS",
    "HYPHENATION",
    "KINDS",
    "SHORT_FORM",
    "TRANSLITERATION",
    "Occurrence",
    "VariantGroup",
    "find_variants",
    "fold",
    "name_key",
    "romanized_alike",
    "to_american",
    "variant_kind",
]

TRANSLITERATION = "transliteration"
BRITISH_AMERICAN = "british_american"
HYPHENATION = "hyphenation"
DIACRITICS = "diacritics"
CASE_OR_PUNCTUATION = "case_or_punctuation"
SHORT_FORM = "short_form"  # a given name and its everyday short form: Michael / Mike
KINDS = (TRANSLITERATION, BRITISH_AMERICAN, HYPHENATION, DIACRITICS, CASE_OR_PUNCTUATION, SHORT_FORM)
_WEAK_TRANSLITERATION = "weak_transliteration"  # a candidate that needs a shared neighbour or row

MIN_WORD = 3  # shorter words never carry a letter-level variant
SHORT_NAME = 5  # names this short need a shared neighbour or an aligned row
LONG_NAME = 8  # names this long may end in another vowel (Lukashenko / Lukashenka)
LOOSE_NAME = 7  # names this long may be romanised with other consonants (Chatuchak / Jatujak)
ACRONYM = 6  # longest word in capitals read as an acronym (NATO / Nato), not as emphasis
LOOSE_NAME_SCORE = 80  # fuzz.ratio of skeletons for names differing in vowels only
SWAPPED_NAME_SCORE = 75  # the same, for names whose vowels are only put in another order (Mayopoulos / Mayopolous)

_DATA_FILE = Path(__file__).with_name("spelling.yaml")
_WORD_SPLIT = re.compile(r"([^\W\d_]+(?:[\u0300-\u036f]+[^\W\d_]*)*)")  # letters, combining accents
_ABBREVIATION = re.compile(r"[A-Z]\.[A-Z]\.(?:[A-Z]\.)*")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_SEPARATOR = re.compile(r"[\s\-\u2010\u2011]+")
_HYPHENS = "-\u2010\u2011"
_HYPHEN_GAPS = frozenset(_HYPHENS)
_APOSTROPHES = frozenset("'’")
_CONTRACTED = frozenset({"s", "t", "re", "ll", "ve", "d", "m"})  # Ukraine's, don't, they're
_SENTENCE_MARKS = frozenset(".!?:;\n")
_OPENING_QUOTES = ('"', "'", "“", "‘", "«")
_TWO_CAPITALS = re.compile(r"[^\W\d_a-z]{2}")  # finds every word in capitals, and a few more
_VOWELS = re.compile(r"[aeiou]")


# ---------------------------------------------------------------- tables


_Rewrite = Callable[[str], str]


@dataclass(frozen=True)
class _Mandarin:
    """Pinyin syllables and how Wade-Giles writes them."""

    pinyin: frozenset[str]
    wade_giles: dict[str, str]  # pinyin syllable -> its Wade-Giles spelling, where that differs
    marked: frozenset[str]  # syllables whose Wade-Giles spelling no pinyin name has (hs, ts, ch for zh, -ih...)


@dataclass(frozen=True)
class _Tables:
    stopwords: frozenset[str]
    endings: frozenset[str]
    particles: frozenset[str]
    british_words: dict[str, str]  # every listed British form, inflected too -> American
    british_prefixes: dict[str, str]
    british_rules: tuple[tuple[re.Pattern[str], str], ...]
    british_any_rule: re.Pattern[str]  # matches a word that some rule rewrites
    name_rules: tuple[_Rewrite, ...]
    short_names: dict[str, tuple[str, ...]]  # given name -> its short forms
    mandarin: _Mandarin


def _strings(values: list[object], what: str) -> list[str]:
    bad = [v for v in values if not isinstance(v, str)]
    if bad:
        raise ValueError(f"{_DATA_FILE.name}: {what} holds {bad!r}; quote it (YAML reads no/on/off as booleans)")
    return [str(v) for v in values]


def _rewrite(pattern: str, replacement: str) -> _Rewrite:
    if re.escape(pattern) == pattern:
        return methodcaller("replace", pattern, replacement)
    return partial(re.compile(pattern).sub, replacement)


def _inflected(words: dict[str, str], endings: list[str]) -> dict[str, str]:
    return {british + ending: american + ending for british, american in words.items() for ending in ["", *endings]}


_MARKED_INITIALS = frozenset({"zh", "j", "q", "x"})  # written ch and hs in Wade-Giles; not ts or j, as in Atsumi, Jena
_MARKED_SPELLINGS = ("ih", "ieh", "ueh", "erh", "ss")
_PINYIN_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z",
                    "c", "s", "y", "w")


def _mandarin(data: dict[str, object]) -> _Mandarin:
    def table(what: str) -> dict[str, str]:
        found = data[what]
        if not isinstance(found, dict):
            raise ValueError(f"{_DATA_FILE.name}: mandarin {what} is not a table")
        return dict(zip(_strings(list(found), f"mandarin {what}"), _strings(list(found.values()), f"mandarin {what}"),
                        strict=True))

    pinyin = data["pinyin"]
    if not isinstance(pinyin, list):
        raise ValueError(f"{_DATA_FILE.name}: mandarin pinyin is not a list")
    syllables, initials, finals = table("wade_giles_syllables"), table("wade_giles_initials"), table("wade_giles_finals")

    all_pinyin = frozenset(_strings(pinyin, "mandarin pinyin"))
    wade_giles: dict[str, str] = {}
    marked: set[str] = set()
    for syllable in sorted(all_pinyin):
        initial = next((i for i in _PINYIN_INITIALS if syllable.startswith(i) and len(syllable) > len(i)), "")
        final = syllable[len(initial) :]
        spelled = syllables.get(syllable, initials.get(initial, initial) + finals.get(final, final))
        if spelled != syllable:
            wade_giles[syllable] = spelled
            if initial in _MARKED_INITIALS or any(m in spelled for m in _MARKED_SPELLINGS):
                marked.add(syllable)
    return _Mandarin(all_pinyin, wade_giles, frozenset(marked))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = load_yaml(_DATA_FILE.read_text(encoding="utf-8"))
    british = data["british_american"]
    rules = [(pattern, replacement) for pattern, replacement in british["rules"]]
    return _Tables(
        stopwords=frozenset(_strings(data["stopwords"], "stopwords")),
        endings=frozenset(_strings(data["inflection_endings"], "inflection_endings")),
        particles=frozenset(_strings(data["particles"], "particles")),
        british_words=_inflected(british["words"], _strings(british["word_endings"], "word_endings")),
        british_prefixes=dict(british["prefixes"]),
        british_rules=tuple((re.compile(pattern), replacement) for pattern, replacement in rules),
        british_any_rule=re.compile("|".join(f"(?:{pattern})" for pattern, _ in rules)),
        name_rules=tuple(_rewrite(pattern, replacement) for pattern, replacement in data["transliteration"]),
        short_names={name: tuple(_strings(shorts, name)) for name, shorts in data["short_names"].items()},
        mandarin=_mandarin(data["mandarin"]),
    )


# ---------------------------------------------------------------- word keys


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """anyascii + lower-case + drop punctuation/hyphens/apostrophes/spaces.

    The key used to match names across spellings of diacritics/hyphenation:
    fold("Nagorno-Karabakh") == fold("Nagorno Karabakh") == "nagornokarabakh".
    """
    if not word.isascii():
        word = anyascii(word)
    return _NOT_ALNUM.sub("", word.lower())


@lru_cache(maxsize=1 << 16)
def name_key(word: str) -> str:
    """A transliteration skeleton so that spelling variants of one name share a key.

    Pashinian/Pashinyan, Davit/David, Aliyev/Aliev/Alijev share a key;
    Stepanyan and Pashinyan do not. Used by the aligner to match names.
    Each word of a phrase is keyed on its own: "Davit Babayan" -> "davitbabaian".
    """
    return "".join(_skeleton(fold(part)) for part in _SEPARATOR.split(word))


@lru_cache(maxsize=1 << 16)
def _skeleton(folded: str) -> str:
    """name_key of one folded word."""
    for rewrite in _tables().name_rules:
        folded = rewrite(folded)
    return folded


_MAX_SPLITS = 8  # ways of splitting one word into pinyin syllables that are looked at
_LONGEST_SYLLABLE = 6  # letters: zhuang


@lru_cache(maxsize=1 << 16)
def _pinyin(folded: str) -> tuple[tuple[str, ...], ...]:
    """The ways to write a folded word as pinyin syllables, longest syllables
    first; none for a word that is not pinyin. Only the first syllable may
    begin with a vowel: pinyin writes Xi'an, and Rana is no Ran-a."""
    syllables = _tables().mandarin.pinyin

    @cache
    def splits(start: int) -> tuple[tuple[str, ...], ...]:
        if start == len(folded):
            return ((),)
        found: list[tuple[str, ...]] = []
        for end in range(min(len(folded), start + _LONGEST_SYLLABLE), start, -1):
            if folded[start:end] in syllables and not (start and folded[start] in "aoe"):
                found.extend((folded[start:end], *rest) for rest in splits(end))
                if len(found) >= _MAX_SPLITS:
                    return tuple(found[:_MAX_SPLITS])
        return tuple(found)

    return splits(0)


@lru_cache(maxsize=1 << 16)
def _wade_giles_spellings(folded: str) -> dict[str, bool]:
    """A pinyin name of two or more syllables as Wade-Giles spells it, each
    syllable either way, as Taiwanese names mix them (Dachingshui for
    Daqingshui), each spelling with whether it writes some syllable as no
    pinyin name would (hs, ts, ch for zh, -ih): Zhenwei -> chenwei (marked),
    Bowen -> powen (not); not the name itself."""
    mandarin = _tables().mandarin
    found: dict[str, bool] = {}
    for split in _pinyin(folded):
        if len(split) > 1:
            ways = [[(s, False)] + ([(mandarin.wade_giles[s], s in mandarin.marked)] if s in mandarin.wade_giles else [])
                    for s in split]
            for parts in product(*ways):
                spelled = "".join(p for p, _ in parts)
                found[spelled] = found.get(spelled, False) or any(m for _, m in parts)
    found.pop(folded, None)
    return found


def _written_in_wade_giles(pinyin: str, other: str, hyphenated: bool) -> bool:
    """Whether the folded ``other`` writes the folded pinyin name ``pinyin`` as
    Wade-Giles does: hyphenated as Taiwanese given names are (Teng-hui for
    Denghui), or no pinyin itself and with a syllable no pinyin name has
    (Dachingshui; not Julien for Julian, nor Changzhou for Zhangzhou, two
    cities)."""
    marked = _wade_giles_spellings(pinyin).get(other)
    return marked is not None and (hyphenated or (marked and not _pinyin(other)))


def romanized_alike(a: str, b: str) -> bool:
    """Whether one of two spellings is a pinyin name of two or more syllables
    and the other writes it as Wade-Giles does (Zhenwei / Chen-wei, Jiji /
    Chi-Chi, Denghui / Teng-hui); not Kate / Gate, nor two pinyin names."""
    fa, fb = fold(a), fold(b)
    return fa != fb and (_written_in_wade_giles(fa, fb, not _HYPHEN_GAPS.isdisjoint(b))
                         or _written_in_wade_giles(fb, fa, not _HYPHEN_GAPS.isdisjoint(a)))


@lru_cache(maxsize=1 << 16)
def to_american(word: str) -> str:
    """The American spelling of a folded word (armoured -> armored); other words unchanged."""
    tables = _tables()
    if word.startswith(tuple(tables.british_prefixes)):
        british = next(p for p in tables.british_prefixes if word.startswith(p))
        word = tables.british_prefixes[british] + word[len(british) :]
    word = tables.british_words.get(word, word)
    if tables.british_any_rule.fullmatch(word):
        for pattern, replacement in tables.british_rules:
            if pattern.fullmatch(word):
                word = pattern.sub(replacement, word)
    return word


def _consonants(key: str) -> str:
    return _VOWELS.sub("", key)


def _differs_by_ending(a: str, b: str) -> bool:
    """True when the folded words share a stem and differ only by inflection
    endings; not when one only doubles a letter of the other (Pragyan / Pragyaan)."""
    if abs(len(a) - len(b)) == 1:
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        if any(longer[i] == longer[i - 1] and longer[:i] + longer[i + 1:] == shorter for i in range(1, len(longer))):
            return False
    endings = _tables().endings
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    for cut in range(common, max(common - 3, 1), -1):
        if a[cut:] in endings and b[cut:] in endings:
            # An "i" after "y" makes no English word from the stem: Zelensky /
            # Zelenskyi is one name, Azerbaijan / Azerbaijani are two words.
            return not ({a[cut:], b[cut:]} == {"", "i"} and a[cut - 1] == "y")
    return False


def _name_match(a: str, b: str) -> str | None:
    """How two folded names match as transliterations of one name: "skeleton", "vowels" or None.

    "skeleton": the same transliteration skeleton (Pashinian / Pashinyan);
    "vowels": vowels written differently inside the same frame (Gegham /
    Gigham, Michel / Michael) or swapped (Mayopoulos / Mayopolous), and
    "ending": a long name's last vowel (Lukashenko / Lukashenka): weaker,
    find_variants wants more evidence.
    """
    if min(len(a), len(b)) < MIN_WORD or _differs_by_ending(a, b):
        return None
    ka, kb = _skeleton(a), _skeleton(b)
    if ka == kb:
        return "skeleton"
    similar = (
        min(len(ka), len(kb)) >= SHORT_NAME
        and abs(len(ka) - len(kb)) <= 1
        and _initial(ka) == _initial(kb)
        and (ka[-1] == kb[-1] or (_both_vowels(ka[-1], kb[-1]) and min(len(ka), len(kb)) >= LONG_NAME))
        and _consonants(ka) == _consonants(kb)
        and (fuzz.ratio(ka, kb) >= LOOSE_NAME_SCORE
             or (fuzz.ratio(ka, kb) >= SWAPPED_NAME_SCORE and sorted(_VOWELS.findall(ka)) == sorted(_VOWELS.findall(kb))))
    )
    if not similar:
        return None
    return "vowels" if ka[-1] == kb[-1] else "ending"


_SIBILANT = re.compile(r"ch|sh|zh|j")
_VOICED = str.maketrans("dbgzv", "tpksf")


@lru_cache(maxsize=1 << 16)
def _loose_skeleton(folded: str) -> str:
    """A looser skeleton for long names romanised by other systems: voiced and
    voiceless stops as one (Naypyidaw / Naypyitaw, Shakadang / Shakatang),
    ch, sh and j as one (Chatuchak / Jatujak, Marrakech / Marrakesh), ph as p
    (Phromphan / Promphan)."""
    return _skeleton(_SIBILANT.sub("j", folded.replace("ph", "p"))).translate(_VOICED)


def _initial(key: str) -> str:
    """A key's first letter, any vowel as one: Osama / Usama, Ilham / Elham."""
    return "a" if _VOWELS.match(key) else key[:1]


def _both_vowels(x: str, y: str) -> bool:
    """Two final vowels of one long name in two languages' spellings (Lukashenko / Lukashenka)."""
    return bool(_VOWELS.fullmatch(x) and _VOWELS.fullmatch(y))


# ---------------------------------------------------------------- variant_kind


def _segments(form: str) -> list[str]:
    return [part for part in _SEPARATOR.split(form.strip()) if fold(part)]


def _layout(form: str) -> tuple[tuple[int, str], ...]:
    """Where spaces and hyphens fall, counted in folded letters."""
    layout, position = [], 0
    for match in re.finditer(r"[^\s\-\u2010\u2011]+|([\s\-\u2010\u2011]+)", form.strip()):
        if match.group(1) is None:
            position += len(fold(match.group()))
        elif position:
            layout.append((position, "-" if any(c in _HYPHENS for c in match.group(1)) else " "))
    return tuple(layout)


def _letters(form: str) -> str:
    return "".join(c for c in form if c.isalnum())


def _is_latin(form: str) -> bool:
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in form)


def _inner_case_differs(a: str, b: str) -> bool:
    """Capitalised words whose case differs past the first letter.

    NATO / Nato, GitHub / Github; not AIDS / aids (a lower-case word), nor
    LICENSE / License (a long word in capitals is emphasis, not an acronym).
    """
    pairs = list(zip(_segments(a), _segments(b)))
    if not all(x[:1].isupper() and y[:1].isupper() for x, y in pairs):
        return False
    return any(_letters(x)[1:] != _letters(y)[1:] and not _shouting(x, y) for x, y in pairs)


def _shouting(x: str, y: str) -> bool:
    return any(len(w) > ACRONYM and w.isupper() for w in (x, y))


def _surface_kind(a: str, b: str) -> str | None:
    """Kind of two different forms with the same fold."""
    if _is_latin(a) != _is_latin(b):
        return TRANSLITERATION  # 徐榛蔚 / Xu Zhenwei, whatever the spaces
    if _layout(a) != _layout(b):
        return HYPHENATION
    letters_a, letters_b = _letters(a), _letters(b)
    if letters_a.lower() != letters_b.lower():
        return DIACRITICS if _is_latin(a) and _is_latin(b) else TRANSLITERATION
    if letters_a != letters_b:
        return CASE_OR_PUNCTUATION if _inner_case_differs(a, b) else None
    punctuation_a = [c for c in a if not c.isalnum() and not c.isspace() and c not in _HYPHENS]
    punctuation_b = [c for c in b if not c.isalnum() and not c.isspace() and c not in _HYPHENS]
    return CASE_OR_PUNCTUATION if punctuation_a != punctuation_b else None


def _word_letter_kind(a: str, b: str) -> str | None:
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return _surface_kind(a, b) or ""
    if min(len(fa), len(fb)) < MIN_WORD:
        return None
    if to_american(fa) == to_american(fb):
        return BRITISH_AMERICAN
    if a[:1].isupper() and b[:1].isupper() and _name_match(fa, fb):
        return TRANSLITERATION
    return None


def variant_kind(a: str, b: str) -> str | None:
    """If two surface forms are spelling variants of one word, return the kind.

    Kinds: "transliteration", "british_american", "hyphenation",
    "diacritics", "case_or_punctuation"; else None ("short_form" needs the
    corpus: find_variants). Transliteration needs
    capitalised forms (names); a capital on a word's first letter alone is
    not a variant (president / President).
    """
    if a == b or not fold(a) or not fold(b):
        return None
    if fold(a) == fold(b):
        return _surface_kind(a, b)
    words_a, words_b = _segments(a), _segments(b)
    if len(words_a) != len(words_b):
        return None
    kinds = set()
    for x, y in zip(words_a, words_b):
        kind = _word_letter_kind(x, y)
        if kind is None:
            return None
        kinds.add(kind)
    for kind in (TRANSLITERATION, BRITISH_AMERICAN):
        if kind in kinds:
            return kind
    return None


# ---------------------------------------------------------------- results


@dataclass
class Occurrence:
    source: str  # source id
    paragraph: str  # paragraph id
    start: int  # char offsets into that paragraph's text
    end: int


@dataclass
class VariantGroup:
    kind: str  # one of KINDS
    forms: dict[str, list[Occurrence]]  # surface form -> occurrences (2+ forms, from 2+ sources)

    def sources_by_form(self) -> dict[str, list[str]]:
        """form -> sorted source ids (the JSON "forms" field)."""
        return {form: sorted({o.source for o in occurrences}) for form, occurrences in self.forms.items()}

    def sources(self) -> list[str]:
        return sorted({o.source for occurrences in self.forms.values() for o in occurrences})

    def to_dict(self) -> dict[str, object]:
        """The JSON export entry."""
        return {"kind": self.kind, "forms": self.sources_by_form()}


# ---------------------------------------------------------------- reading the corpus


@lru_cache(maxsize=4096)
def _opens(gap: str) -> bool:
    """The text between two words ends a sentence or opens a quotation."""
    return gap != " " and (any(c in _SENTENCE_MARKS for c in gap) or gap[-1:] in _OPENING_QUOTES)


class _Para:
    """One paragraph cut into words; gaps[i] is the text just before words[i]."""

    def __init__(self, source: str, pid: str, text: str) -> None:
        self.source, self.pid, self.text = source, pid, text
        self._pieces = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
        self._offsets: list[int] | None = None
        self.gaps: list[str] = self._pieces[0::2]
        self.words: list[str] = self._pieces[1::2]
        self.folds = list(map(fold, self.words))
        self.shouted = self._shouted()

    def start(self, i: int) -> int:
        if self._offsets is None:
            self._offsets = list(accumulate(map(len, self._pieces)))
        return self._offsets[2 * i]

    def end(self, i: int) -> int:
        return self.start(i) + len(self.words[i])

    def spaced(self, i: int) -> bool:
        """Word i follows word i-1 after a single space."""
        return 0 < i < len(self.words) and self.gaps[i] == " "

    def hyphened(self, i: int) -> bool:
        """Word i follows word i-1 after a hyphen (Nagorno-Karabakh) or, inside a
        name, an apostrophe (Nuku'alofa, O'Leary; not Ukraine's, don't)."""
        if not 0 < i < len(self.words):
            return False
        gap = self.gaps[i]
        return gap in _HYPHEN_GAPS or (gap in _APOSTROPHES and self.folds[i] not in _CONTRACTED
                                       and (self.words[i][0].isupper() or self.words[i - 1][0].isupper()))

    def positions(self, folded: str) -> list[int]:
        return [i for i, f in enumerate(self.folds) if f == folded]

    def starts(self) -> list[int]:
        """Words that open a sentence, a line or a quotation."""
        return [i for i, gap in enumerate(self.gaps[: len(self.words)]) if i == 0 or (gap != " " and _opens(gap))]

    def unreliable_capitals(self) -> list[str]:
        """Capitalised words whose capital says nothing: sentence starts, headlines."""
        words = self.words
        return [words[i] for i in self.shouted.union(self.starts()) if words[i][0].isupper()]

    def _shouted(self) -> set[int]:
        """Words in capitals that are headlines, datelines or credits, not acronyms used in a sentence."""
        if not _TWO_CAPITALS.search(self.text):
            return set()
        caps = {i for i, word in enumerate(self.words) if word.isupper() and len(word) > 1}
        last = len(self.words) - 1

        def dateline(i: int) -> bool:  # WASHINGTON (Reuters) -, or a heading alone on its line
            return (i == 0 or "\n" in self.gaps[i]) and (i == last or self.gaps[i + 1] != " ")

        return {i for i in caps if i - 1 in caps or i + 1 in caps or dateline(i)}


@dataclass
class _Word:
    surfaces: set[str] = field(default_factory=set)
    capitalised: int = 0  # mid-sentence occurrences written with a capital
    lowercase: int = 0

    @property
    def is_name(self) -> bool:
        """Mostly capitalised inside sentences, or never seen inside one in lower case."""
        return self.capitalised >= self.lowercase

    def seen_in_sentences(self) -> bool:
        """Seen somewhere other than first in a sentence, where its capital tells name from word."""
        return self.capitalised + self.lowercase > 0


class _Corpus:
    """The paragraphs and, for each folded content word, how it is written."""

    def __init__(self, paragraphs: Sequence[tuple[str, str, str]]) -> None:
        self.stopwords = _tables().stopwords
        self.paras = [_Para(source, pid, text) for source, pid, text in paragraphs]
        self._by_source: dict[str, list[int]] = defaultdict(list)
        for index, para in enumerate(self.paras):
            self._by_source[para.source].append(index)
        self._source_folds = {
            source: set().union(*(self.paras[i].folds for i in indexes)) for source, indexes in self._by_source.items()
        }
        self._content: dict[str, bool] = {}
        self._sources: dict[str, set[str]] = {}
        self._paragraphs: dict[str, list[int]] = {}
        self.words = self._count_words()

    def is_content(self, folded: str) -> bool:
        known = self._content.get(folded)
        if known is None:
            known = self._content[folded] = (
                len(folded) >= MIN_WORD and folded.isalpha() and folded not in self.stopwords
            )
        return known

    def _count_words(self) -> dict[str, _Word]:
        uses = Counter(chain.from_iterable(para.words for para in self.paras))
        uncounted = Counter(chain.from_iterable(para.unreliable_capitals() for para in self.paras))
        words: dict[str, _Word] = defaultdict(_Word)
        is_content = self.is_content
        for text, count in uses.items():
            folded = fold(text)
            if is_content(folded):
                word = words[folded]
                word.surfaces.add(text)
                if text[0].isupper():
                    word.capitalised += count - uncounted[text]
                else:
                    word.lowercase += count
        return dict(words)

    def sources(self, folded: str) -> set[str]:
        if folded not in self._sources:
            self._sources[folded] = {s for s, folds in self._source_folds.items() if folded in folds}
        return self._sources[folded]

    def index(self, folded_words: Iterable[str]) -> None:
        """Find the paragraphs of many folded words in one pass."""
        wanted = {f for f in folded_words if f not in self._paragraphs}
        if not wanted:
            return
        for f in wanted:
            self._paragraphs[f] = []
        for i, para in enumerate(self.paras):
            for f in wanted.intersection(para.folds):
                self._paragraphs[f].append(i)

    def paragraphs(self, folded: str) -> list[int]:
        """Indexes of the paragraphs that use a folded word."""
        self.index([folded])
        return self._paragraphs[folded]

    def where(self, folded: str) -> Iterator[tuple[int, int]]:
        """(paragraph index, word index) of every use of a folded word."""
        for index in self.paragraphs(folded):
            for i in self.paras[index].positions(folded):
                yield index, i

    def occurrence(self, index: int, first: int, last: int | None = None) -> Occurrence:
        para = self.paras[index]
        return Occurrence(para.source, para.pid, para.start(first), para.end(first if last is None else last))

    def word_forms(self, folded_words: Iterable[str], skip_shouted: bool = False) -> dict[str, list[Occurrence]]:
        """Surface form -> occurrences of some folded words."""
        forms: dict[str, list[Occurrence]] = defaultdict(list)
        folded_words = list(folded_words)
        self.index(folded_words)
        for folded in folded_words:
            for index, i in self.where(folded):
                para = self.paras[index]
                if not (skip_shouted and i in para.shouted):
                    forms[para.words[i]].append(self.occurrence(index, i))
        return forms


# ---------------------------------------------------------------- letter-level groups


def _letter_pairs(corpus: _Corpus) -> Iterable[tuple[str, str, str]]:
    """Candidate pairs of folded words, bucketed first: (kind, a, b)."""
    by_american: dict[str, list[str]] = defaultdict(list)
    by_skeleton: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_loose: dict[str, list[str]] = defaultdict(list)
    for folded, word in corpus.words.items():
        by_american[to_american(folded)].append(folded)
        if word.is_name:
            key = _skeleton(folded)
            by_skeleton[(_initial(key), _consonants(key))].append(folded)
            if len(folded) >= LOOSE_NAME:
                by_loose[_loose_skeleton(folded)].append(folded)
    for bucket in by_american.values():
        for a, b in combinations(sorted(bucket), 2):
            # not the Labour Party / labor costs; but the Defense Ministry / the defence ministry
            if _same_use(corpus.words[a], corpus.words[b]) or _same_company(corpus, a, b):
                yield BRITISH_AMERICAN, a, b
    for bucket in by_loose.values():
        for a, b in combinations(sorted(bucket), 2):
            if _skeleton(a) != _skeleton(b) and not _differs_by_ending(a, b) and to_american(a) != to_american(b):
                yield _WEAK_TRANSLITERATION, a, b
    for bucket in by_skeleton.values():
        for a, b in combinations(sorted(bucket), 2):
            match = _name_match(a, b)
            if match == "ending" and (_followed_by_name(corpus, a) or _followed_by_name(corpus, b)):
                continue  # a given name's ending says who: Fernando / Fernanda Torres
            if match and to_american(a) != to_american(b):
                yield TRANSLITERATION if match == "skeleton" else _WEAK_TRANSLITERATION, a, b


def _short_form_pairs(corpus: _Corpus) -> Iterable[tuple[str, str, str]]:
    """A given name the corpus writes as a name, and a short form of it written
    with a capital; not a short form of two given names the corpus holds (Pat:
    Patrick and Patricia), which may be two people."""
    names_of: dict[str, list[str]] = defaultdict(list)
    for name, shorts in _tables().short_names.items():
        word = corpus.words.get(name)
        if word is not None and word.is_name:
            for short in shorts:
                names_of[short].append(name)
    for short, names in sorted(names_of.items()):
        if len(names) == 1 and corpus.sources(short) and all(corpus.paras[index].words[i][0].isupper()
                                                              for index, i in corpus.where(short)):
            yield SHORT_FORM, short, names[0]


def _surnames(corpus: _Corpus, folded: str) -> set[str]:
    """Skeletons of the capitalised words right after a given name."""
    found = set()
    for index, i in corpus.where(folded):
        para = corpus.paras[index]
        after = para.folds[i + 1] if i + 1 < len(para.words) else ""
        if para.spaced(i + 1) and para.words[i + 1][0].isupper() and len(after) >= 2 and after.isalpha() \
                and after not in corpus.stopwords:  # "Mike Ng", not "Mike The"
            found.add(_skeleton(para.folds[i + 1]))
    return found


def _same_use(a: _Word, b: _Word) -> bool:
    """Both names or both common words, as far as sentences show (a word only seen
    first in one is either). Both written in lower case inside a sentence somewhere
    are both common words: "defence and security forces" and "defense agreements",
    though one is also in "the Defense Department"; not "Labour said", never a
    common word, and "labor costs"."""
    return (not (a.seen_in_sentences() and b.seen_in_sentences()) or a.is_name == b.is_name
            or (a.lowercase > 0 and b.lowercase > 0))


def _company(corpus: _Corpus, folded: str) -> dict[str, bool]:
    """The words beside a word in its name or phrase ("Defense Ministry", "the
    defence ministry", "Ministry of Defence"), in American spelling, each with
    whether it is ever written with a capital there."""
    found: dict[str, bool] = {}
    for index, i in corpus.where(folded):
        para = corpus.paras[index]
        beside = [j for j in (i - 1, i + 1) if 0 <= j < len(para.words) and para.gaps[max(i, j)] in (" ", "-")]
        if i >= 2 and para.folds[i - 1] == "of" and para.gaps[i] == " " and para.gaps[i - 1] == " ":
            beside.append(i - 2)
        for j in beside:
            other = para.folds[j]
            if other != folded and corpus.is_content(other):
                key = to_american(other)
                found[key] = found.get(key, False) or para.words[j][0].isupper()
    return found


def _same_company(corpus: _Corpus, a: str, b: str) -> bool:
    """Two spellings of one word that stand beside one word of a name ("the Defense
    Ministry", "the defence ministry"): one thing, though one article writes it
    as a name and another as a common word; not "Labour said" and "labor said"."""
    company_a, company_b = _company(corpus, a), _company(corpus, b)
    return any(company_a[w] or company_b[w] for w in company_a.keys() & company_b.keys())


def _neighbours(corpus: _Corpus, folded: str) -> set[str]:
    """Skeletons of capitalised content words right before or after a word."""
    return _neighbours_of(corpus, folded, [_Phrase(index, i, i) for index, i in corpus.where(folded)])


def _neighbours_of(corpus: _Corpus, folded: str, spans: Iterable[_Phrase]) -> set[str]:
    """Skeletons of capitalised content words right before or after the spans where a form stands."""
    found = set()
    for index, first, last in spans:
        para = corpus.paras[index]
        for j, gap in ((first - 1, first), (last + 1, last + 1)):
            if para.spaced(gap) and para.words[j][0].isupper():
                other = para.folds[j]
                if other != folded and corpus.is_content(other):
                    found.add(_skeleton(other))
        if first > 0 and len(para.words[first - 1]) == 1 and para.words[first - 1].isupper() \
                and para.gaps[first] in (" ", ". "):
            found.add(f"{para.words[first - 1]}.")  # an initial: "S. Somanath", "S Somnath"
    return found


def _in_one_row(linked: Callable[[str, str], bool] | None, pids_a: list[str], pids_b: list[str]) -> bool:
    """Whether the aligner put a paragraph of each list in one row."""
    return linked is not None and any(linked(x, y) or linked(y, x) for x in pids_a for y in pids_b)


def _root(parent: dict[str, str], x: str) -> str:
    """The representative of ``x`` in a union-find forest, halving the path."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _followed_by_name(corpus: _Corpus, folded: str) -> bool:
    """Whether a word is ever followed by a capitalised word, as a given name is by the surname."""
    for index, i in corpus.where(folded):
        para = corpus.paras[index]
        if i + 1 < len(para.words) and para.spaced(i + 1) and para.words[i + 1][0].isupper():
            return True
    return False


def _supported(corpus: _Corpus, a: str, b: str, linked: Callable[[str, str], bool] | None) -> bool:
    """Extra evidence that two short names are one person: a shared neighbour or one row."""
    if _neighbours(corpus, a) & _neighbours(corpus, b):
        return True
    if linked is None:
        return False
    pids_a = sorted({corpus.paras[index].pid for index in corpus.paragraphs(a)})
    pids_b = sorted({corpus.paras[index].pid for index in corpus.paragraphs(b)})
    return _in_one_row(linked, pids_a, pids_b)


def _letter_components(corpus: _Corpus, linked: Callable[[str, str], bool] | None) -> list[tuple[str, list[str]]]:
    """Folded words joined by accepted pairs; within a group each source uses one spelling."""
    parent: dict[str, str] = {}
    kinds: dict[str, set[str]] = {}
    sources: dict[str, set[str]] = {}

    def root(x: str) -> str:
        return _root(parent, x)

    # One article using both spellings means two different things.
    pairs = [
        (kind, a, b) for kind, a, b in sorted(set(_letter_pairs(corpus)) | set(_short_form_pairs(corpus)))
        if not corpus.sources(a) & corpus.sources(b)
    ]
    corpus.index(chain.from_iterable((a, b) for kind, a, b in pairs if kind != BRITISH_AMERICAN))
    for kind, a, b in pairs:
        if kind == _WEAK_TRANSLITERATION or (kind == TRANSLITERATION and min(len(a), len(b)) <= SHORT_NAME):
            if not _supported(corpus, a, b, linked):
                continue
            kind = TRANSLITERATION
        elif kind == SHORT_FORM and not _surnames(corpus, a) & _surnames(corpus, b):
            continue  # Mike Whitaker and Michael Whitaker; not Mike Pence and Michael Flynn
        for x in (a, b):
            if x not in parent:
                parent[x], kinds[x], sources[x] = x, set(), set(corpus.sources(x))
        ra, rb = root(a), root(b)
        if ra == rb or sources[ra] & sources[rb]:
            continue
        parent[rb] = ra
        kinds[ra] |= kinds.pop(rb) | {kind}
        sources[ra] |= sources.pop(rb)

    members: dict[str, list[str]] = defaultdict(list)
    for x in parent:
        members[root(x)].append(x)
    return [
        (next(k for k in (TRANSLITERATION, SHORT_FORM, BRITISH_AMERICAN) if k in kinds[r] or k == BRITISH_AMERICAN),
         sorted(folded))
        for r, folded in members.items()
        if len(folded) > 1
    ]


# ---------------------------------------------------------------- surface groups


class _Phrase(NamedTuple):
    paragraph: int  # paragraph index
    first: int  # word indexes, inclusive
    last: int


def _hyphenated(corpus: _Corpus) -> list[_Phrase]:
    """Words joined by hyphens: Nagorno-Karabakh, anti-terrorist."""
    found = []
    for index, para in enumerate(corpus.paras):
        joined = [i for i in range(len(para.gaps)) if para.hyphened(i)]
        for i in joined:
            if not para.hyphened(i - 1):  # i - 1 starts a chain
                last = i
                while para.hyphened(last + 1):
                    last += 1
                found.append(_Phrase(index, i - 1, last))
    return found


def _open_phrases(corpus: _Corpus, keys: set[str], long_keys: set[str]) -> list[_Phrase]:
    """Two words (three for long_keys) after single spaces whose fold is in keys: cease fire."""
    found = []
    for index, para in enumerate(corpus.paras):
        folds = para.folds
        pairs = [i for i, (a, b) in enumerate(zip(folds, folds[1:])) if a + b in keys]
        triples = (
            [i for i, abc in enumerate(zip(folds, folds[1:], folds[2:])) if "".join(abc) in long_keys]
            if long_keys
            else []
        )
        found += [_Phrase(index, i, i + 1) for i in pairs]
        found += [_Phrase(index, i, i + 2) for i in triples]
    return [p for p in found if _is_open(corpus.paras[p.paragraph], p)]


def _is_open(para: _Para, phrase: _Phrase) -> bool:
    """Words separated by single spaces and not part of a hyphenated chain."""
    inside = range(phrase.first + 1, phrase.last + 1)
    return (
        all(para.spaced(i) for i in inside) and not para.hyphened(phrase.first) and not para.hyphened(phrase.last + 1)
    )


def _phrase_key(corpus: _Corpus, phrase: _Phrase) -> str:
    return "".join(corpus.paras[phrase.paragraph].folds[phrase.first : phrase.last + 1])


def _next_word(corpus: _Corpus, phrase: _Phrase) -> str | None:
    para = corpus.paras[phrase.paragraph]
    return para.folds[phrase.last + 1] if para.spaced(phrase.last + 1) else None


def _is_shouted(corpus: _Corpus, phrase: _Phrase) -> bool:
    shouted = corpus.paras[phrase.paragraph].shouted
    return all(i in shouted for i in range(phrase.first, phrase.last + 1))


def _open_form_counts(corpus: _Corpus, phrase: _Phrase, has_closed: bool, hyphen_next: set[str]) -> bool:
    """Whether "X Y" stands for the same word as "XY" or "X-Y" here.

    Not when a part is a stopword or "Y" a particle (flare up / flare-up);
    against XY when both are names or both are not (a new castle / Newcastle);
    against X-Y only for names (Nagorno Karabakh) or with the same next word,
    because "in the long term" and "a long-term plan" are both correct.
    """
    para = corpus.paras[phrase.paragraph]
    words = para.words[phrase.first : phrase.last + 1]
    folds = para.folds[phrase.first : phrase.last + 1]
    tables = _tables()
    if any(len(f) < 2 or f in tables.stopwords for f in folds) or folds[-1] in tables.particles:
        return False
    capitalised = all(w[0].isupper() for w, f in zip(words, folds) if len(f) >= MIN_WORD)
    closed = corpus.words.get("".join(folds)) if has_closed else None
    if closed is not None and all(len(f) >= MIN_WORD for f in folds):
        return not closed.seen_in_sentences() or capitalised == closed.is_name  # not a new castle / Newcastle
    return capitalised or _next_word(corpus, phrase) in hyphen_next


def _spelling(form: str) -> str:
    """A form with each word's first letter in lower case: sentence-initial capitals don't count."""
    form = re.sub(f"[{_HYPHENS}]", "-", form)
    return re.sub(r"(^|[\s\-])(\w)", lambda m: m.group(1) + m.group(2).lower(), form)


_SURFACE_PRIORITY = (HYPHENATION, TRANSLITERATION, DIACRITICS, CASE_OR_PUNCTUATION)


def _surface_group(forms: dict[str, list[Occurrence]]) -> VariantGroup | None:
    """A group of same-fold forms, keeping the spellings that are a variant of another one."""
    by_spelling: dict[str, list[str]] = defaultdict(list)
    for form in sorted(forms):
        by_spelling[_spelling(form)].append(form)
    kinds: dict[str, set[str]] = defaultdict(set)
    for a, b in combinations(sorted(by_spelling), 2):
        kind = variant_kind(by_spelling[a][0], by_spelling[b][0])
        if kind is not None:
            kinds[a].add(kind)
            kinds[b].add(kind)
    kept = _merge_forms({form: forms[form] for spelling in kinds for form in by_spelling[spelling]}, _spelling)
    if len({o.source for occurrences in kept.values() for o in occurrences}) < 2:
        return None
    found = set().union(*kinds.values())
    kind = next(k for k in _SURFACE_PRIORITY if k in found)
    return VariantGroup(kind, kept)


def _merge_forms(forms: dict[str, list[Occurrence]], spelling: Callable[[str], str]) -> dict[str, list[Occurrence]]:
    """Forms with the same spelling (they differ only in case) become one form, named
    after its most used surface, with all their occurrences: a source is never on two
    sides of a variant because one sentence capitalised the word (Defense Ministry /
    air-defense)."""
    by_spelling: dict[str, list[str]] = defaultdict(list)
    for form in sorted(forms):
        by_spelling[spelling(form)].append(form)
    merged = {}
    for same in by_spelling.values():
        name = min(same, key=lambda form: (-len(forms[form]), form))
        merged[name] = [o for form in same for o in forms[form]]
    return merged


def _may_vary(word: _Word) -> bool:
    """A single word written two ways; case alone counts only for names (AIDS / aids, ICE / ice)."""
    if len(word.surfaces) < 2 or len({_spelling(s) for s in word.surfaces}) < 2:
        return False
    return word.is_name or len({s.lower() for s in word.surfaces}) > 1


def _surface_groups(corpus: _Corpus, taken: set[str], romanized: AbstractSet[str] = frozenset()) -> list[VariantGroup]:
    """Forms that share a fold: hyphenated, open and closed compounds, and single
    words; not the folds of romanized names, whose group holds all their forms."""
    hyphenated_by_key: dict[str, list[_Phrase]] = defaultdict(list)
    for phrase in _hyphenated(corpus):
        if not _is_shouted(corpus, phrase):
            hyphenated_by_key[_phrase_key(corpus, phrase)].append(phrase)
    closed_keys = {f for f in corpus.words if f not in taken}
    long_keys = {k for k, phrases in hyphenated_by_key.items() if any(p.last - p.first >= 2 for p in phrases)}
    open_by_key: dict[str, list[_Phrase]] = defaultdict(list)
    for phrase in _open_phrases(corpus, set(hyphenated_by_key) | closed_keys, long_keys):
        open_by_key[_phrase_key(corpus, phrase)].append(phrase)

    varied = {f for f in closed_keys if _may_vary(corpus.words[f])}
    multiple = {k for k, phrases in hyphenated_by_key.items() if len(phrases) > 1 or k in closed_keys}
    keys = sorted((varied | multiple | set(open_by_key)) - romanized)
    corpus.index(k for k in keys if k in closed_keys)
    groups = []
    for key in keys:
        closed = key in closed_keys
        hyphenated = hyphenated_by_key.get(key, [])
        hyphen_next = {word for p in hyphenated if (word := _next_word(corpus, p)) is not None}
        opened = [p for p in open_by_key.get(key, []) if _open_form_counts(corpus, p, closed, hyphen_next)]
        forms = _phrase_forms(corpus, hyphenated + opened)
        if closed and (forms or key in varied):
            forms.update(corpus.word_forms([key], skip_shouted=True))
            shouted = sum(len(found) for form, found in forms.items() if form.isupper())
            if shouted and corpus.words[key].lowercase >= shouted:
                # a word written in lower case as often is no acronym: "Made for the MOON!" is emphasis
                # (AIDS and COVID stay acronyms beside one "aids" or "covid")
                forms = {form: found for form, found in forms.items() if not form.isupper()}
        if len(forms) > 1:
            group = _surface_group(forms)
            if group is not None:
                groups.append(group)
    return groups + _abbreviation_groups(corpus)


def _phrase_forms(corpus: _Corpus, phrases: list[_Phrase]) -> dict[str, list[Occurrence]]:
    forms: dict[str, list[Occurrence]] = defaultdict(list)
    for phrase in phrases:
        occurrence = corpus.occurrence(phrase.paragraph, phrase.first, phrase.last)
        text = corpus.paras[phrase.paragraph].text
        forms[text[occurrence.start : occurrence.end]].append(occurrence)
    return forms


def _abbreviation_groups(corpus: _Corpus) -> list[VariantGroup]:
    """U.S. / US: dotted capitals against the same capitals written solid."""
    text = "\n".join(para.text for para in corpus.paras)  # one scan of the corpus, not one per paragraph
    starts = list(accumulate((len(para.text) + 1 for para in corpus.paras), initial=0))

    def occurrence(start: int, end: int) -> Occurrence:
        index = bisect_right(starts, start) - 1
        para = corpus.paras[index]
        return Occurrence(para.source, para.pid, start - starts[index], end - starts[index])

    forms: dict[str, dict[str, list[Occurrence]]] = defaultdict(lambda: defaultdict(list))
    for match in _ABBREVIATION.finditer(text):
        if not _touches_word(text, *match.span()):
            forms[match.group().replace(".", "")][match.group()].append(occurrence(*match.span()))
    if not forms:
        return []
    for match in re.finditer("|".join(sorted(forms)), text):
        start, end = match.span()
        if not _touches_word(text, start, end):
            forms[match.group()][match.group()].append(occurrence(start, end))
    groups = (_surface_group(group) for _, group in sorted(forms.items()))
    return [g for g in groups if g is not None]


def _touches_word(text: str, start: int, end: int) -> bool:
    """Text just before start or after end continues a word (USSR), an abbreviation or a file name (US.txt)."""
    before, after = text[start - 1 : start], text[end : end + 2]
    return before.isalnum() or before == "." or after[:1].isalnum() or (after[:1] == "." and after[1:].isalnum())


def _romanized_groups(
    corpus: _Corpus, taken: set[str], linked: Callable[[str, str], bool] | None
) -> tuple[list[VariantGroup], set[str]]:
    """One Chinese name romanized in Wade-Giles and in pinyin ("Hsu Chen-wei" /
    "Xu Zhenwei", "Chi-Chi" / "Jiji"), the syllables written apart or together
    (``romanized_alike``): capitalised names and hyphenated names, written by
    different sources (one article writing both means two people) and, as for
    any short name, next to one name or in one aligned row. Returns the groups
    and the folds they took, whose hyphenated, open and closed forms are all in
    them."""
    phrases: dict[str, list[_Phrase]] = defaultdict(list)
    for phrase in _hyphenated(corpus):
        para = corpus.paras[phrase.paragraph]
        if para.words[phrase.first][0].isupper() and not _is_shouted(corpus, phrase):
            phrases[_phrase_key(corpus, phrase)].append(phrase)
    names = {folded for folded, word in corpus.words.items() if word.is_name and word.capitalised and folded not in taken}
    forms = names | phrases.keys()  # a fold written hyphenated anywhere counts as hyphenated
    pairs = sorted({(min(f, g), max(f, g)) for f in sorted(forms) for g in _wade_giles_spellings(f)
                    if g in forms and _written_in_wade_giles(f, g, g in phrases)})
    if not pairs:
        return [], set()

    def placed(folded: str) -> list[_Phrase]:
        words = [_Phrase(index, i, i) for index, i in corpus.where(folded)] if folded in corpus.words else []
        return phrases.get(folded, []) + words

    @cache
    def neighbours(folded: str) -> set[str]:
        return _neighbours_of(corpus, folded, placed(folded))

    @cache
    def pids(folded: str) -> list[str]:
        return sorted({corpus.paras[p.paragraph].pid for p in placed(folded)})

    def supported(a: str, b: str) -> bool:
        return bool(neighbours(a) & neighbours(b)) or _in_one_row(linked, pids(a), pids(b))

    parent: dict[str, str] = {}
    sources: dict[str, set[str]] = {}

    def root(x: str) -> str:
        return _root(parent, x)

    for a, b in pairs:
        for x in (a, b):
            if x not in parent:
                parent[x], sources[x] = x, {corpus.paras[p.paragraph].source for p in placed(x)}
        ra, rb = root(a), root(b)
        if ra != rb and not sources[ra] & sources[rb] and supported(a, b):
            parent[rb] = ra
            sources[ra] |= sources.pop(rb)
    members: dict[str, list[str]] = defaultdict(list)
    for x in parent:
        members[root(x)].append(x)
    joined = {x for folds in members.values() if len(folds) > 1 for x in folds}
    if not joined:
        return [], set()
    opened = defaultdict(list)
    for phrase in _open_phrases(corpus, joined, set()):
        para = corpus.paras[phrase.paragraph]
        if all(w[0].isupper() for w in para.words[phrase.first : phrase.last + 1]):
            opened[_phrase_key(corpus, phrase)].append(phrase)
    groups = []
    for folds in sorted(sorted(f) for f in members.values() if len(f) > 1):
        found = [p for f in folds for p in placed(f) + opened.get(f, [])]
        groups.append(VariantGroup(TRANSLITERATION, _merge_forms(_phrase_forms(corpus, found), str.lower)))
    return groups, joined


# ---------------------------------------------------------------- find_variants


def _natural(text: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", text))


# A name with a number: "Chandrayaan-3", "Luna 25", "Covid19", "M-4"; a
# single letter only written with a hyphen or solid ("F-16", "F16"), as a
# letter and a number apart are most often something else ("Plan A 2").
_NUMBERED_NAME = re.compile(r"(?<![\w\-\u2010\u2011])([A-Z][^\W\d_]+|[A-Z](?! ))([\-\u2010\u2011 ]?)([0-9]{1,4})"
                            r"(?![\w\-\u2010\u2011]|[.,][0-9])")


def _numbered_names(paragraphs: Sequence[tuple[str, str, str]]) -> list[VariantGroup]:
    """A name and its number written with a hyphen, a space or neither in
    different sources (Chandrayaan-3 / Chandrayaan 3). A name only ever
    written with a space before a number ("In 2019") never forms a group."""
    by_key: dict[tuple[str, str], dict[str, list[Occurrence]]] = defaultdict(lambda: defaultdict(list))
    for source, pid, text in paragraphs:
        for m in _NUMBERED_NAME.finditer(text):
            by_key[fold(m.group(1)), m.group(3)][m.group()].append(Occurrence(source, pid, m.start(), m.end()))
    groups = []
    for (_, number), forms in by_key.items():
        joints = {"-" if joint in _HYPHENS else joint if joint == " " else ""
                  for joint in (form[-len(number) - 1] for form in forms)}
        sources = {o.source for occurrences in forms.values() for o in occurrences}
        if len(joints) > 1 and len(sources) > 1:
            groups.append(VariantGroup(HYPHENATION, dict(forms)))
    return groups


def _tidy(group: VariantGroup) -> VariantGroup:
    forms = {
        form: sorted(occurrences, key=lambda o: (o.source, _natural(o.paragraph), o.start))
        for form, occurrences in sorted(group.forms.items(), key=lambda item: (fold(item[0]), item[0]))
    }
    return VariantGroup(group.kind, forms)


def find_variants(
    paragraphs: Sequence[tuple[str, str, str]],
    linked: Callable[[str, str], bool] | None = None,
) -> list[VariantGroup]:
    """Spelling variants across the corpus.

    paragraphs: (source_id, paragraph_id, text) for the whole corpus.
    linked(pid_a, pid_b) -> True when the aligner put the two paragraphs in
    one row (extra evidence for short names). Groups come sorted; the result
    does not depend on the order of the input.
    """
    corpus = _Corpus(paragraphs)
    groups = []
    taken: set[str] = set()
    components = _letter_components(corpus, linked)
    corpus.index(chain.from_iterable(folded for _, folded in components))
    for kind, folded_words in components:
        groups.append(VariantGroup(kind, _merge_forms(corpus.word_forms(folded_words), str.lower)))
        taken.update(folded_words)
    romanized, romanized_keys = _romanized_groups(corpus, taken, linked)
    groups.extend(romanized)
    taken.update(romanized_keys)
    groups.extend(_surface_groups(corpus, taken, romanized_keys))
    groups.extend(_numbered_names(paragraphs))
    tidy = [_tidy(g) for g in groups]
    return sorted(tidy, key=lambda g: (fold(next(iter(g.forms))), g.kind, tuple(g.forms)))
