"""Figures: the numbers a news report states, with their bounds, units and subjects.

``extract_figures`` finds every figure in a paragraph — digits ("1,000",
"99.9", "$5bn"), number words ("Ninety-nine point nine percent", "two-day"),
vague amounts ("tens of thousands") — and reads around it: the qualifier
before it ("more than", "about") becomes a bound, the word after it a unit
("tons" and "tonnes" are both "tonne"), and the head noun that follows it the
``thing`` counted ("23 wounded patients" -> "patient").  Dates, clock times,
years, ages and ordinals are recognised and labelled by ``kind`` so that they
are never compared as counts.

``compare_figures`` turns two figures about the same quantity into intervals
and says, in words, whether they agree.

Spans are character offsets into the text given, so any view can mark them.
No terminal library is imported here.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from text_to_num import alpha2digit

__all__ = ["BOUNDS", "KINDS", "Figure", "compare_figures", "extract_figures"]

BOUNDS = ("exact", "about", "more_than", "at_least", "less_than", "at_most", "nearly", "range")
KINDS = ("count", "percent", "measure", "duration", "money", "date", "year", "time", "age", "ordinal")


@dataclass(frozen=True)
class Figure:
    """One figure as written: its span, value, bound, unit, kind and subject."""

    start: int
    end: int
    text: str
    value: float
    high: float | None
    bound: str
    unit: str | None
    kind: str
    thing: str | None
    vague: bool = False


# --------------------------------------------------------------------------
# Word tables
# --------------------------------------------------------------------------

_CARDINALS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen "
    "twenty thirty forty fifty sixty seventy eighty ninety"
).split()
_SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000,
}
_TENS_VALUES = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

# Multipliers written after a number: "1.2 million", "$5bn", "10k".
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12, "m": 1e6, "b": 1e9, "k": 1e3,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # Indian English: "3.84 lakh km", "Rs 615 crore"
}
_SCALES_NEEDING_CURRENCY = {"m", "b"}  # "5m" alone is five metres
_SCALES_BEFORE_CRORE = {"hundred", "thousand", "lakh", "lakhs"}  # "1.5 lakh crore" is 1.5 × 10¹²
_SCALES_ATTACHED_ONLY = {"m", "b", "k", "tn", "trn"}

_CURRENCY_PREFIXES = {
    "$": "usd", "us$": "usd", "€": "eur", "£": "gbp", "¥": "jpy", "₽": "rub", "₹": "inr",
    "a$": "aud", "c$": "cad", "nz$": "nzd", "hk$": "hkd", "s$": "sgd", "r$": "brl",
    "usd": "usd", "eur": "eur", "gbp": "gbp", "jpy": "jpy", "rub": "rub",
    "cny": "cny", "inr": "inr", "chf": "chf", "rs": "inr", "rs.": "inr",
}

# Surface form (lower case, single spaces) -> (canonical unit, kind).
_UNITS = {
    "%": ("percent", "percent"), "percent": ("percent", "percent"),
    "per cent": ("percent", "percent"), "pct": ("percent", "percent"), "pc": ("percent", "percent"),
    "percentage point": ("percentage_point", "percent"),
    "percentage points": ("percentage_point", "percent"),
    "t": ("tonne", "measure"), "ton": ("tonne", "measure"), "tons": ("tonne", "measure"),
    "tonne": ("tonne", "measure"), "tonnes": ("tonne", "measure"),
    "metric ton": ("tonne", "measure"), "metric tons": ("tonne", "measure"),
    "metric tonnes": ("tonne", "measure"),
    "kg": ("kg", "measure"), "kgs": ("kg", "measure"), "kilo": ("kg", "measure"),
    "kilos": ("kg", "measure"), "kilogram": ("kg", "measure"), "kilograms": ("kg", "measure"),
    "kilogramme": ("kg", "measure"), "kilogrammes": ("kg", "measure"),
    "gram": ("g", "measure"), "grams": ("g", "measure"), "grammes": ("g", "measure"),
    "lb": ("lb", "measure"), "lbs": ("lb", "measure"), "pound": ("lb", "measure"),
    "pounds": ("lb", "measure"),
    "km": ("km", "measure"), "kms": ("km", "measure"), "kilometer": ("km", "measure"),
    "kilometers": ("km", "measure"), "kilometre": ("km", "measure"),
    "kilometres": ("km", "measure"),
    "m": ("m", "measure"), "meter": ("m", "measure"), "meters": ("m", "measure"),
    "metre": ("m", "measure"), "metres": ("m", "measure"),
    "cm": ("cm", "measure"), "centimeters": ("cm", "measure"), "centimetres": ("cm", "measure"),
    "mm": ("mm", "measure"), "millimeters": ("mm", "measure"), "millimetres": ("mm", "measure"),
    # rainfall: a litre on a square metre stands a millimetre deep
    **{f"{litres}{what} per square {metre}": ("mm", "measure") for litres in ("litres", "liters")
       for what in ("", " of rain", " of water", " of rainfall") for metre in ("metre", "meter")},
    "l/m2": ("mm", "measure"), "l/m²": ("mm", "measure"), "l/sq m": ("mm", "measure"),
    "mile": ("mile", "measure"), "miles": ("mile", "measure"), "mi": ("mile", "measure"),
    "ft": ("ft", "measure"), "foot": ("ft", "measure"), "feet": ("ft", "measure"),
    "inch": ("inch", "measure"), "inches": ("inch", "measure"),
    "yard": ("yard", "measure"), "yards": ("yard", "measure"), "yd": ("yard", "measure"),
    "yds": ("yard", "measure"),
    "nautical mile": ("nautical_mile", "measure"), "nautical miles": ("nautical_mile", "measure"),
    "nmi": ("nautical_mile", "measure"),  # not "nm": chips are made at "3nm"
    "knot": ("knot", "measure"), "knots": ("knot", "measure"), "kn": ("knot", "measure"),
    "oz": ("oz", "measure"), "ounce": ("oz", "measure"), "ounces": ("oz", "measure"),
    "troy ounce": ("troy_oz", "measure"), "troy ounces": ("troy_oz", "measure"),
    "gallon": ("gallon", "measure"), "gallons": ("gallon", "measure"),
    "cubic metres": ("m3", "measure"), "cubic meters": ("m3", "measure"),
    "cubic metre": ("m3", "measure"), "cubic meter": ("m3", "measure"),
    "cu m": ("m3", "measure"), "m3": ("m3", "measure"), "m³": ("m3", "measure"),
    "cubic feet": ("cu_ft", "measure"), "cu ft": ("cu_ft", "measure"),
    "square metres": ("m2", "measure"), "square meters": ("m2", "measure"),
    "square metre": ("m2", "measure"), "square meter": ("m2", "measure"),
    "sq m": ("m2", "measure"), "m2": ("m2", "measure"), "m²": ("m2", "measure"),
    "square feet": ("sq_ft", "measure"), "square foot": ("sq_ft", "measure"),
    "sq ft": ("sq_ft", "measure"),
    "km2": ("km2", "measure"), "km²": ("km2", "measure"), "sq km": ("km2", "measure"),
    "square kilometers": ("km2", "measure"), "square kilometres": ("km2", "measure"),
    "square kilometer": ("km2", "measure"), "square kilometre": ("km2", "measure"),
    "square miles": ("sq_mile", "measure"), "square mile": ("sq_mile", "measure"),
    "sq miles": ("sq_mile", "measure"),
    "hectare": ("hectare", "measure"), "hectares": ("hectare", "measure"),
    "ha": ("hectare", "measure"), "acre": ("acre", "measure"), "acres": ("acre", "measure"),
    "litre": ("litre", "measure"), "litres": ("litre", "measure"),
    "liter": ("litre", "measure"), "liters": ("litre", "measure"),
    "barrel": ("barrel", "measure"), "barrels": ("barrel", "measure"),
    "°c": ("celsius", "measure"), "degrees celsius": ("celsius", "measure"), "c": ("celsius", "measure"),
    "f": ("fahrenheit", "measure"),
    "°f": ("fahrenheit", "measure"), "degrees fahrenheit": ("fahrenheit", "measure"),
    "degree": ("degree", "measure"), "degrees": ("degree", "measure"),
    "km/h": ("kmh", "measure"), "kph": ("kmh", "measure"), "mph": ("mph", "measure"),
    "kmph": ("kmh", "measure"), "kmh": ("kmh", "measure"), "km/hr": ("kmh", "measure"),
    "miles an hour": ("mph", "measure"), "miles per hour": ("mph", "measure"),
    "mile an hour": ("mph", "measure"), "mile per hour": ("mph", "measure"),
    "kilometres an hour": ("kmh", "measure"), "kilometres per hour": ("kmh", "measure"),
    "kilometers an hour": ("kmh", "measure"), "kilometers per hour": ("kmh", "measure"),
    "km an hour": ("kmh", "measure"), "km per hour": ("kmh", "measure"),
    "sec": ("second", "duration"), "secs": ("second", "duration"),
    "second": ("second", "duration"), "seconds": ("second", "duration"),
    "min": ("minute", "duration"), "mins": ("minute", "duration"),
    "minute": ("minute", "duration"), "minutes": ("minute", "duration"),
    "h": ("hour", "duration"), "hr": ("hour", "duration"), "hrs": ("hour", "duration"),
    "hour": ("hour", "duration"), "hours": ("hour", "duration"),
    "day": ("day", "duration"), "days": ("day", "duration"),
    "week": ("week", "duration"), "weeks": ("week", "duration"),
    "month": ("month", "duration"), "months": ("month", "duration"),
    "year": ("year_duration", "duration"), "years": ("year_duration", "duration"),
    "yr": ("year_duration", "duration"), "yrs": ("year_duration", "duration"),
    "decade": ("decade", "duration"), "decades": ("decade", "duration"),
    "century": ("century", "duration"), "centuries": ("century", "duration"),
    "dollar": ("usd", "money"), "dollars": ("usd", "money"),
    "euro": ("eur", "money"), "euros": ("eur", "money"),
    "pounds sterling": ("gbp", "money"), "yen": ("jpy", "money"), "yuan": ("cny", "money"),
    "ruble": ("rub", "money"), "rubles": ("rub", "money"),
    "rouble": ("rub", "money"), "roubles": ("rub", "money"),
    "rupee": ("inr", "money"), "rupees": ("inr", "money"),
    "usd": ("usd", "money"), "eur": ("eur", "money"), "gbp": ("gbp", "money"),
    "reais": ("brl", "money"), "brl": ("brl", "money"),
    "us dollars": ("usd", "money"), "u.s. dollars": ("usd", "money"), "american dollars": ("usd", "money"),
    "australian dollars": ("aud", "money"), "canadian dollars": ("cad", "money"),
    "hong kong dollars": ("hkd", "money"), "new zealand dollars": ("nzd", "money"),
    "singapore dollars": ("sgd", "money"), "taiwan dollars": ("twd", "money"),
    "new taiwan dollars": ("twd", "money"), "zimbabwe dollars": ("zwl", "money"),
}
# Abbreviations that only count as units when glued to the digits ("5t", "24h").
_UNITS_ATTACHED_ONLY = {"t", "m", "h", "mi", "ha", "min", "sec", "pc", "c", "f"}
# Of those, the ones a technical writer also spaces, in lower case: "a depth of
# 4,000 m", "1 h 45 min into the dive"; not "5 T", "40 c".
_UNITS_SPACED_LOWER = {"m", "h", "mi", "ha", "min", "sec"}
# ... unless a list's label ("1 h) sirens") or a clock's minutes ("20 h 45") follow
_NOT_A_SPACED_UNIT = re.compile(r"[)\]]|\s\d{2}\b(?!\s*(?:min|m)\b)")
# Attached units written in capitals only: "40C" is a temperature, "40c" cents.
_UNITS_CAPITAL_ONLY = {"c", "f"}
# And in lower case only: "2,000 M3 sedans" are cars.
_UNITS_LOWER_CASE_ONLY = {"m2", "m3"}
# Units written with a space that are ordinary words too: only after digits
# or number words, which the caller guarantees.

# Unit -> (dimension, factor to that dimension's base unit).
_CONVERSIONS = {
    "tonne": ("mass", 1000.0), "kg": ("mass", 1.0), "g": ("mass", 0.001),
    "lb": ("mass", 0.45359237),
    "km": ("length", 1000.0), "m": ("length", 1.0), "cm": ("length", 0.01),
    "mm": ("length", 0.001), "mile": ("length", 1609.344), "ft": ("length", 0.3048),
    "inch": ("length", 0.0254), "yard": ("length", 0.9144), "nautical_mile": ("length", 1852.0),
    "oz": ("mass", 0.028349523125),
    "m2": ("area", 1.0), "sq_ft": ("area", 0.09290304),
    "m3": ("volume", 1000.0), "cu_ft": ("volume", 28.316846592),  # gallons: US or imperial?
    "troy_oz": ("mass", 0.0311034768),
    "knot": ("speed", 1.852),
    "km2": ("area", 1e6), "sq_mile": ("area", 2589988.110336), "hectare": ("area", 1e4),
    "acre": ("area", 4046.8564224),
    "litre": ("volume", 1.0), "barrel": ("volume", 158.987294928),
    "kmh": ("speed", 1.0), "mph": ("speed", 1.609344),
    "second": ("time", 1.0), "minute": ("time", 60.0), "hour": ("time", 3600.0),
    "day": ("time", 86400.0), "week": ("time", 604800.0),
    "month": ("time", 2629800.0), "year_duration": ("time", 31557600.0),
    "decade": ("time", 315576000.0), "century": ("time", 3155760000.0),
}

_QUALIFIERS_BEFORE = {
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "above": "more_than", "just over": "more_than",
    "well over": "more_than", "just more than": "more_than", "well above": "more_than",
    "upward of": "more_than", "north of": "more_than", "well north of": "more_than",
    "just north of": "more_than", "a little over": "more_than", "a little more than": "more_than",
    "slightly over": "more_than", "slightly more than": "more_than", "just above": "more_than",
    "slightly above": "more_than", "a little above": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "approx.": "about", "an estimated": "about",
    "estimated at": "about", "estimated": "about", "circa": "about",
    "in the region of": "about", "in the neighbourhood of": "about",
    "in the neighborhood of": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "just below": "nearly", "just shy of": "nearly", "not quite": "nearly",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than", "well under": "less_than", "well below": "less_than",
    "south of": "less_than", "well south of": "less_than", "just south of": "nearly",
    "at most": "at_most", "up to": "at_most", "as many as": "at_most",
    "as much as": "at_most", "no more than": "at_most", "not more than": "at_most",
    "a maximum of": "at_most",
}
_BOUND_WORDS = {
    "more_than": "more than", "at_least": "at least", "about": "about",
    "nearly": "nearly", "less_than": "less than", "at_most": "at most",
}

# Words that end the noun phrase after a number.
_STOP_WORDS = frozenset("""
of in on at to from for with by into onto across over under about after before during
ago
since until till through toward towards against among between per via near inside outside
within without including as like than off out up down around along behind beyond upon
and or but nor so yet while who which that whom whose where when whether if because although
though unless
the a an this these those its their his her our my your all each every some any no other
another such both either neither
is are was were be been being have has had do does did will would can could may might must
shall should said say says told tell according reported report reports
there here now then also already still just only too very more most less least ago earlier
later away back apiece respectively altogether total overall again even not never ever
them they us we it he she you i him me themselves itself
""".split())
_PRONOUNS = frozenset("them they us we it he she you i him me those these this that".split())
# Determiners before a percentage that make it qualify the noun after it: "a 9 percent stake".
_MODIFIER_DETERMINERS = frozenset("a an the this that its their his her our my your".split())
_DETERMINERS = frozenset(
    "the a an this these those its their his her our my your some all any each both".split()
)
# Nouns whose plural does not end in a plain "s", and their lemma.
_IRREGULAR_NOUNS = {
    "people": "people", "persons": "person", "children": "child", "men": "man",
    "women": "woman", "police": "police", "personnel": "personnel", "staff": "staff",
    "cattle": "cattle", "livestock": "livestock", "sheep": "sheep", "fish": "fish",
    "deer": "deer", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
    "lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf",
    "halves": "half", "thieves": "thief", "wolves": "wolf", "shelves": "shelf",
    "aircraft": "aircraft", "crew": "crew", "aircrew": "aircrew",
}
_PLURAL_OF = {singular: plural for plural, singular in _IRREGULAR_NOUNS.items() if plural != singular}
_NOT_PLURAL = frozenset("""
news series species means politics this its his has was does is as us yes always perhaps
besides whereas across various previous famous serious thus less unless afterwards towards
nevertheless lens bus gas analysis crisis basis thesis status campus census virus bonus
""".split())
# Adjectives used as nouns for people: "30,000 dead", "23 wounded".
_NOMINAL_ADJECTIVES = frozenset(
    "dead wounded injured missing displaced homeless elderly sick unemployed".split()
)
# "5,000 units of ammunition": the thing is what follows "of".
_CONTAINER_NOUNS = frozenset("""
unit units piece pieces item items round rounds box boxes bag bags sack sacks case cases
batch batches load loads truckload truckloads lorryload lorryloads parcel parcels package
packages kit kits crate crates pallet pallets consignment consignments shipment shipments worth
""".split())
# Words before a number that make it a label, not an amount: "Article 5".
_LABEL_WORDS = frozenset("""
no no. nos number article articles section chapter page pages paragraph route highway
flight room phase level category class grade platform gate terminal line channel episode
season volume vol clause decree resolution protocol item rule
""".split())
# Left context that makes a four-digit number a year even before a plural noun.
_YEAR_CONTEXT = frozenset("""
in since by until till from of before after during early late mid spring summer autumn
fall winter the circa year
""".split())
_HYPHEN_PREFIXES = frozenset("mid pre post early late".split())
# Words before "one day" / "one year" that make it a duration, not "one day, ...".
_DURATION_LEAD_INS = frozenset("for in within after than over about only just least".split())
_FRACTION_WORDS = r"(?:halves|half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"

# --------------------------------------------------------------------------
# Regular expressions
# --------------------------------------------------------------------------

_HY = "[-\u2010\u2011]"  # hyphens that join a compound
_DASH = "[-\u2010\u2011\u2012\u2013\u2014]"  # hyphens and dashes between a range's ends


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_NWORD = _alternation(_CARDINALS + list(_SCALE_WORDS))
_CARD = _alternation(_CARDINALS)
_SCALE = _alternation(_SCALE_WORDS)
_WORDS_PAT = (
    rf"(?i:\b(?:a\s+(?:{_SCALE})|{_CARD})"
    rf"(?:(?:\s+|{_HY})(?:and\s+)?(?:{_NWORD}))*"
    rf"(?:\s+point(?:\s+(?:{_CARD}))+)?(?:\s+dozen)?\b)"
)
_VAGUE_PAT = r"""(?i:\b(?:
      (?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)
    | (?:several|a\s+few|a\s+couple(?:\s+of)?|many)\s+(?:dozen|hundred|thousand|million|billion)
      (?:\s+(?:thousand|million))?
    | half\s+a\s+dozen | a\s+dozen
    | dozens | hundreds | thousands | millions | billions
    | scores(?=\s+of\b)
    )\b)"""
# "half a million", "a quarter of a billion", "three-quarters of a million".
_FRACTION_OF_SCALE_PAT = (
    rf"(?i:\b(?:(?:a|one)(?:\s+|{_HY}))?(?P<fr>half|quarter|third|(?:two|three)(?:\s+|{_HY})(?:thirds|quarters))"
    rf"(?:\s+of)?(?:\s+an?)?(?:\s+|{_HY})(?P<fs>{_SCALE})\b)"
)
_ORDW_PAT = (
    rf"(?i:\b(?:(?:{_alternation(_TENS_VALUES)}){_HY})?(?:{_alternation(_ORDINAL_WORDS)})\b)"
)
_CURRENCY_PAT = (r"(?:(?:US\$|A\$|C\$|NZ\$|HK\$|S\$|R\$|\$|€|£|¥|₽|₹)[ \t]?|(?:USD|EUR|GBP|JPY|RUB|CNY|INR|CHF)\s?"
                 r"|Rs\.?[ \t]?)")
# Digits in groups of three ("384,000"), or of two below the thousands as
# Indian English writes them ("3,84,000").
_DIGITS_PAT = (
    rf"(?<![\w])(?<![0-9][.,])(?P<cur>{_CURRENCY_PAT})?"
    r"(?P<num>[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9])(?:\.[0-9]+)?"
    r"|[0-9]{1,3}(?:[,\u202f][0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
)
MONTH_PAT = (
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_YEAR4 = r"(?:1[89]|20)[0-9]{2}"
_CORE_RE = re.compile(
    rf"""
      (?P<ISO>\b(?P<iy>{_YEAR4})-(?P<im>[01][0-9])-(?P<id>[0-3][0-9])\b)
    | (?P<SLASH>\b(?P<s1>[0-3]?[0-9])/(?P<s2>[0-3]?[0-9])/(?P<s3>{_YEAR4})\b)
    | (?P<MDATE>(?P<mm>{MONTH_PAT})\s+(?P<md>[0-3]?[0-9])(?:st|nd|rd|th)?\b
        (?:\s*{_DASH}\s*(?P<md2>[0-3]?[0-9])\b(?!{_DASH}?[0-9]))?
        (?:(?:,\s*|\s+|{_DASH})(?P<my>{_YEAR4})\b)?)
    | (?P<DDATE>\b(?P<dd>[0-3]?[0-9])(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<dm>{MONTH_PAT})
        (?:,?\s+(?P<dy>{_YEAR4})\b)?)
    | (?P<MYEAR>(?P<ym>{MONTH_PAT}),?\s+(?P<yy>{_YEAR4})\b)
    | (?P<TIME>(?<![\w.:])(?P<th>[01]?[0-9]|2[0-3]):(?P<tm>[0-5][0-9])(?::[0-5][0-9])?(?![0-9:]))
    | (?P<FRACSCALE>{_FRACTION_OF_SCALE_PAT})
    | (?P<VAGUE>{_VAGUE_PAT})
    | (?P<DIGITS>{_DIGITS_PAT})
    | (?P<ORDW>{_ORDW_PAT})
    | (?P<WORDS>{_WORDS_PAT})
    """,
    re.X,
)
_DIGITS_RE = re.compile(_DIGITS_PAT)
_TOKEN_RE = re.compile(r"[^\W\d_]+|[0-9]+|[$€£¥₽₹]")
_NON_WORD_TRIGGERS = frozenset("0123456789$€£¥₽₹")
# Every word _CORE_RE can start with, lower-cased.
_TRIGGER_WORDS = frozenset(
    set(_CARDINALS) | set(_ORDINAL_WORDS) | set(_TENS_VALUES)
    | {"a", "half", "tens", "hundreds", "thousands", "millions", "billions", "dozens", "scores",
       "several", "many", "quarter", "third", "us", "c", "nz", "hk", "s", "r", "usd", "eur", "gbp", "jpy", "rub", "cny", "inr", "chf", "rs", "sept",
       "january", "february", "march", "april", "may", "june", "july", "august", "september",
       "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
       "sep", "oct", "nov", "dec"}
)
_WORDS_RE = re.compile(_WORDS_PAT)
_WORD_PIECE_RE = re.compile(r"[^\s\-\u2010\u2011]+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")

_SCALE_AFTER_RE = re.compile(
    r"(?P<sep>\s+|-|)(?P<s>(?i:trillion|billion|million|thousand|hundred|lakhs?|crores?|mln|mn|bn|trn|tn|m|b|k))(?![\w])"
)
_CRORE_AFTER_RE = re.compile(r"\s+(?i:crores?)(?![\w])")
_UNIT_RE = re.compile(
    r"(?P<sep>[ \t]+|" + _HY + r"|)(?P<u>"
    + _alternation(sorted(set(_UNITS) - {"%"}))
    + r"|%)(?![\w²])",
    re.I,
)
_CURRENCY_SUFFIX_RE = re.compile(
    r"\s+(?P<u>" + _alternation(k for k, v in _UNITS.items() if v[1] == "money") + r")\b", re.I
)
_AGE_AFTER_RE = re.compile(
    rf"(?:\s+|{_HY})(?P<u>years?|months?|weeks?|days?)(?:\s+|{_HY})old\b", re.I
)
_AGE_BEFORE_RE = re.compile(r"(?<![\w])(?i:aged|age)\s+\Z")
# "Sam Bankman-Fried, 31, faces ...": a person's age after the name, between commas.
_NAME_BEFORE_AGE_RE = re.compile(
    r"(?<![\w'’\-])(?P<name>(?:[A-Z][^\W\d_]+(?:[\-'’][A-Za-z]+)*\s+){0,2}[A-Z][^\W\d_]+(?:[\-'’][A-Za-z]+)*),\s*\Z")
# "31, faces", "44, a driver", "23, and Omar Khan", "48, and his son"; not "15, according to". In a list
# of people, "explorer Hamish Harding, 58; businessman Shahzada Dawood, 48", a
# name after what the person is, before a semicolon ("New York, 45; New Jersey,
# 30" counts by place).
_AGE_COMMA_AFTER_RE = re.compile(
    r",\s+(?:(?!(?:and|or|but|nor|according)\b)[a-z]|and\s+(?:[A-Z]|(?:his|her)\s))|(?P<list>;)\s+\S")
_DESCRIBED_BEFORE_RE = re.compile(r"(?<![\w'’\-])(?P<w>[a-z][a-z'’\-]{2,}) \Z")  # "explorer Hamish Harding"
# Smaller numbers after a name are mostly a list's or a score's ("Malatya, 12, officials said"); a child's age is missed.
_ADULT_AGE = 14
_NOT_DESCRIBING = frozenset("and or of the in at on from to by with for as than but nor was were is are".split())
_PLACE_PREPOSITIONS = frozenset("in at on from across inside near".split())
_NOT_IN_NAMES = _PLACE_PREPOSITIONS | {"the", "a", "an"}
_HYPHENED_NOUN_RE = re.compile(r"-(?P<noun>[A-Za-z]+)\b")
# Places in a sequence that reports may give one or two apart for one event ("the 35th minute", "the 36th").
SEQUENCE_NOUNS = frozenset("""
minute hour day week month floor storey story round lap stage inning innings hole mile kilometre kilometer km
place position spot birthday anniversary
""".split())
# Days and months, written as names ("May" is left out: it is also a word and a surname).
CALENDAR_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
_DOTTED_CLOCK_RE = re.compile(r"(?P<h>1[0-2]|0?[1-9])\.(?P<m>[0-5][0-9])")
_MONTH_AFTER_RE = re.compile(r"[ \t]+" + MONTH_PAT)
_AMPM_RE = re.compile(r"\s*(?i:a\.m\.|p\.m\.|am\b|pm\b)")
_TZ_RE = re.compile(r"\s*\(?(?P<tz>GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|PST|PDT|MSK|JST|KST|AEST|AEDT)\b\)?")
# Hours ahead of GMT. "CST" is left out: US Central or China Standard Time.
ZONE_OFFSETS = {
    "gmt": 0, "utc": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
    "est": -5, "edt": -4, "cdt": -5, "pst": -8, "pdt": -7, "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
}


def gmt_hours(fig: Figure) -> float | None:
    """A clock time in a known zone as the hour of the day in GMT ("6:05 a.m.
    EDT" is 10:05 GMT); None for a time with no zone, or an unknown one."""
    offset = ZONE_OFFSETS.get(fig.unit or "")
    return None if offset is None else (fig.value - offset) % 24


_QUALIFIER_RE = re.compile(
    r"(?<![\w])(?P<q>(?i:" + _alternation(_QUALIFIERS_BEFORE) + r"))\s+\Z"
)
_BETWEEN_RE = re.compile(r"(?<![\w])(?i:between)\s+\Z")
_FROM_RE = re.compile(r"(?<![\w])(?i:from)\s+\Z")
_PREV_WORD_RE = re.compile(r"(?<![\w])(?P<w>[^\W\d_]+\.?)\s+\Z")
_RANGE_JOIN_RE = re.compile(rf"\s*{_DASH}\s*|\s+(?P<w>(?i:to|and|or))\s+")
_POST_QUALIFIER_RE = re.compile(
    r"\s+(?P<w>(?i:or\s+so|or\s+more|or\s+fewer|or\s+less))\b|(?P<plus>" + _HY + r"plus\b|\+)|(?P<odd>" + _HY + r"odd\b)"
)
_FRACTION_RE = re.compile(rf"(?i:{_HY}?{_FRACTION_WORDS})\b")
_PER_PERIOD_RE = re.compile(r"\s+(?i:a|an|per|each|every)\s+(?P<p>(?i:day|week|month|year))\b")
# "three and a half days", "2-and-a-half years", "one and three quarters".
_AND_FRACTION_RE = re.compile(
    rf"(?:\s+|{_HY})(?i:and)(?:\s+|{_HY})(?i:a(?:\s+|{_HY})(?P<one>half|quarter)|(?P<three>three)(?:\s+|{_HY})quarters)\b"
)
_FRACTION_VALUES = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "two thirds": 2 / 3, "three quarters": 0.75}
_SCORE_RE = re.compile(rf"{_DASH}[0-9]")
# "one in three homes", "1 in 4 adults": a ratio, not two counts.
_RATIO_LEFT_RE = re.compile(rf"(?<![\w])(?:[0-9]+|(?i:{_CARD}))\s+(?i:in)\s+\Z")
_RATIO_RIGHT_RE = re.compile(r"\s+(?i:in)\s+")
_NP_WORD_RE = re.compile(r"\s*([^\W\d_]+(?:['’\-][^\W\d_]+)*)")
_DOTTED_ABBREVIATION_RE = re.compile(r"\s+(?:[A-Z]\.){2,}(?=\s+[a-z])")
_STRONG_RE = re.compile(rf"{_HY}(?i:strong)\b")
_HYPHEN_WORD_RE = re.compile(rf"{_HY}([^\W\d_]+)\b")
_LEFT_THING_RE = re.compile(
    r"(?<![\w])(?P<w>[^\W\d_]+)\s+(?i:estimated\s+at|put\s+at|numbering|totall?ing|of)\s+"
    r"(?:(?i:" + _alternation(_QUALIFIERS_BEFORE) + r")\s+)?\Z"
)
_LEFT_WINDOW = 40

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}


