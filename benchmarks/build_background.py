"""Make the aligner's background table, tui/engine/background.txt: in how many
of the evaluation stories (benchmarks/eval/corpora, one story per folder, the
bundled seeds left out) each content word is found, keyed as the aligner keys
words. Run it again after a change to how words are keyed (the stemmer,
stopwords, name detection, the spelling or furniture tables) or after adding
a story; a test fails while the table is out of date. A corpus kept for a
blind measurement stays out of benchmarks/eval/corpora until it is measured.

    python benchmarks/build_background.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.engine.background import TABLE, format_table  # noqa: E402
from tui.engine.corpus import bundled_rules, load_corpus  # noqa: E402
from tui.engine.evidence import build_evidence  # noqa: E402

CORPORA = ROOT / "benchmarks" / "eval" / "corpora"


def story_folders(root: Path = CORPORA) -> list[Path]:
    return [f for f in sorted(root.iterdir()) if f.is_dir() and any(f.glob("*.txt"))]


def count_words(folders: list[Path]) -> Counter[str]:
    """Stories per word key. Read with the bundled rules only, so that the
    table does not depend on the machine it is made on; keys the table's
    format cannot hold (a space, a leading #) are left out."""
    counts: Counter[str] = Counter()
    rules = bundled_rules()
    for folder in folders:
        evidence = build_evidence(load_corpus(sorted(folder.glob("*.txt")), rules=rules))
        counts.update({f[2:] for ev in evidence.sentences for f in ev.features
                       if f[0] == "w" and f[2:] and not f[2:].startswith("#") and not any(c.isspace() for c in f[2:])})
    return counts


def table_text(folders: list[Path] | None = None) -> str:
    folders = story_folders() if folders is None else folders
    return format_table(len(folders), dict(count_words(folders)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only say whether the bundled table is up to date")
    args = parser.parse_args()
    folders = story_folders()
    text = table_text(folders)
    if args.check:
        current = TABLE.read_text(encoding="utf-8") if TABLE.is_file() else ""
        print("up to date" if current == text else f"{TABLE} is out of date: run benchmarks/build_background.py")
        return 0 if current == text else 1
    TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE}: {text.count(chr(10)) - 3} words from {len(folders)} stories")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
