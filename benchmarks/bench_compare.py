"""Discrepancy benchmark on the development gold: how many of the must-find
variants, conflicts and agreements are found, and every variant and conflict
group listed so that a person can judge precision.

    python benchmarks/bench_compare.py [--strictness 0.5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_align import eval_files  # noqa: E402
from tui.engine.compare import compare  # noqa: E402
from tui.engine.corpus import bundled_seeds, load_corpus  # noqa: E402


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).lower()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strictness", type=float, default=0.5)
    args = parser.parse_args()
    _, gold_path = eval_files()
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    corpus = load_corpus([bundled_seeds()])
    start = time.perf_counter()
    result = compare(corpus, strictness=args.strictness)
    elapsed = time.perf_counter() - start
    short = corpus.short_ids()

    def prefix(source_id: str) -> str:
        return short[source_id]

    groups = [{_norm(f) for f in v.forms} for v in result.variants]
    print(f"compare on the seeds: {elapsed:.3f} s")
    def joined(pair) -> bool:
        return any(_norm(pair[0]) in g and _norm(pair[1]) in g for g in groups)

    must = gold.get("variants_must", [])
    print(f"variants_must: {len(must) - sum(not joined(p) for p in must)}/{len(must)} joined")
    # Pairs that must never be joined: the gold's, the issue's, and any two forms
    # of which one is the other plus an ending (an inflection, not a spelling).
    never = gold.get("variants_never", []) + [
        ["Armenia", "Armenian"], ["Azerbaijan", "Azerbaijani"], ["Stepanyan", "Pashinyan"]
    ]
    wrong = [p for p in never if joined(p)]
    wrong += [
        (a, b)
        for g in groups
        for a in g
        for b in g
        if a != b and b.startswith(a) and b[len(a):].isalpha()
    ]
    print(f"never-join pairs joined: {len(wrong)}" + (f"  {wrong}" if wrong else ""))

    def has(group, source_prefix, value) -> bool:
        return any(
            prefix(m.source).startswith(source_prefix) and abs(m.figure.value - value) <= 1e-6 * max(1, value)
            for m in group.mentions
        )

    for section, status, need_all in (("numbers_conflict_must", "conflict", True), ("numbers_agree_must", "agree", False)):
        specs = gold.get(section, [])
        found = []
        for spec in specs:
            for g in result.figures:
                if g.status != status:
                    continue
                hits = sum(1 for p, v in spec["values"] if has(g, p, v))
                if (need_all and hits == len(spec["values"])) or (not need_all and hits >= 2):
                    found.append(spec["id"])
                    break
        missing = [s["id"] for s in specs if s["id"] not in found]
        print(f"{section}: {len(found)}/{len(specs)} found" + (f"  missing {missing}" if missing else ""))

    print(f"\nvariant groups ({len(result.variants)}):")
    for v in result.variants:
        forms = " | ".join(f"{form} [{', '.join(prefix(s) for s in srcs)}]" for form, srcs in v.sources_by_form().items())
        print(f"  {v.kind:<18} {forms}")
    conflicts = result.conflicts
    print(f"\nconflict groups ({len(conflicts)}):")
    for g in conflicts:
        values = " vs ".join(f"{m.figure.text} [{prefix(m.source)}]" for m in g.mentions)
        quoted = all(m.sentence for m in g.mentions)
        print(f"  {g.about}: {values}   quotes: {'both' if quoted else 'MISSING'}")
        for reason in g.reasons:
            print(f"      why: {reason}")
    agreements = [g for g in result.figures if g.status == "agree"]
    print(f"\nagreement groups ({len(agreements)}):")
    for g in agreements:
        print(f"  {g.about}: " + " = ".join(f"{m.figure.text} [{prefix(m.source)}]" for m in g.mentions))


if __name__ == "__main__":
    main()