# --------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------


def extract_figures(text: str) -> list[Figure]:
    """All figures in the text, in order, non-overlapping."""
    figures: list[Figure] = []
    pos = 0
    # Searching with _CORE_RE tries every alternative at every character;
    # trying it only where a digit, a currency sign or a trigger word starts
    # is several times faster.
    for token in _TOKEN_RE.finditer(text):
        start = token.start()
        if start < pos:
            continue
        word = token.group()
        if not (word[0] in _NON_WORD_TRIGGERS or word.lower() in _TRIGGER_WORDS):
            continue
        m = _CORE_RE.match(text, start)
        if m is None:
            continue
        figure = _READERS[str(m.lastgroup)](text, m, pos)
        if figure is None:
            pos = m.end()
        else:
            figures.append(figure)
            pos = figure.end
    return [_signed(text, _troy(_as_money(text, f))) for f in _compound_durations(text, _refer_back(text, figures))]


_COMPOUND_GAP_RE = re.compile(r"(?:,?\s+and\s+|,?\s+)")
_NEXT_UNITS = frozenset({("year", "month"), ("month", "week"), ("month", "day"), ("week", "day"), ("day", "hour"),
                         ("hour", "minute"), ("minute", "second")})
_COMPOUND_TEXT_RE = re.compile(r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|h|hrs?)\b\W+(?:and\s+)?\d",
                               re.IGNORECASE)
