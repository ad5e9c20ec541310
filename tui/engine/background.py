"""How common a content word is in news in general, beyond the corpus at hand.

With two or three articles, every word that each report uses once is as rare
as a word can be in the corpus, so a chance word ("said to reporters on a
visit") weighs as much as a telling one. The bundled table says in how many
of a set of unrelated news stories each word (as the aligner keys it) is
found; the corpus's own counts are blended with it as a few pseudo-paragraphs,
fewer as the corpus grows and can tell for itself.

The table is made by ``benchmarks/build_background.py`` from the 48 stories
written for evaluation in ``benchmarks/eval/corpora`` (not from the bundled
seeds), read with the bundled rules only. It must be made again when the way
words are keyed changes (the stemmer, stopwords, name detection, the
spelling or furniture tables) or a story is added; a test says when.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("background.txt")

PSEUDO_PARAGRAPHS = 20.0  # the background's weight in a corpus of up to FULL_STRENGTH paragraphs
FULL_STRENGTH = 40  # paragraphs: about two articles


@dataclass(frozen=True)
class Background:
    stories: int
    counts: dict[str, int]  # word key -> stories that use it

    def share(self, key: str) -> float:
        """The share of the stories that use the word."""
        return self.counts.get(key, 0) / self.stories if self.stories else 0.0


def parse(text: str) -> Background:
    """Read a table: comment lines (#), then ``stories N``, then ``key count``
    lines. Raises ValueError on anything else."""
    stories = 0
    counts: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 2 or not parts[1].isdigit():
            raise ValueError(f"line {number}: expected a word and a count, got {line!r}")
        if parts[0] == "stories" and not stories:
            stories = int(parts[1])
        else:
            counts[parts[0]] = int(parts[1])
    if counts and not stories:
        raise ValueError("the table does not say how many stories it counts")
    if any(n > stories for n in counts.values()):
        raise ValueError("a word is counted in more stories than the table has")
    return Background(stories, counts)


def format_table(stories: int, counts: dict[str, int]) -> str:
    lines = [
        "# In how many news stories each content word (as the aligner keys it) is found.",
        "# Made by benchmarks/build_background.py; do not edit by hand.",
        f"stories {stories}",
    ]
    lines += [f"{key} {n}" for key, n in sorted(counts.items())]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def background() -> Background:
    """The bundled table. A missing or broken one only means no background:
    words weigh by their rarity in the corpus alone."""
    try:
        return parse(TABLE.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return Background(0, {})


def word_scales(
    paragraph_count: int, paragraph_counts: dict[str, int], table: Background | None = None
) -> dict[str, float]:
    """For each word key found in more than one paragraph, the factor its
    weight (its rarity in the corpus, log(1 + n/d)) is multiplied by once the
    background is blended in. Keyed without the feature's kind prefix.

    The background only ever lowers a weight. A word no story uses, found in
    two paragraphs, keeps the corpus's rare unit as its weight (up to
    rounding), so the aligner's thresholds, set in those units, mean what
    they meant. The table counts stories, not paragraphs: the pseudo-
    paragraphs are a strength, measured on the evaluation corpora."""
    table = table if table is not None else background()
    if not table.stories:
        return {}
    n = max(1, paragraph_count)
    pseudo = PSEUDO_PARAGRAPHS * min(1.0, (FULL_STRENGTH / n) ** 2)
    blended_n = n + pseudo
    unit_ratio = math.log(1 + n / 2) / math.log(1 + blended_n / 2)
    scales: dict[str, float] = {}
    for key, d in paragraph_counts.items():
        if d <= 1:
            continue
        rarity = math.log(1 + n / d)
        blended = math.log(1 + blended_n / (d + pseudo * table.share(key)))
        scales[key] = min(1.0, blended / rarity * unit_ratio)
    return scales
