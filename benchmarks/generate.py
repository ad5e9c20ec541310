"""A deterministic synthetic corpus made from the seeds, for scale benchmarks.

Each generated article takes one seed, reorders its paragraphs, rewrites some
figures, swaps some spellings, and drops and duplicates some paragraphs, so
that the aligner sees realistic overlap at any size.

    python benchmarks/generate.py OUT_DIR COUNT [--paragraphs 25] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.engine.corpus import bundled_seeds, load_corpus  # noqa: E402

SPELLING_SWAPS = [
    (re.compile(r"yan\b"), "ian"),
    (re.compile(r"ian\b"), "yan"),
    (re.compile(r"ence\b"), "ense"),
    (re.compile(r"ense\b"), "ence"),
    (re.compile(r"our\b"), "or"),
    (re.compile(r"\btons\b"), "tonnes"),
    (re.compile(r"-"), " "),
]
NUMBER = re.compile(r"\b\d{2,3}(?:,\d{3})*\b")


def _rewrite_figure(match: re.Match[str], rng: random.Random) -> str:
    value = int(match.group(0).replace(",", ""))
    value = max(1, int(value * rng.choice([0.5, 0.9, 1.1, 2, 3])))
    return f"{value:,}"


def _mutate(text: str, rng: random.Random) -> str:
    if rng.random() < 0.4:
        text = NUMBER.sub(lambda m: _rewrite_figure(m, rng), text, count=1)
    if rng.random() < 0.4:
        pattern, replacement = rng.choice(SPELLING_SWAPS)
        text = pattern.sub(replacement, text, count=1)
    if rng.random() < 0.5:
        # An edit: one word goes, as when an outlet trims a wire story.
        words = text.split(" ")
        if len(words) > 6:
            del words[rng.randrange(1, len(words))]
            text = " ".join(words)
    return text


def generate(out: Path, count: int, paragraphs: int = 25, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    corpus = load_corpus([bundled_seeds()])
    sources = corpus.sources
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(count):
        base = sources[n % len(sources)]
        body = [p.text for p in base.paragraphs]
        body = [t for t in body if rng.random() > 0.15] or body[:1]
        while len(body) < paragraphs:
            body.append(rng.choice([p.text for p in base.paragraphs]))
        body = body[:paragraphs]
        # Reorder locally: news rewrites move paragraphs, rarely scramble them.
        for i in range(len(body) - 1):
            if rng.random() < 0.25:
                body[i], body[i + 1] = body[i + 1], body[i]
        text = "\n\n".join(_mutate(t, rng) for t in body) + "\n"
        path = out / f"gen_{n:04d}_{base.id[:3]}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def generate_unrelated(out: Path, count: int, paragraphs: int = 25, seed: int = 7) -> list[Path]:
    """A worst case: articles of two-sentence paragraphs whose words are drawn
    at random from the seeds' vocabulary, so that almost nothing aligns and
    every paragraph shares a few words with many others."""
    rng = random.Random(seed)
    corpus = load_corpus([bundled_seeds()])
    words = sorted({w.lower() for p in corpus.paragraphs() for w in re.findall(r"[A-Za-z][a-z]+", p.text)})
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(count):
        body = []
        for _ in range(paragraphs):
            sentences = [" ".join(rng.choice(words) for _ in range(10)).capitalize() + "." for _ in range(2)]
            body.append(" ".join(sentences))
        path = out / f"unrelated_{n:04d}.txt"
        path.write_text("\n\n".join(body) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--paragraphs", type=int, default=25)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    files = generate(args.out, args.count, args.paragraphs, args.seed)
    print(f"wrote {len(files)} articles to {args.out}")


if __name__ == "__main__":
    main()