_HOURS_GAP_RE = re.compile(r"\s*(?:h|hr|hrs)\s+")
_MINUTES_AFTER_RE = re.compile(r"\s*(?:min|mins)\b")
_AN_UNIT_AND_RE = re.compile(r"(?<![\w])(?P<a>an?)\s+(?P<u>hour|minute|day|week|month|year)\s+and\s+\Z", re.IGNORECASE)


def _unit_name(unit: str | None) -> str:
    """A unit as figures name it: years of duration are "year"."""
    return "year" if unit == "year_duration" else unit or ""


def _duration_seconds(unit: str | None) -> float | None:
    conversion = _CONVERSIONS.get("year_duration" if unit == "year" else unit or "")
    return conversion[1] if conversion and conversion[0] == "time" else None


def _compound_durations(text: str, figures: list[Figure]) -> list[Figure]:
    """ "1 hour and 45 minutes", "2 hours, 30 minutes": one duration, in its
    smallest unit (105 minutes), hedged as its first part is ("about 1 hour and
    45 minutes"); only units next to each other, the smaller part less than
    one of the larger ("two years and 200 hours of community service" are two)."""
    out: list[Figure] = []
    for f in figures:
        before = out[-1] if out else None
        if before is not None and before.kind == f.kind == "duration" and before.high is None and f.high is None \
                and not before.vague and not f.vague and _COMPOUND_GAP_RE.fullmatch(text, before.end, f.start):
            big, small = _duration_seconds(before.unit), _duration_seconds(f.unit)
            if big and small and (_unit_name(before.unit), _unit_name(f.unit)) in _NEXT_UNITS and f.value * small < big:
                out[-1] = replace(before, end=f.end, text=text[before.start:f.end], unit=f.unit,
                                  value=before.value * big / small + f.value, thing=f.thing or before.thing)
                continue
        if before is not None and before.kind == f.kind == "count" and before.high is None and f.high is None \
                and _HOURS_GAP_RE.fullmatch(text, before.end, f.start):
            minutes = _MINUTES_AFTER_RE.match(text, f.end)
            if minutes:  # "1 h 45 min"
                out[-1] = replace(before, end=minutes.end(), text=text[before.start:minutes.end()], kind="duration",
                                  unit="minute", value=before.value * 60 + f.value, thing=None)
                continue
        an = _AN_UNIT_AND_RE.search(text, max(0, f.start - 20), f.start) if f.kind == "duration" and f.high is None else None
        if an and (before is None or before.end <= an.start()):
            # "an hour and 20 minutes"
            big, small = _duration_seconds(an["u"].lower()), _duration_seconds(f.unit)
            if big and small and (an["u"].lower(), _unit_name(f.unit)) in _NEXT_UNITS and f.value * small < big:
                f = replace(f, start=an.start(), text=text[an.start():f.end], value=big / small + f.value)
        out.append(f)
    return out


# "-5C", "−20 degrees", "minus 5 degrees Celsius": a sign before a measure. Not
# before a percent: "growth of -0.5%" and "shrank 0.5%" are one change.
_SIGN_BEFORE_RE = re.compile(r"(?:(?<![\w\-−])[−\-]|(?<![\w])minus[ \t]+)\Z", re.IGNORECASE)


def _signed(text: str, fig: Figure) -> Figure:
    if fig.kind != "measure" or fig.value <= 0:
        return fig
    m = _SIGN_BEFORE_RE.search(text, max(0, fig.start - 8), fig.start)
    if not m:
        return fig
    if fig.high is not None:
        return fig  # "-5 to 10C": leave a range that crosses zero alone
    start, bound = m.start(), fig.bound
    qualifier = _QUALIFIER_RE.search(text, max(0, start - _LEFT_WINDOW), start)
    if qualifier and bound == "exact":  # "about -5C"
        start, bound = qualifier.start(), _QUALIFIERS_BEFORE[_norm(qualifier["q"])]
    return replace(fig, start=start, value=-fig.value, bound=bound, text=text[start:fig.end])


# What a count of a currency is in: "tens of millions of dollars" is money.
_CURRENCY_THINGS = {"dollar": "usd", "euro": "eur", "yen": "jpy", "yuan": "cny", "rouble": "rub",
                    "ruble": "rub", "rupee": "inr", "reais": "brl", "real": "brl"}


# "(of) dollars", "(of) Hong Kong dollars": the currency after a vague amount.
_CURRENCY_WORD_RE = re.compile(r"(?:\s+of)?\s+((?:[A-Z][\w.]*\s+){0,3})([^\W\d_]+)")


def is_currency_word(word: str) -> bool:
    """ "dollars", "euros": a word naming a currency that a count can be in."""
    lemma = _lemma(word.strip(".,;:'’"))
    return lemma in _CURRENCY_THINGS or lemma == "pound"


# Gold and silver are weighed in troy ounces.
_PRECIOUS_METALS = frozenset({"gold", "silver", "platinum", "palladium", "bullion"})


def _troy(fig: Figure) -> Figure:
    if fig.unit == "oz" and fig.thing in _PRECIOUS_METALS:
        return replace(fig, unit="troy_oz")
    return fig


def _as_money(text: str, fig: Figure) -> Figure:
    if fig.kind != "count" or fig.thing is None or not is_currency_word(fig.thing):
        return fig
    m = _CURRENCY_WORD_RE.match(text, fig.end)
    if not m or _lemma(m.group(2)) != fig.thing:
        return fig
    if fig.thing == "pound" and (fig.value < 1e6 or _OF_RE.match(text, m.end())):
        return fig  # "hundreds of pounds", "millions of pounds of chicken" may weigh
    unit = _CURRENCY_THINGS.get(fig.thing, "gbp")
    if m.group(1):
        # "billions of Hong Kong dollars" are not US dollars
        named = _UNITS.get(_norm(m.group(1) + m.group(2)))
        if named is None or named[1] != "money":
            return fig
        unit = named[0]
    return replace(fig, kind="money", unit=unit, thing=None, end=m.end(), text=text[fig.start:m.end()])


def _figure(text: str, start: int, end: int, value: float, kind: str, *, high: float | None = None,
            bound: str = "exact", unit: str | None = None, thing: str | None = None,
            vague: bool = False) -> Figure:
    return Figure(start, end, text[start:end], float(value), None if high is None else float(high),
                  bound, unit, kind, thing, vague)


# -- dates and times --------------------------------------------------------


def _date_value(year: int, month: int, day: int) -> float | None:
    """Dates are stored as YYYYMMDD; an unknown year or day is 0."""
    if not 1 <= month <= 12 or not 0 <= day <= 31:
        return None
    return float(year * 10000 + month * 100 + day)


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _read_iso(text: str, m: re.Match, floor: int) -> Figure | None:
    value = _date_value(int(m["iy"]), int(m["im"]), int(m["id"]))
    return None if value is None or m["id"] == "00" else _figure(text, m.start(), m.end(), value, "date")


def _read_slash(text: str, m: re.Match, floor: int) -> Figure | None:
    first, second = int(m["s1"]), int(m["s2"])
    day, month = (second, first) if second > 12 >= first else (first, second)
    value = _date_value(int(m["s3"]), month, day)
    return None if value is None or day == 0 else _figure(text, m.start(), m.end(), value, "date")


def _read_mdate(text: str, m: re.Match, floor: int) -> Figure | None:
    year = int(m["my"]) if m["my"] else 0
    month = _month(m["mm"])
    day = int(m["md"])
    value = _date_value(year, month, day)
    if value is None or day == 0:
        return None
    high = None
    if m["md2"]:
        high = _date_value(year, month, int(m["md2"]))
        if high is None or high <= value:
            return None
    return _figure(text, m.start(), m.end(), value, "date", high=high,
                   bound="range" if high else "exact")


def _read_ddate(text: str, m: re.Match, floor: int) -> Figure | None:
    day = int(m["dd"])
    value = _date_value(int(m["dy"]) if m["dy"] else 0, _month(m["dm"]), day)
    return None if value is None or day == 0 else _figure(text, m.start(), m.end(), value, "date")


def _read_myear(text: str, m: re.Match, floor: int) -> Figure | None:
    value = _date_value(int(m["yy"]), _month(m["ym"]), 0)
    return None if value is None else _figure(text, m.start(), m.end(), value, "date")


def _read_time(text: str, m: re.Match, floor: int) -> Figure | None:
    hours = int(m["th"]) + int(m["tm"]) / 60
    end = m.end()
    ampm = _AMPM_RE.match(text, end)
    if ampm and hours < 13:
        hours = _to_24h(hours, ampm.group())
        end = ampm.end()
    return _time_figure(text, m.start(), end, hours)


def _to_24h(hours: float, ampm: str) -> float:
    pm = ampm.strip().lower().startswith("p")
    hours %= 12
    return hours + 12 if pm else hours


def _time_figure(text: str, start: int, end: int, hours: float) -> Figure:
    zone = None
    tz = _TZ_RE.match(text, end)
    if tz:
        zone = tz["tz"].lower()
        end = tz.end("tz")
    return _figure(text, start, end, hours, "time", unit=zone)


# -- vague amounts ----------------------------------------------------------

_VAGUE_SCALE = {"dozen": 12, "score": 20, "hundred": 100, "thousand": 1e3, "million": 1e6,
                "billion": 1e9}
# Multiples of the scale each phrase stands for: "several thousand" is 3,000 to 9,999.
_VAGUE_SPREAD = {"several": (3, 10), "few": (2, 5), "couple": (2, 3), "many": (2, 10)}


def _vague_amount(phrase: str) -> tuple[float, float | None, str, bool]:
    """(low, high, bound, vague) for a vague phrase such as "tens of thousands"."""
    words = phrase.lower().split()
    if words[-1] == "dozen" and words[0] in ("a", "half"):
        return (6.0 if words[0] == "half" else 12.0), None, "about", False
    if len(words) == 1:  # "dozens", "thousands"
        if words[0] == "dozens":
            return 24.0, 99.0, "range", True
        scale = _VAGUE_SCALE[words[0][:-1]]
        return 2 * scale, 10 * scale - 1, "range", True
    if words[1] == "of" and words[0] in ("tens", "hundreds"):  # "tens of thousands"
        scale = _VAGUE_SCALE[words[2][:-1]] * (10 if words[0] == "tens" else 100)
        return scale, 10 * scale - 1, "range", True
    spread_word = words[1] if words[0] == "a" else words[0]
    scale = 1.0
    for word in words:
        scale *= _VAGUE_SCALE.get(word, 1)
    low, high = _VAGUE_SPREAD[spread_word]
    return low * scale, high * scale - 1, "range", True


def _read_vague(text: str, m: re.Match, floor: int) -> Figure | None:
    low, high, bound, vague = _vague_amount(m.group())
    start, end = m.start(), m.end()
    if bound == "about":
        qualifier = _QUALIFIER_RE.search(text, max(floor, start - _LEFT_WINDOW), start)
        if qualifier:
            start, bound = qualifier.start(), _QUALIFIERS_BEFORE[_norm(qualifier["q"])]
    thing = _thing_after(text, end, low, singular_ok=False)
    return _figure(text, start, end, low, "count", high=high, bound=bound, thing=thing, vague=vague)


# -- ordinals ---------------------------------------------------------------


_FRACTION_ARTICLE_RE = re.compile(r"(?<![\w])(?i:a|one)\s+\Z")
_FRACTION_FOLLOWS_RE = re.compile(r"\s+(?i:of)\b|\s*(?:[.,;:)]|$)")


def _read_ordinal_word(text: str, m: re.Match, floor: int) -> Figure | None:
    word = m.group().lower()
    if _FRACTION_ARTICLE_RE.search(text, max(floor, m.start() - 5), m.start()) and _FRACTION_FOLLOWS_RE.match(text, m.end()):
        return None  # "a third of the vote", "fell by a fifth": a fraction, not a rank
    value = 0
    for part in re.split(_HY, word):
        value += _TENS_VALUES.get(part) or _ORDINAL_WORDS.get(part, 0)
    thing = _thing_after(text, m.end(), 1, singular_ok=True)
    return _figure(text, m.start(), m.end(), value, "ordinal", thing=thing)


# -- numbers ----------------------------------------------------------------


class _Number(NamedTuple):
    start: int
    end: int
    value: float
    currency: str | None
    plain: bool  # written as bare digits: no separator, decimal, scale or currency
    words: str | None  # the number words, lower-cased, when written in words
    scale: float = 1.0  # the multiplier read after it: "million" -> 1e6


def _read_number(text: str, pos: int) -> _Number | None:
    """A number at pos: digits or number words, with a currency and a scale."""
    m = _DIGITS_RE.match(text, pos)
    if m:
        currency = _CURRENCY_PREFIXES[m["cur"].strip().lower()] if m["cur"] else None
        value = float(m["num"].replace(",", "").replace("\u202f", ""))
        number = _Number(m.start(), m.end(), value, currency, currency is None and m["num"].isdigit(), None)
    else:
        m = _WORDS_RE.match(text, pos)
        if not m:
            return None
        parsed = _words_value(m.group())
        if parsed is None:
            return None
        value, length = parsed
        words = " ".join(m.group()[:length].lower().split())
        number = _Number(m.start(), m.start() + length, value, None, False, words)
    fraction = _AND_FRACTION_RE.match(text, number.end)
    if fraction:
        extra = _FRACTION_VALUES["three quarters" if fraction["three"] else fraction["one"].lower()]
        last_word = number.words.split()[-1] if number.words else ""
        extra *= _SCALES[last_word] if last_word in _SCALE_WORDS else 1.0  # "a million and a half"
        spelled = " ".join(f"{number.words} {fraction.group()}".split()) if number.words else None
        number = number._replace(end=fraction.end(), value=number.value + extra, plain=False, words=spelled)
    return _with_scale(text, number)


def _read_fraction_of_scale(text: str, m: re.Match, floor: int) -> Figure | None:
    fraction = _FRACTION_VALUES[" ".join(re.split(rf"\s+|{_HY}", m["fr"].lower()))]
    scale = _SCALES[m["fs"].lower()]
    number = _Number(m.start(), m.end(), fraction * scale, None, False, " ".join(m.group().lower().split()), scale)
    return _number_figure(text, number, floor)


def _with_scale(text: str, number: _Number) -> _Number:
    m = _SCALE_AFTER_RE.match(text, number.end)
    if not m:
        return number
    scale, sep = m["s"].lower(), m["sep"]
    if scale in _SCALES_NEEDING_CURRENCY and number.currency is None:
        # "1.5m people" is a million, "a 10m wall" ten metres
        if scale == "b" or not any(_looks_plural(w) for w in _noun_phrase(text, m.end(), limit=2)):
            return number
    if scale in _SCALES_ATTACHED_ONLY and sep and not (scale == "m" and sep == " " and m["s"] == "m"):
        return number  # but "2 m people", "$5 m" are millions as "2m people" is
    factor = _SCALES[scale]
    crore = _CRORE_AFTER_RE.match(text, m.end()) if scale in _SCALES_BEFORE_CRORE else None
    if crore:  # "Rs 1.5 lakh crore", "2,000 crore"
        factor *= _SCALES["crore"]
        return number._replace(end=crore.end(), value=number.value * factor, plain=False, scale=factor)
    return number._replace(end=m.end(), value=number.value * factor, plain=False, scale=factor)


@lru_cache(maxsize=4096)
def _words_value(run: str) -> tuple[float, int] | None:
    """Value of a run of number words and how many characters of it were used.

    alpha2digit reads the run; when it does not come back as one number
    ("two three"), the run is cut word by word from the right.
    """
    pieces = list(_WORD_PIECE_RE.finditer(run))
    for count in range(len(pieces), 0, -1):
        length = pieces[count - 1].end()
        phrase = " ".join(run[:length].lower().split())
        dozen = phrase.endswith("dozen")
        if dozen:
            phrase = phrase[: -len("dozen")].rstrip()
        if phrase.startswith("a "):
            phrase = "one " + phrase[2:]
        if phrase.endswith((" and", "-and", " point")):
            continue
        digits = alpha2digit(phrase, "en", threshold=0)
        try:
            value = float(digits)
        except ValueError:
            continue
        return (value * 12 if dozen else value), length
    return None


def _read_number_match(text: str, m: re.Match, floor: int) -> Figure | None:
    start = m.start()
    if not _number_start_ok(text, start):
        return None
    number = _read_number(text, start)
    if number is None:
        return None
    return _number_figure(text, number, floor)


def _number_start_ok(text: str, start: int) -> bool:
    """Reject numbers glued to a word by a hyphen ("F-16", "COVID-19"), except "mid-2020"."""
    if start >= 2 and text[start - 1] in "-\u2010\u2011" and text[start - 2].isalnum():
        word = _LETTERS_RE.findall(text[max(0, start - 12):start - 1])
        return bool(word) and word[-1].lower() in _HYPHEN_PREFIXES and text[start - 2].isalpha()
    return True


class _Reading:
    """What is known about a number while its surroundings are read."""

    def __init__(self, number: _Number):
        self.start = number.start
        self.number_start = number.start
        self.end = number.end
        self.value = number.value
        self.high: float | None = None
        self.bound = "exact"
        self.unit: str | None = number.currency
        self.kind = "money" if number.currency else "count"
        self.hyphen_unit = False
        self.thing: str | None = None


def _number_figure(text: str, number: _Number, floor: int) -> Figure | None:
    tail = _LETTERS_RE.match(text, number.end)
    if tail and number.words is None:
        special = _digit_tail(text, number, tail, floor)
        if special is not False:
            return special
    if _FRACTION_RE.match(text, number.end):
        return None  # "two-thirds": a fraction, not a count
    if number.words is not None:
        if number.words == "one" and not _lone_one_ok(text, number, floor):
            return None
    elif _is_label(text, number.start, floor):
        return None

    if _is_ratio(text, number):
        return None
    r = _Reading(number)
    age = _AGE_AFTER_RE.match(text, r.end)
    if age:
        return _age_figure(text, r, age)
    if _AGE_BEFORE_RE.search(text, max(floor, r.start - 8), r.start) and number.value < 130:
        return _figure(text, r.start, r.end, r.value, "age", unit="year",
                       thing=_thing_after(text, r.end, 1, singular_ok=True))
    after = _AGE_COMMA_AFTER_RE.match(text, r.end) if number.plain and _ADULT_AGE <= number.value < 120 else None
    if after:
        named = _NAME_BEFORE_AGE_RE.search(text, max(floor, r.start - 60), r.start)
        words = named["name"].lower().split() if named else []
        described = _DESCRIBED_BEFORE_RE.search(text, max(floor, named.start() - 30), named.start()) if named else None
        in_list = bool(after["list"])
        if named and (not in_list or (described and described["w"] not in _NOT_DESCRIBING)) \
                and words[-1] not in CALENDAR_WORDS and not set(words) & _NOT_IN_NAMES \
                and _prev_word(text, named.start(), floor).lower() not in _PLACE_PREPOSITIONS:  # not "In Syria, 40, ..."
            return _figure(text, r.start, r.end, r.value, "age", unit="year", thing=named["name"])
    if number.plain and number.value <= 12:
        ampm = _AMPM_RE.match(text, r.end)
        if ampm and number.value >= 1:
            return _time_figure(text, r.start, ampm.end(), _to_24h(r.value, ampm.group()))
    clock = _DOTTED_CLOCK_RE.fullmatch(text, number.start, number.end)
    if clock and number.currency is None and number.scale == 1:
        ampm = _AMPM_RE.match(text, r.end)
        if ampm:  # "at 4.12am", British style
            hours = int(clock["h"]) + int(clock["m"]) / 60
            return _time_figure(text, r.start, ampm.end(), _to_24h(hours, ampm.group()))
    if number.plain and _TZ_RE.match(text, r.end) and _clock_digits(text, number):
        digits = text[number.start:number.end]
        return _time_figure(text, r.start, r.end, int(digits[:-2]) + int(digits[-2:]) / 60)
    hrs = _HRS_RE.match(text, r.end)
    if number.plain and hrs and _clock_digits(text, number) and not _OF_RE.match(text, hrs.end()) and (
        text[number.start] == "0" or _after_clock_lead_in(text, number.start, floor)
    ):
        # "at 1505 hrs": a 24-hour clock, not a duration of 1,505 hours
        digits = text[number.start:number.end]
        return _time_figure(text, r.start, hrs.end(), int(digits[:-2]) + int(digits[-2:]) / 60)

    _read_unit(text, r)
    second = _read_range(text, r, number, floor)
    if second is None and _SCORE_RE.match(text, r.end):
        return None  # "a 3-1 win", "555-1234": a score or a code, not an amount
    _read_unit(text, r)
    _read_post_qualifier(text, r)
    per = _PER_PERIOD_RE.match(text, r.end) if r.kind == "duration" else None
    if per:  # "24 hours a day", "seven days a week": a rate, not how long something took
        r.unit, r.kind, r.end = f"{r.unit} per {per['p'].lower()}", "measure", per.end()
    if r.kind == "count" and _is_year(text, r, number, second, floor):
        return _year_figure(text, r, floor)
    if r.bound != "range":
        _read_qualifier(text, r, floor)
    if number.plain and r.kind == "count" and _ADDRESS_RE.match(text, number.end):
        return None  # "10 Downing Street", "north of 221 Baker St": an address
    _read_thing(text, r, floor)
    if number.plain and r.kind == "count" and r.thing is None and _after_name(text, r.start, floor) \
            and (r.bound == "exact" or r.bound == "range" and _CODE_RANGE_RE.fullmatch(text, r.start, r.end)):
        return None  # "Boeing 737", "MAX 9", "Boeing 737-800": part of a name
    return _figure(text, r.start, r.end, r.value, r.kind, high=r.high, bound=r.bound,
                   unit=r.unit, thing=r.thing)


_CODE_RANGE_RE = re.compile(r"\d+-\d+")  # "737-800": a model's number, when a name comes before it


_DIGIT_TAILS_OK = frozenset(
    {"st", "nd", "rd", "th", "s", "am", "pm", "a"}
    | {u for u in _UNITS if u.isalpha()}
    | set(_SCALES)
)


def _digit_tail(text: str, number: _Number, tail: re.Match, floor: int):
    """Letters glued to digits: ordinals, decades, "9am", units; False to read on."""
    word = tail.group().lower()
    digits = text[number.start:number.end]
    if word not in _DIGIT_TAILS_OK and word.rstrip("²") not in _DIGIT_TAILS_OK \
            or word in _UNITS_CAPITAL_ONLY and not tail.group().isupper():
        return None  # "5G", "A4x4", "3D", "40c": not a figure
    if word in ("st", "nd", "rd", "th") and digits.isdigit():
        hyphened = _HYPHENED_NOUN_RE.match(text, tail.end())  # "a 118th-minute penalty"
        first = [hyphened["noun"].lower()] if hyphened else _noun_phrase(text, tail.end(), limit=1)
        # "in the 122nd minute Martinez saved": the place in a sequence, not the name after it
        thing = first[0] if first and first[0] in SEQUENCE_NOUNS else _thing_after(text, tail.end(), 1, singular_ok=True)
        return _figure(text, number.start, tail.end(), number.value, "ordinal", thing=thing)
    if word == "s" and number.plain:
        if len(digits) == 4 and digits.endswith("0") and 1800 <= number.value <= 2090:
            return _figure(text, number.start, tail.end(), number.value, "year",
                           high=number.value + 9, bound="range")
        return None
    return False


def _is_ratio(text: str, number: _Number) -> bool:
    """ "one in three", "1 in 4": the look-back ignores floor, which may sit right
    after the "one" that was skipped."""
    if _RATIO_LEFT_RE.search(text, max(0, number.start - 16), number.start):
        return True
    join = _RATIO_RIGHT_RE.match(text, number.end)
    if not join:
        return False
    other = _read_number(text, join.end())
    return other is not None and other.value > number.value and not (
        other.plain and 1800 <= other.value <= 2100 and other.end - other.start == 4)


_HRS_RE = re.compile(r"\s*(?:hrs|hours|hr|h)\b", re.I)
_CLOCK_LEAD_IN_RE = re.compile(r"\b(?:at|by|until|till)\s+(?:(?:about|around|approximately|roughly)\s+)?$", re.I)


def _after_clock_lead_in(text: str, start: int, floor: int = 0) -> bool:
    """Whether a number at ``start`` follows "at", "by about" …, as a clock time does."""
    return _CLOCK_LEAD_IN_RE.search(text, max(floor, start - 24), start) is not None
_OF_RE = re.compile(r"\s+of\b", re.I)


def _clock_digits(text: str, number: _Number) -> bool:
    """ "0900 GMT": four digits that read as a 24-hour clock."""
    digits = text[number.start:number.end]
    return len(digits) == 4 and int(digits[:2]) < 24 and int(digits[2:]) < 60


def _prev_word(text: str, start: int, floor: int) -> str:
    """The word just before start, as written, or ""."""
    m = _PREV_WORD_RE.search(text, max(floor, start - 16), start)
    return m["w"] if m else ""


_ADDRESS_RE = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){1,3}\s+(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Square|Place|Drive|Terrace)\b"
    r"(?!\s+[a-z][a-z'’-]*s\b)"  # "40 Wall Street banks" counts banks
)


def _after_name(text: str, start: int, floor: int) -> bool:
    """Whether a capitalised word that is not a function word comes just before start."""
    prev = _prev_word(text, start, floor)
    return prev[:1].isupper() and prev.lower() not in _STOP_WORDS and prev.lower() not in _QUALIFIERS_BEFORE \
        and prev.lower() not in _WEEKDAY_NAMES  # "By Tuesday 738 of the staff had signed"


_WEEKDAY_NAMES = frozenset(w for w in CALENDAR_WORDS if w.endswith("day"))


def _is_label(text: str, start: int, floor: int) -> bool:
    prev = _prev_word(text, start, floor)
    return prev.lower() in _LABEL_WORDS and prev[:1].isupper()


def _lone_one_ok(text: str, number: _Number, floor: int) -> bool:
    """ "one" is too often a pronoun ("one of them told"): take it before a unit
    ("one percent", "one-day"), before an age, or before a word that reads as a noun
    ("one soldier"); "one day" with a space needs a qualifier or a preposition."""
    left = max(floor, number.start - _LEFT_WINDOW)
    prev_word = _prev_word(text, number.start, floor).lower()
    unit = _UNIT_RE.match(text, number.end)
    if unit and unit["sep"]:
        if _UNITS[_norm(unit["u"])][1] != "duration" or unit["sep"] not in (" ", "\t"):
            return True
        return prev_word in _DURATION_LEAD_INS or bool(_QUALIFIER_RE.search(text, left, number.start))
    if _AGE_AFTER_RE.match(text, number.end):
        return True
    if prev_word in _DETERMINERS or prev_word in ("no", "which", "every", "only", "just"):
        return False
    nxt = _NP_WORD_RE.match(text, number.end)
    if not nxt or nxt.start(1) == number.end:
        return False
    word = nxt.group(1)
    return (word.islower() and word not in _STOP_WORDS
            and not word.endswith(("ly", "ed", "ing")))


def _age_figure(text: str, r: _Reading, age: re.Match) -> Figure:
    unit = _unit_name(_UNITS[age["u"].lower()][0])
    named = _NAME_AFTER_AGE_RE.match(text, age.end())
    if named and any(w.lower() in _TITLE_WORDS for w in named["name"].split()):
        named = None  # "the 71-year-old Slovak Prime Minister", "the 44-year-old Tesla CEO"
    # "71-year-old Juraj Cintula": a person's age, named as written, as "Juraj Cintula, 71" is
    thing = named["name"] if named else _thing_after(text, age.end(), 1, singular_ok=True)
    return _figure(text, r.start, age.end(), r.value, "age", unit=unit, thing=thing)


# A name right after the age, ending where its clause goes on ("71-year-old Juraj
# Cintula, remains", "... Juraj Cintula was charged"); not "a 34-year-old British
# Airways pilot", whose capitals modify a noun, nor "Juraj Cintula's lawyer".
_NAME_AFTER_AGE_RE = re.compile(
    r"\s+(?P<name>[A-Z][^\W\d_]+(?:-[A-Za-z]+)*(?:\s+[A-Z][^\W\d_]+(?:-[A-Za-z]+)*){1,2})"
    r"(?=\s*[,.;:)]|\s+(?:was|is|has|had|who|and|remains|remained|said|told|died|appeared|faces|faced|will|would)\b)")
_TITLE_WORDS = frozenset("""
minister president prime chancellor king queen prince princess ceo chief chairman chairwoman governor mayor senator
general colonel captain director secretary judge pope
""".split())


def _read_unit(text: str, r: _Reading) -> None:
    if r.unit is not None and r.kind != "money":
        return
    m = _UNIT_RE.match(text, r.end)
    if m:
        surface, sep = _norm(m["u"]), m["sep"]
        if surface in _UNITS_ATTACHED_ONLY and sep and not (
            sep == " " and surface in _UNITS_SPACED_LOWER and m["u"].islower()
            and not _NOT_A_SPACED_UNIT.match(text, m.end())
            and not (surface == "h" and _after_clock_lead_in(text, r.start))
        ):
            return
        if surface in _UNITS_CAPITAL_ONLY and not m["u"].isupper():
            return
        if surface in _UNITS_LOWER_CASE_ONLY and not m["u"].islower():
            return
        unit, kind = _UNITS[surface]
        if surface == "pounds" and r.value >= 1e6:
            unit, kind = "gbp", "money"  # "5 million pounds" is money, "5 pounds" weight
        if r.kind == "money" and kind != "money":
            return
        r.unit, r.kind, r.end = unit, kind, m.end()
        r.hyphen_unit = bool(sep) and sep not in (" ", "\t")
        return
    if r.kind != "money":
        m = _CURRENCY_SUFFIX_RE.match(text, r.end)
        if m:
            r.unit, r.kind, r.end = _UNITS[_norm(m["u"])][0], "money", m.end()


def _read_range(text: str, r: _Reading, first: _Number, floor: int) -> _Number | None:
    """ "10 to 15", "10-15", "between 10 and 15", "two or three": read the high end."""
    join = _RANGE_JOIN_RE.match(text, r.end)
    if not join:
        return None
    word = (join["w"] or "").lower()
    left = max(floor, r.start - _LEFT_WINDOW)
    between = _BETWEEN_RE.search(text, left, r.start)
    if word == "and" and not between:
        return None
    if word == "to" and _FROM_RE.search(text, left, r.start):
        return None  # "rose from 10 to 20" is a change, not a range
    second = _read_number(text, join.end())
    if second is None:
        return None
    if _AMPM_RE.match(text, second.end) or _MONTH_AFTER_RE.match(text, second.end):
        return None  # "between seven and 10 p.m.", "five to 12 August": the second is a time or a date
    low = first.value
    if first.scale == 1 and second.scale != 1 and r.end == first.end:
        low *= second.scale  # "2 to 3 million": the scale belongs to both ends
    if second.value <= low:
        return None
    if second.currency and second.currency != r.unit:
        return None
    if (first.words is None) != (second.words is None) and not (first.words and first.value < 10 <= second.value):
        return None  # news style writes "seven to 10 days", not "7 to ten days"
    probe = _Reading(second)
    _read_unit(text, probe)
    if r.end != first.end and probe.unit != r.unit and (probe.unit or not between):
        # "10 km to 15 miles": two figures; "rose 1.3% to 116,037 points": a change;
        # but "between 20 per cent and 25" is one range
        return None
    r.value, r.high, r.bound, r.end = low, second.value, "range", probe.end
    if probe.unit and (probe.kind != "money" or r.unit is None):
        r.unit, r.kind, r.hyphen_unit = probe.unit, probe.kind, probe.hyphen_unit
    if between:
        r.start = between.start()
    return second


def _read_post_qualifier(text: str, r: _Reading) -> None:
    m = _POST_QUALIFIER_RE.match(text, r.end)
    if not m or r.bound == "range":
        return
    if m["plus"]:
        bound = "at_least"
    elif m["odd"]:
        bound = "about"  # "1,500-odd protesters"
    else:
        bound = {"so": "about", "more": "at_least"}.get(_norm(m["w"]).split()[-1], "at_most")
    r.bound, r.end = bound, m.end()


def _read_qualifier(text: str, r: _Reading, floor: int) -> None:
    m = _QUALIFIER_RE.search(text, max(floor, r.start - _LEFT_WINDOW), r.start)
    if m:
        bound = _QUALIFIERS_BEFORE[_norm(m["q"])]
        if r.bound == "exact" or bound != "about":
            r.bound = bound
        r.start = m.start()


def _is_year(text: str, r: _Reading, first: _Number, second: _Number | None, floor: int) -> bool:
    """A bare four-digit number from 1800 to 2100 is a year unless a plural noun follows
    it in a counting context ("2000 troops" but "the 2020 elections")."""
    for number in (first, second):
        if number is not None and not (number.plain and 1800 <= number.value <= 2100
                                       and number.end - number.start == 4):
            return False
    if r.unit is not None:
        return False
    words = _noun_phrase(text, r.end)
    if not any(_looks_plural(w) for w in words):
        return True
    if _QUALIFIER_RE.search(text, max(floor, r.start - _LEFT_WINDOW), r.start):
        return False
    return _prev_word(text, r.start, floor).lower() in _YEAR_CONTEXT


def _year_figure(text: str, r: _Reading, floor: int) -> Figure:
    start = r.start
    if r.bound == "range":
        between = _BETWEEN_RE.search(text, max(floor, start - _LEFT_WINDOW), start)
        start = between.start() if between else start
    thing = _thing_after(text, r.end, 1, singular_ok=True)
    return _figure(text, start, r.end, r.value, "year", high=r.high, bound=r.bound, thing=thing)


# -- what is counted --------------------------------------------------------


def _read_thing(text: str, r: _Reading, floor: int) -> None:
    if r.kind in ("percent", "measure") or (r.kind == "duration" and not r.hyphen_unit):
        r.thing = _thing_of(text, r.end)
        if r.thing is None and r.kind == "percent" \
                and _prev_word(text, r.start, floor).lower() in _MODIFIER_DETERMINERS:
            # "a 9 percent stake", "its 38% premium": the percentage qualifies the noun after it
            r.thing = _head(_noun_phrase(text, r.end), singular_ok=True)
        return
    scale = _reading_scale(text, r, floor) if r.kind == "count" else None
    if scale:
        r.thing = scale
        return
    strong = _STRONG_RE.match(text, r.end)
    if strong:  # "a 2,000-strong force"
        r.thing = _thing_after(text, strong.end(), 1, singular_ok=True)
        return
    hyphen_word = _HYPHEN_WORD_RE.match(text, r.end)
    if hyphen_word and r.kind == "count":  # "a 12-page report"
        r.thing = _lemma(hyphen_word.group(1))
        return
    singular_ok = r.kind != "count" or r.value == 1
    r.thing = _thing_after(text, r.end, r.value, singular_ok=singular_ok)
    if r.thing == "people" and r.value == 1:
        r.thing = "nation"  # "one people": a nation, not a count of persons
    if r.thing is None and r.kind == "count":
        r.thing = _thing_before(text, r.number_start, floor) or _counted_before(text, r.number_start, floor) \
            or _fronted_partitive(text, r.number_start, r.end, floor)
    elif r.thing is None and r.kind == "money":
        r.thing = _money_in(text, r.end) or _thing_before(text, r.start, floor)


_MONEY_IN_RE = re.compile(r"\s+in\s+(?=[a-z])")


def _money_in(text: str, pos: int) -> str | None:
    """ "$110 billion in assets" -> "asset": what a sum is of, after "in" (but
    not "in the first quarter" or "in Texas")."""
    m = _MONEY_IN_RE.match(text, pos)
    if not m:
        return None
    words = _noun_phrase(text, m.end())
    if not words or words[0] in _DETERMINERS or words[0] in _PRONOUNS or words[0] in _CARDINALS \
            or words[0] in _NOT_A_SUM_IN or any(w in _PERIOD_WORDS for w in words):
        return None  # "in one day", "in recent weeks", "in fiscal 2023"
    return _head(words, singular_ok=True)


_NOT_A_SUM_IN = frozenset("recent fiscal past last next total all".split())


# A reading on a named scale: "magnitude 7.8", "a 7.8-magnitude quake", "a
# Category 4 hurricane", "7.1 on the Richter scale".
_READING_SCALES = r"magnitude|category|level"
_READING_BEFORE_RE = re.compile(
    r"\b(?:(?P<w>magnitude)\s+(?:of\s+)?|(?P<v>category|level)\s+)"
    r"(?:[0-9.]+(?:,\s*|\s+(?:and|or|to)\s+))*\Z",  # "of magnitude 7.7 and 7.6"
    re.IGNORECASE)
_READING_AFTER_RE = re.compile(
    rf"(?:{_HY}|\s+)(?P<w>{_READING_SCALES})\b|\s+in\s+(?P<m>magnitude)\b|\s+on\s+the\s+(?P<richter>Richter)\s+scale",
    re.IGNORECASE)


_READING_MAX = 10  # readings on these scales are small: 7.8, category 4, level 3
_READING_NUMBER_RE = re.compile(r"\s*[0-9]")


def _reading_scale(text: str, r: _Reading, floor: int) -> str | None:
    if abs(r.value) > _READING_MAX:
        return None  # "1,500 buildings", "300 level crossings"
    before = _READING_BEFORE_RE.search(text, max(0, r.number_start - 40), r.number_start)
    if before:
        return (before["w"] or before["v"]).lower()
    after = _READING_AFTER_RE.match(text, r.end)
    if after and not _READING_NUMBER_RE.match(text, after.end()):  # not "12 magnitude 5 aftershocks"
        return "magnitude" if after["richter"] or after["m"] else after["w"].lower()
    return None


def _thing_of(text: str, pos: int) -> str | None:
    """The head of "of NOUN PHRASE" at pos ("125 tons of food" -> "food")."""
    m = _OF_RE.match(text, pos)
    if not m:
        return None
    words = _noun_phrase(text, m.end(), skip_determiners=True)
    if not words or words[0] in _PRONOUNS:
        return None
    return _head(words, singular_ok=True)


def _thing_after(text: str, pos: int, value: float, *, singular_ok: bool) -> str | None:
    of = _thing_of(text, pos)
    if of is not None or _OF_RE.match(text, pos):
        return of
    words = _noun_phrase(text, pos)
    if not words:
        return None
    if words[0] in _CONTAINER_NOUNS:
        contained = _thing_of(text, _phrase_end(text, pos, 1))
        if contained:
            return contained
    return _head(words, singular_ok=singular_ok or value == 1)


def _thing_before(text: str, start: int, floor: int) -> str | None:
    """ "a population of 120,000" -> "population"."""
    m = _LEFT_THING_RE.search(text, max(floor, start - _LEFT_WINDOW), start)
    if not m:
        return None
    word = m["w"].lower()
    if word in _STOP_WORDS or word in _NOT_A_THING_BEFORE or word.endswith(("ed", "ing", "ly")):
        return None
    return _lemma(word)


# Words before "of" that say how much, not what: "a total of", "to the tune
# of", "a rise of".
_NOT_A_THING_BEFORE = frozenset("""
number total sum figure estimate average maximum minimum tune order equivalent amount fraction region excess
upwards rise increase decrease fall drop jump gain growth change value
""".split())


_COUNTING_NOUNS = r"total|number|tally|count"
_COUNTED_RE = re.compile(rf"\b(?:{_COUNTING_NOUNS})(?=\s+of\b)", re.IGNORECASE)
_COUNTED_WINDOW = 80


def _counted_before(text: str, start: int, floor: int) -> str | None:
    """ "put the number of vessels waiting to pass at 422" -> "vessel"."""
    left = max(floor, start - _COUNTED_WINDOW)
    sentence_end = max(text.rfind(". ", left, start), text.rfind("; ", left, start))
    matches = list(_COUNTED_RE.finditer(text, max(left, sentence_end + 1), start))
    return _thing_of(text, matches[-1].end()) if matches else None


# "Of the dead, 202 were in the Valencia region": the part names its whole first.
_FRONTED_PARTITIVE_RE = re.compile(
    r"(?:^|[.;:]\s+|\b(?:and|but)\s+)of\s+(?:the|those|these|its|their)\s+((?:[a-z]+\s+)?[a-z]+)\s*,\s*"
    r"(?:(?:some|about|around|nearly|almost|at\s+least|more\s+than|fewer\s+than|over|just|only)\s+)?$",
    re.IGNORECASE)


def _fronted_partitive(text: str, start: int, end: int, floor: int) -> str | None:
    m = _FRONTED_PARTITIVE_RE.search(text, max(floor, start - _LEFT_WINDOW - 20), start)
    if not m:
        return None
    head = m.group(1).split()[-1].lower()
    if head in _STOP_WORDS or head in _REST_WORDS or (head.endswith(("ed", "ing")) and head not in _NOMINAL_ADJECTIVES):
        return None  # "Of those killed, 40 ...", "Of the rest, 30 fled"
    complement = _COMPLEMENT_RE.match(text, end)
    if complement and complement["w"].lower() not in _PLACE_OR_STATE_WORDS and not complement["w"].endswith("ed"):
        return None  # "Of the dead, 40 were children": a part with a thing of its own, not "were in the region"
    return _lemma(head)


_REST_WORDS = frozenset("rest others remainder total".split())
_COMPLEMENT_RE = re.compile(r"\s+(?:were|was|are|is)\s+(?P<w>[A-Za-z]+)")
_PLACE_OR_STATE_WORDS = frozenset("""
in at on from among inside outside near under aboard across within by still also now later never being
taken given seen shown known found brought held flown driven hidden born left sent kept
""".split())


# A count that names no thing but refers back to one: "put the total at 422",
# "360 of them".
_TOTAL_BEFORE_RE = re.compile(rf"\b(?:{_COUNTING_NOUNS}|figure)\b(?:\s+\w+){{0,2}}\s+(?:at|to|of|was|is)\s+$", re.IGNORECASE)
_OF_THEM_RE = re.compile(r"\s+of\s+(?:them|those)\b", re.IGNORECASE)
_PART_OF_RE = re.compile(
    r"\s+of\s+(?:(?:the|its|their|his|her|our|all)\s+)?(?:[\w.\-]+['’]s?\s+)?"
    r"(?:(?:roughly|about|around|some|nearly|almost|more\s+than|over|approximately|an\s+estimated)\s+)?",
    re.IGNORECASE)
_REFERENCE_WINDOW = 300
# "812 people were killed in the south, and 1,120 in the north": a list item
# that leaves out what it counts and what happened to it.
_GAP_BEFORE_RE = re.compile(r"(?:[,:;]|\band)\s*$", re.IGNORECASE)
_GAP_AFTER_RE = re.compile(r"\s+(?:in|across|inside|outside)\s", re.IGNORECASE)
# "30 in the next village were found alive" has a verb of its own: it is no list item.
_OWN_VERB_RE = re.compile(
    r"(?:(?!\b(?:as|when|while|after|before|because|since|where|which|who|and|but|or)\b)[^,;:.])*?"
    r"\b(?:were|was|are|is|had|have|has|been|will|would)\b", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?][\"'’”)]*\s")


def gapped(text: str, fig: Figure) -> bool:
    """Whether a count is a list item that leaves out what it counts, as
    "1,120" in "812 people were killed in the south, and 1,120 in the north"."""
    return fig.kind == "count" and _GAP_BEFORE_RE.search(text, max(0, fig.start - 6), fig.start) is not None \
        and _GAP_AFTER_RE.match(text, fig.end) is not None and not _OWN_VERB_RE.match(text, fig.end)


def _refer_back(text: str, figures: list[Figure]) -> list[Figure]:
    """Counts that name no thing but refer back to an earlier count take its
    thing: a part ("360 of them") the nearest larger count's, a total ("put
    the total at 422") the largest count's, whose breakdown may follow it, a
    list item that leaves its thing out ("and 1,120 in the north") the
    thing of the count before it in its sentence."""
    out: list[Figure] = []
    for n, fig in enumerate(figures):
        if fig.kind == "count" and fig.thing is None:
            earlier = [f for f in out if f.kind == "count" and f.thing and fig.start - f.end <= _REFERENCE_WINDOW]
            whole = figures[n + 1] if n + 1 < len(figures) else None
            referent = None
            if whole is not None and whole.kind == "count" and whole.thing and whole.value > fig.value \
                    and _PART_OF_RE.fullmatch(text, fig.end, whole.start):
                referent = whole  # "505 of OpenAI's roughly 700 staff", "12 of the 40 protesters"
            elif _OF_THEM_RE.match(text, fig.end):
                referent = next((f for f in reversed(earlier) if f.value > fig.value), None)
            elif earlier and _TOTAL_BEFORE_RE.search(text, max(earlier[-1].end, fig.start - 40), fig.start):
                referent = max(earlier, key=lambda f: f.value)
            elif earlier and gapped(text, fig) and not _SENTENCE_END_RE.search(text, earlier[-1].end, fig.start):
                referent = earlier[-1]
            if referent is not None:
                fig = replace(fig, thing=referent.thing)
        out.append(fig)
    return out


_PERIOD_WORDS = frozenset("""
year years week weeks month months day days night time quarter season summer winter spring autumn fall
weekend decade century monday tuesday wednesday thursday friday saturday sunday
""".split())


def _noun_phrase(text: str, pos: int, *, skip_determiners: bool = False, limit: int = 3) -> list[str]:
    """Up to ``limit`` words from pos, lower-cased, stopping at punctuation or a stop word."""
    words: list[str] = []
    adverb = False
    while len(words) < limit:
        abbreviation = _DOTTED_ABBREVIATION_RE.match(text, pos)
        if abbreviation:
            pos = abbreviation.end()  # a modifier: "3,400 U.S. flights"
            continue
        m = _NP_WORD_RE.match(text, pos)
        if not m or (m.start(1) == pos and pos > 0 and text[pos - 1].isalnum()):
            break
        word = m.group(1).lower()
        pos = m.end()
        if skip_determiners and not words and word in _DETERMINERS:
            continue
        if word in _STOP_WORDS:
            break
        if word in ("last", "next"):
            following = _NP_WORD_RE.match(text, pos)
            if following and following.group(1).lower() in _PERIOD_WORDS:
                break  # "revenue last year", not a thing called "year"
        if word.endswith(("'s", "’s")):
            skip_determiners = False
            continue  # a possessive modifies what follows: "Karabakh's population"
        if words and not adverb and word.endswith(("ed", "ing")):
            break  # a verb after the noun: "120,000 Armenians living there"
        adverb = word.endswith("ly")
        words.append(word)
    return words


def _phrase_end(text: str, pos: int, count: int) -> int:
    for _ in range(count):
        m = _NP_WORD_RE.match(text, pos)
        if not m:
            break
        pos = m.end()
    return pos


def _head(words: list[str], *, singular_ok: bool) -> str | None:
    """The head noun: the first plural word, else (when allowed) the last plain word."""
    for word in words:
        if _looks_plural(word):
            return _lemma(word)
    for word in words:
        if word in _NOMINAL_ADJECTIVES:
            return word
    if singular_ok:
        for word in reversed(words):
            if not word.endswith(("ed", "ing", "ly")) and len(word) > 1:
                return _lemma(word)
    return None


def _looks_plural(word: str) -> bool:
    if word in _IRREGULAR_NOUNS or _is_men_compound(word):
        return True
    return (len(word) > 3 and word.endswith("s") and word not in _NOT_PLURAL
            and not word.endswith(("ss", "us", "is", "ous", "'s", "’s")))


def plural_noun(singular: str) -> str:
    """The plural of a singular noun, by spelling ("child" -> "children", "city" -> "cities")."""
    irregular = _PLURAL_OF.get(singular)
    if irregular:
        return irregular
    if _IRREGULAR_NOUNS.get(singular) == singular or singular in _NOMINAL_ADJECTIVES:
        return singular  # "people", "sheep", "the dead"
    if singular.endswith("man") and len(singular) >= 6 and singular not in _NOT_MAN_COMPOUNDS:
        return singular[:-3] + "men"  # "airman" -> "airmen"
    if singular.endswith("y") and len(singular) > 2 and singular[-2] not in "aeiou":
        return singular[:-1] + "ies"
    if singular.endswith(("s", "x", "z", "ch", "sh")):
        return singular + "es"
    return singular + "s"


def _is_men_compound(word: str) -> bool:
    """ "airmen", "firemen", "gunmen": plurals of "-man"; not "specimen"."""
    return len(word) >= 6 and word.endswith("men") and word not in _NOT_MEN_PLURALS


_NOT_MEN_PLURALS = frozenset("specimen abdomen regimen acumen stamen cyclamen turkmen bitumen bremen dolmen albumen".split())
_NOT_MAN_COMPOUNDS = frozenset("german roman shaman talisman caiman ottoman norman walkman batman superman".split())


def _lemma(word: str) -> str:
    """Singular of a plural noun, by spelling alone."""
    word = word.lower()
    if word in _IRREGULAR_NOUNS:
        return _IRREGULAR_NOUNS[word]
    if _is_men_compound(word):
        return word[:-3] + "man"
    if not _looks_plural(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


_READERS: dict[str, Callable[[str, re.Match, int], Figure | None]] = {
    "ISO": _read_iso,
    "SLASH": _read_slash,
    "MDATE": _read_mdate,
    "DDATE": _read_ddate,
    "MYEAR": _read_myear,
    "TIME": _read_time,
    "FRACSCALE": _read_fraction_of_scale,
    "VAGUE": _read_vague,
    "DIGITS": _read_number_match,
    "ORDW": _read_ordinal_word,
    "WORDS": _read_number_match,
}


# --------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------

# How far above a floor ("more than X", "at least X") or below a ceiling
# ("as many as X", "up to X") a figure may lie and still agree with it.
#
# Writers state "more than X" by rounding the real figure down to one or two
# leading digits: 1,400 arrivals become "more than 1,000", 57 tonnes "more
# than 50 tonnes".  Rounding down to a leading digit never loses a factor of
# two, so anything at or beyond twice the stated floor is a different figure:
# 125 tonnes against "more than 50 tonnes" (2.5x) conflicts, while 1,400
# against "more than 1,000" agrees.  The same reasoning bounds "as many as X"
# from below at X / 2.
BOUND_FACTOR = 2.0
ABOUT_TOLERANCE = 0.15  # "about X" covers X +/- 15%; "nearly X" covers X - 15% up to X


class _Interval(NamedTuple):
    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def contains(self, x: float, eps: float) -> bool:
        above = x > self.lo + eps or (not self.lo_open and x >= self.lo - eps)
        below = x < self.hi - eps or (not self.hi_open and x <= self.hi + eps)
        return above and below


def base_quantity(fig: Figure) -> tuple[str, float]:
    """(dimension, value in that dimension's base unit) for a measure, sum or
    duration: "400-metre" and "1,312 feet" are both about 400 of length.
    Units that do not convert keep their own name as the dimension."""
    if fig.unit in _CONVERSIONS:
        dimension, factor = _CONVERSIONS[fig.unit]
        return dimension, fig.value * factor
    if fig.unit == "fahrenheit":
        return "celsius", _celsius(fig.value)
    return fig.unit or "", fig.value


def _celsius(fahrenheit: float) -> float:
    return (fahrenheit - 32) * 5 / 9


def compare_figures(a: Figure, b: Figure) -> tuple[str, str]:
    """Return ("agree" | "conflict", reason-in-plain-English) for two figures already
    known to be about the same quantity.

    Raises ValueError when the figures cannot be compared: different kinds,
    or units that do not convert into each other (tonnes and kilometres,
    dollars and euros, times in different time zones).
    """
    if a.kind != b.kind:
        raise ValueError(f"cannot compare a {a.kind} with a {b.kind}: {a.text!r} / {b.text!r}")
    if a.kind == "date":
        return _compare_dates(a, b)
    if a.kind == "year" and a.high is None and b.high is None:  # a year is no amount: "1977", not "1,977"
        if math.isclose(a.value, b.value):
            return "agree", f"the same year: {a.text} and {b.text}"
        return "conflict", f"{a.text} and {b.text} are different years"
    if a.kind in ("time", "ordinal"):
        value_a, value_b = a.value, b.value
        if a.unit != b.unit:
            # clock times in two known zones compare in GMT ("6:05 a.m. EDT", "10:05 GMT")
            gmt_a, gmt_b = (gmt_hours(a), gmt_hours(b)) if a.kind == "time" else (None, None)
            if gmt_a is None or gmt_b is None:
                raise ValueError(f"cannot compare {a.text!r} and {b.text!r}: different time zones")
            value_a, value_b = gmt_a, gmt_b
        same = math.isclose(value_a, value_b)
        if a.kind == "ordinal" and a.thing and a.thing == b.thing:  # "the 35th and the 36th minute differ"
            if same:
                return "agree", f"the {a.text} {a.thing} in both"
            return "conflict", f"the {a.text} and the {b.text} {a.thing} differ"
        if same:
            return "agree", f"{_q(a)} and {_q(b)} are the same {a.kind}"
        return "conflict", f"{_q(a)} and {_q(b)} are different {a.kind}s"
    if {a.unit, b.unit} == {"celsius", "fahrenheit"}:
        # Temperatures convert by an offset as well as a factor: compare in Celsius.
        f = b if b.unit == "fahrenheit" else a
        celsius = replace(f, value=_celsius(f.value), high=None if f.high is None else _celsius(f.high),
                          unit="celsius")
        status, reason = compare_figures(a if f is b else celsius, celsius if f is b else b)
        if reason.startswith("same figure"):
            reason = f"same temperature: {_amount(a)} and {_amount(b)}"
        return status, f"{reason} (converting {_amount(f)} = {_fmt(round(celsius.value, 1))} °C)"
    fa, fb = _factor(a, b), _factor(b, a)
    if a.bound == b.bound and a.bound in _SAME_BOUND_WORDS and a.high is None and b.high is None:
        return _compare_same_bound(a, b, fa, fb)
    for narrow, plain in ((a, b), (b, a)):
        if _NARROW_BOUND_RE.match(narrow.text) and plain.bound == "exact" and plain.high is None \
                and math.isclose(narrow.value * _factor(narrow, plain), plain.value * _factor(plain, narrow)):
            # "just over two years" and "two years": the plain figure is the round one
            return "agree", f"{_q(narrow)} and {_q(plain)} state the same figure"
    # A conversion is rounded to the digits written; the coarser figure is
    # likely the original, so its last digit gives the slack.
    coarse_a = a.unit != b.unit and _relative_precision(a) >= _relative_precision(b)
    coarse_b = a.unit != b.unit and not coarse_a
    ia, ib = _interval(a, fa, coarse_a), _interval(b, fb, coarse_b)
    eps = 1e-9 * max(1.0, abs(ia.lo), abs(ia.hi), abs(ib.lo), abs(ib.hi))
    agree = _overlap(ia, ib, eps)
    return ("agree" if agree else "conflict"), _reason(a, b, fa, fb, agree)


# A bound that stays next to its figure: "just over two years", "a little under 40%".
_NARROW_BOUND_RE = re.compile(r"(?:just|a\s+little|slightly|only\s+just)\s+(?:over|above|more\s+than|north\s+of)\b",
                              re.IGNORECASE)
_SAME_BOUND_WORDS = frozenset({"more_than", "at_least", "less_than", "at_most", "about", "nearly"})


def _compare_same_bound(a: Figure, b: Figure, fa: float, fb: float) -> tuple[str, str]:
    """ "up to 20 years" and "up to 25 years", "more than 1,000" and "more than
    2,000": two sources qualify the figure alike and state different ones. Their
    readings overlap, but an editor reads them as two figures, so they agree
    only when the stated figures round to each other, or for "about" and
    "nearly" lie within the tolerance those words allow ("about 40" / "about 41")."""
    va, vb = a.value * fa, b.value * fb
    slack = max(_rounding(a) * fa, _rounding(b) * fb)
    if a.unit != b.unit:
        slack = max(slack, _written_precision(a) * fa, _written_precision(b) * fb)
    conversion = _conversion_note(a, b, fa, fb)
    eps = 1e-9 * max(1.0, abs(va), abs(vb))
    if abs(va - vb) <= slack + eps:
        return "agree", f"{_q(a)} and {_q(b)} state the same figure{conversion}"
    if a.bound in ("about", "nearly") and abs(va - vb) <= max(_about_width(a) * fa, _about_width(b) * fb) + eps:
        return "agree", f"{_q(a)} and {_q(b)} are within what '{_qualifier_words(a)}' allows{conversion}"
    return "conflict", f"{_q(a)} and {_q(b)} state different figures{conversion}"


def _factor(f: Figure, other: Figure) -> float:
    """Factor turning f's unit into a base shared with the other figure's unit."""
    if f.unit == other.unit:
        return 1.0
    if f.unit in _CONVERSIONS and other.unit in _CONVERSIONS \
            and _CONVERSIONS[f.unit][0] == _CONVERSIONS[other.unit][0]:
        return _CONVERSIONS[f.unit][1]
    raise ValueError(f"cannot compare {f.text!r} ({f.unit or 'no unit'}) "
                     f"with {other.text!r} ({other.unit or 'no unit'})")


def _rounding(f: Figure) -> float:
    """Half-width of the values that round to a figure's value at two significant
    figures, when it is written round ("2,000", "120,000"); zero otherwise, and
    for a duration told in two units ("2 hours and 40 minutes" is 160 minutes)."""
    value = f.value
    if value == 0 or value != int(value) or (f.kind == "duration" and _COMPOUND_TEXT_RE.search(f.text)):
        return 0.0
    digits = str(int(abs(value)))
    significant = digits.rstrip("0")
    if len(significant) == len(digits) or len(significant) > 2 or len(digits) < 2:
        return 0.0
    return 0.5 * 10 ** (len(digits) - 2)


def _written_number(f: Figure) -> tuple[str, str, float] | None:
    """(whole digits, decimals, value) of the number as written in a figure's
    text ("2.5" of "2.5 million"); None for a figure in words or a zero."""
    if f.kind == "duration" and _COMPOUND_TEXT_RE.search(f.text) and f.value == int(f.value) and f.value:
        return str(int(f.value)), "", f.value  # "2 hours and 40 minutes": 160 minutes, to the minute
    m = _WRITTEN_NUMBER_RE.search(f.text)
    if not m:
        return None
    digits = m.group(0).replace(",", "").replace("\u202f", "")
    written = float(digits)
    return (digits.split(".")[0], m.group(1) or "", written) if written else None


def in_digits(f: Figure) -> bool:
    """Whether a figure is written in digits ("36th"), not in words ("first")."""
    return any(c.isdigit() for c in f.text)


def significant_digits(f: Figure) -> int:
    """How many significant digits a figure is written with: 3 for "384,000"
    and "3.84 lakh", 4 for "1,752 kg", none for a figure in words."""
    number = _written_number(f)
    if number is None:
        return 0
    whole, decimals, _ = number
    return len((whole + decimals).strip("0"))


def _written_precision(f: Figure) -> float:
    """Half a unit of the last digit written: 0.05 for "14.8 feet", 50,000 for
    "2.5 million"; zero for a figure in words."""
    number = _written_number(f)
    if number is None:
        return 0.0
    _, decimals, written = number
    return 0.5 * 10 ** -len(decimals) * f.value / written


def _about_width(f: Figure) -> float:
    """How far "about X" or "nearly X" reaches from X: 15% of it, but no more
    than one unit of its last significant digit, so that a figure stated
    precisely is read precisely: "about 2,000" covers 1,700 to 2,300, but
    "about 212" only 211 to 213 and "about $15.4 billion" $15.3bn to $15.5bn.
    A last digit 5 is a round figure too ("about 25%", "about 1.5 million")."""
    width = ABOUT_TOLERANCE * abs(f.value)
    number = _written_number(f)
    if number is None:
        return width  # in words: "about two million"
    whole, decimals, written = number
    if decimals:
        unit = 10.0 ** -len(decimals)
        last = decimals[-1]
    else:
        significant = whole.rstrip("0")
        unit = 10.0 ** (len(whole) - len(significant))
        last = significant[-1]
    if last == "5":
        unit *= 5  # "about 25%", "about 1.5 million": round figures too
    return min(width, unit * abs(f.value / written))


def _relative_precision(f: Figure) -> float:
    return _written_precision(f) / abs(f.value) if f.value else 0.0


_WRITTEN_NUMBER_RE = re.compile(r"[0-9][0-9,\u202f]*(?:\.([0-9]+))?")


_MIRRORED_BOUNDS = {"more_than": "less_than", "at_least": "at_most", "less_than": "more_than", "at_most": "at_least"}


def _interval(f: Figure, factor: float, written_slack: bool = False) -> _Interval:
    v = f.value * factor
    if v < 0 and f.bound in _MIRRORED_BOUNDS:
        # "below -10C" is colder than -10: a floor of 10 degrees of frost, mirrored
        i = _interval(replace(f, value=-f.value, bound=_MIRRORED_BOUNDS[f.bound]), factor, written_slack)
        return _Interval(-i.hi, -i.lo, i.hi_open, i.lo_open)
    if f.bound == "range" or f.high is not None:
        return _Interval(v, (f.high if f.high is not None else f.value) * factor)
    if f.kind in ("year", "age"):
        slack = 0.0
    else:
        slack = _rounding(f) * factor
        if written_slack:  # 4.5 m is 14.76 ft, written 14.8
            slack = max(slack, _written_precision(f) * factor)
    k = BOUND_FACTOR
    if f.bound == "about":
        width = _about_width(f) * factor
        return _Interval(min(v - width, v - slack), max(v + width, v + slack))
    if f.bound == "nearly":
        return _Interval(v - _about_width(f) * factor, v)
    if f.bound == "more_than":
        if _NARROW_BOUND_RE.match(f.text):  # "just over 4 hours" reaches as far as "about" would
            return _Interval(v, v + _about_width(f) * factor, lo_open=True)
        return _Interval(v, v * k, lo_open=True, hi_open=True)
    if f.bound == "at_least":
        return _Interval(v, v * k, hi_open=True)
    if f.bound == "less_than":
        return _Interval(v / k, v, hi_open=True)
    if f.bound == "at_most":
        return _Interval(v / k, v)
    return _Interval(v - slack, v + slack)


def _overlap(a: _Interval, b: _Interval, eps: float) -> bool:
    lo, hi = max(a.lo, b.lo), min(a.hi, b.hi)
    if lo < hi - eps:
        return True
    if lo > hi + eps:
        return False
    point = (lo + hi) / 2
    return a.contains(point, eps) and b.contains(point, eps)


def _compare_dates(a: Figure, b: Figure) -> tuple[str, str]:
    def parts(f: Figure, value: float) -> tuple[int, int, int]:
        n = int(value)
        return n // 10000, n // 100 % 100, n % 100

    ya, ma, da = parts(a, a.value)
    yb, mb, db = parts(b, b.value)
    ha = parts(a, a.high)[2] if a.high is not None else da
    hb = parts(b, b.high)[2] if b.high is not None else db
    same = ma == mb and (not ya or not yb or ya == yb)
    if same and da and db:
        same = da <= hb and db <= ha
    if same:
        return "agree", f"{_q(a)} and {_q(b)} are the same date"
    return "conflict", f"{_q(a)} and {_q(b)} are different dates"


def _conversion_note(a: Figure, b: Figure, fa: float, fb: float) -> str:
    """ " (converting 16 km = 9.94 miles)" when the units differ; "" otherwise."""
    if a.unit != b.unit and a.unit and b.unit:
        return f" (converting {_amount(b)} = {_quantity(b.value * fb / fa, a.unit)})"
    return ""


def _reason(a: Figure, b: Figure, fa: float, fb: float, agree: bool) -> str:
    conversion = _conversion_note(a, b, fa, fb)
    exact_a, exact_b = _is_point(a), _is_point(b)
    if exact_a and exact_b:
        va, vb = a.value * fa, b.value * fb
        if math.isclose(va, vb, rel_tol=1e-9):
            return f"same figure: {_amount(a)} and {_amount(b)}{conversion}"
        if agree:
            return f"{_q(a)} and {_q(b)} agree to two significant figures{conversion}"
        return f"{_amount(a)} and {_amount(b)} differ{conversion}"
    if exact_a != exact_b:
        point, ref = (a, b) if exact_a else (b, a)
        f_point, f_ref = (fa, fb) if exact_a else (fb, fa)
        value = point.value * f_point / f_ref  # the point figure in the reference's unit
        return _point_reason(point, ref, value, agree) + conversion
    if agree:
        return f"{_q(a)} and {_q(b)} overlap{conversion}"
    return f"{_q(a)} and {_q(b)} do not overlap{conversion}"


def _point_reason(point: Figure, ref: Figure, value: float, agree: bool) -> str:
    """Why an exact figure fits, or does not fit, a bounded one."""
    who, v, q = _amount(point), ref.value, _q(ref)
    words = _qualifier_words(ref)
    if ref.bound in ("more_than", "at_least"):
        if agree:
            return f"{who} is within the reading of {q}"
        if value <= v:
            return f"{who} is below the floor of {q}"
        ratio = f"{_fmt(value / v)}×" if v else "far above"
        return (f"{who} is {ratio} the floor of {q} — "
                f"'{words}' reads as close to the stated figure")
    if ref.bound in ("at_most", "less_than"):
        if agree:
            return f"{who} is within the reading of {q}"
        if value >= v:
            return f"{who} is above the ceiling of {q}"
        return (f"{who} is under half the ceiling of {q} — "
                f"'{words}' reads as close to the stated figure")
    if ref.bound in ("about", "nearly"):
        off = abs(value - v) / abs(v) * 100 if v else 0.0
        side = "above" if value > v else "below"
        if agree:
            return f"{who} is within {_fmt(off)}% of {q}"
        if ref.bound == "nearly" and value > v:
            return f"{who} is above {q}"
        allowed = _about_width(ref) / abs(v) * 100 if v else 0.0
        precise = " for a figure stated this precisely" if allowed < ABOUT_TOLERANCE * 100 - 1e-9 else ""
        return f"{who} is {_fmt(off)}% {side} {q}; '{words}' allows {_fmt(round(allowed, 2))}%{precise}"
    if agree:
        return f"{who} is inside the range {q}"
    return f"{who} is outside the range {q}"


_LEADING_QUALIFIER_RE = re.compile(r"(?P<q>(?i:" + _alternation(_QUALIFIERS_BEFORE) + r"))\s")
_TRAILING_QUALIFIER_RE = re.compile(r"(?:\s(?P<w>(?i:or\s+so|or\s+more|or\s+fewer|or\s+less))|" + _HY + r"plus|\+)\Z")


def _qualifier_words(f: Figure) -> str:
    """The words that set a figure's bound, as the article wrote them ("roughly",
    "as many as", "or so"); the bound's own name when the text does not show them."""
    m = _LEADING_QUALIFIER_RE.match(f.text)
    if m and _QUALIFIERS_BEFORE[_norm(m["q"])] == f.bound:
        return _norm(m["q"])
    m = _TRAILING_QUALIFIER_RE.search(f.text)
    if m:
        return _norm(m["w"]) if m["w"] else m.group().lstrip("-\u2010\u2011")
    return _BOUND_WORDS.get(f.bound, "")


def _is_point(f: Figure) -> bool:
    return f.bound == "exact" and f.high is None


def _q(f: Figure) -> str:
    return f"'{f.text}'"


def _amount(f: Figure) -> str:
    return _quantity(f.value, f.unit)


def _quantity(value: float, unit: str | None) -> str:
    """ "125 tonnes", "1 mile", "9.94 miles", "$1,500,000": a value with its unit named for it."""
    if unit in _CURRENCY_SYMBOLS:
        return f"{'-' if value < 0 else ''}{_CURRENCY_SYMBOLS[unit]}{_fmt(abs(value))}"
    if unit in _MONEY_UNITS:
        return f"{_fmt(value)} {unit.upper()}"
    if unit is None:
        return _fmt(value)
    singular, plural = _UNIT_NAMES.get(unit, (unit, unit))
    number = _fmt(value)
    return f"{number} {singular if number in ('1', '-1') else plural}"


def quantity_name(f: Figure) -> str:
    """What a figure measures when it names nothing else: "sum in US dollars",
    "length", "duration", "temperature"."""
    if f.kind == "money":
        return f"sum in {_CURRENCY_NAMES.get(f.unit or '', (f.unit or '').upper())}".strip()
    if f.kind == "duration":
        return "duration"
    if f.kind == "measure":
        dimension = base_quantity(f)[0]
        return _DIMENSION_NAMES.get(dimension, _UNIT_NAMES.get(dimension, (dimension, dimension))[1])
    return f.kind


_CURRENCY_NAMES = {
    "usd": "US dollars", "eur": "euros", "gbp": "pounds", "jpy": "yen", "inr": "rupees", "rub": "roubles",
    "cny": "yuan", "chf": "Swiss francs", "aud": "Australian dollars", "cad": "Canadian dollars",
    "nzd": "New Zealand dollars", "hkd": "Hong Kong dollars", "sgd": "Singapore dollars", "brl": "reais",
}
_DIMENSION_NAMES = {"length": "length", "mass": "weight", "area": "area", "volume": "volume", "speed": "speed",
                    "celsius": "temperature"}
_CURRENCY_SYMBOLS = {"usd": "$", "eur": "€", "gbp": "£", "jpy": "¥", "inr": "₹", "rub": "₽"}
_MONEY_UNITS = frozenset(code for code, kind in _UNITS.values() if kind == "money") | frozenset(_CURRENCY_PREFIXES.values())

# How a unit is written after a value, (one, several); codes not listed are
# written as they are ("km", "kg", "percent").
_UNIT_NAMES: dict[str, tuple[str, str]] = {w: (w, w + "s") for w in (
    "tonne", "mile", "day", "week", "hour", "minute", "second", "month", "decade", "acre",
    "hectare", "litre", "barrel", "degree", "yard", "gallon", "knot")} | {
    "inch": ("inch", "inches"), "century": ("century", "centuries"), "year_duration": ("year", "years"),
    "year": ("year", "years"),
    "percentage_point": ("percentage point", "percentage points"), "sq_mile": ("square mile", "square miles"),
    "nautical_mile": ("nautical mile", "nautical miles"), "m2": ("square metre", "square metres"),
    "m3": ("cubic metre", "cubic metres"), "sq_ft": ("square foot", "square feet"),
    "cu_ft": ("cubic foot", "cubic feet"), "troy_oz": ("troy ounce", "troy ounces"),
    "celsius": ("°C", "°C"), "fahrenheit": ("°F", "°F"), "kmh": ("km/h", "km/h")}


def _fmt(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


_RELATIVE_YEARS = {"last year": -1, "this year": 0, "a year ago": -1}
_RELATIVE_YEAR = re.compile(r"\b(?:last year|this year|a year ago)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]")
# "in 2019", "in March 2023", "in fiscal 2023", "in the first quarter of 2024"; not "since 1939"
_YEAR_OF = re.compile(r"\b(?:in|during|for|of|as of|on)\s+(?:(?!(?:since|before|after|than|until)\b)[\w.]+\s+){0,3}\Z",
                      re.IGNORECASE)
_PARTICIPLE = re.compile(r"\s*(?!according\b)[a-z]{2,}ing\b")  # ", killing 228 people", ", leaving 40 dead"
_OPENING = re.compile(r"\s*(?:in|during|as of|on|by)\b", re.IGNORECASE)  # "In 2019, the airport handled ..."


def clause_years(sentence: str, start: int, f: Figure, figures: list[Figure], report: datetime.date | None) -> frozenset[int]:
    """The years a figure's clause says it is of: "85 million passengers in
    2019", "78.7 million passengers last year" in a report of 2024. Not a year
    it is compared with ("the deadliest since 1939"), nor one past a comma."""
    at, end = f.start - start, f.end - start
    masked = sentence
    for y in figures:  # a date's own commas ("Jan. 2, 2024") part no clauses
        if y.kind == "date" and start <= y.start and y.end <= start + len(sentence):
            masked = masked[:y.start - start] + "x" * (y.end - y.start) + masked[y.end - start:]
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(masked)]
    clause_start = max((x + 1 for x in breaks if x < at), default=0)
    clause_end = min((x for x in breaks if x >= end), default=len(sentence))
    spans = [(clause_start, clause_end)]
    if clause_start and _PARTICIPLE.match(sentence, clause_start):
        # "a jet went down in Guam in 1997, killing 228 people": what the clause before did
        spans.append((max((x + 1 for x in breaks if x < clause_start - 1), default=0), clause_start))
    if breaks and breaks[0] < at and _OPENING.match(sentence):
        spans.append((0, breaks[0]))  # "In 2019, the airport handled 85 million passengers"

    def within(y: Figure) -> bool:
        return any(start + a <= y.start < start + b for a, b in spans)

    years = {int(y.value) if y.kind == "year" else int(y.value) // 10000 for y in figures
             if y.high is None and within(y) and (y.kind == "year" or (y.kind == "date" and y.value >= 10000))
             and _YEAR_OF.search(sentence, max(0, y.start - start - 30), y.start - start)}
    if report is not None:
        for a, b in spans:
            years.update(report.year + _RELATIVE_YEARS[m.group(0).lower()]
                         for m in _RELATIVE_YEAR.finditer(sentence, a, b))
    return frozenset(years)
