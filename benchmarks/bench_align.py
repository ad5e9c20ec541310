"""Alignment benchmark: accuracy on the development gold and on the corpora
written for evaluation (benchmarks/eval/corpora), then time and peak memory on
the seeds and on generated corpora of 50 and 200 articles, and on a worst
case of 200 articles of random words, where almost nothing aligns.

    python benchmarks/bench_align.py [--runs 5] [--sizes 50 200] [--strictness 0.5]

Accuracy uses ../shared/eval/score.py when it is beside the checkout, else the
project's copy in benchmarks/eval/.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def eval_files() -> tuple[Path, Path]:
    shared = ROOT.parent / "shared" / "eval"
    local = ROOT / "benchmarks" / "eval"
    for folder in (shared, local):
        if (folder / "score.py").is_file() and (folder / "seeds_dev_gold.yaml").is_file():
            return folder / "score.py", folder / "seeds_dev_gold.yaml"
    raise SystemExit("no score.py and gold found in ../shared/eval or benchmarks/eval")


CORPORA = ROOT / "benchmarks" / "eval" / "corpora"


def evaluation_corpora() -> list[Path]:
    """The folders of benchmarks/eval/corpora that hold a gold."""
    return sorted(p for p in CORPORA.iterdir() if (p / "gold.yaml").is_file())


def summary_fields(line: str) -> dict[str, str]:
    """score.py's summary line as its ``name=value`` fields."""
    return dict(item.split("=", 1) for item in line.split() if "=" in item)


def accuracy(strictness: float, paths: list[Path] | None = None, gold: Path | None = None) -> str:
    """score.py's summary line for the seeds, or for a corpus and its gold."""
    from tui.engine.compare import compare
    from tui.engine.corpus import bundled_seeds, load_corpus
    from tui.engine.export import build_export, dumps

    corpus = load_corpus(paths or [bundled_seeds()])
    doc = build_export(corpus, compare(corpus, strictness=strictness))
    score, seeds_gold = eval_files()
    gold = gold or seeds_gold
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        handle.write(dumps(doc))
    try:
        result = subprocess.run([sys.executable, str(score), handle.name, str(gold)], capture_output=True, text=True, check=True)
    finally:
        os.unlink(handle.name)
    return result.stdout.strip().splitlines()[-1]


def _measure_child(paths: list[str], strictness: float) -> dict:
    """Run in a fresh process so that peak memory is this corpus's alone."""
    from tui.engine.align import align
    from tui.engine.corpus import load_corpus

    t0 = time.perf_counter()
    corpus = load_corpus(paths)
    t1 = time.perf_counter()
    alignment = align(corpus, strictness=strictness)
    t2 = time.perf_counter()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": len(corpus.sources),
        "paragraphs": sum(len(s.paragraphs) for s in corpus.sources),
        "rows": len(alignment.rows),
        "multi_source_rows": sum(1 for r in alignment.rows if len(r.sources) > 1),
        "load_s": t1 - t0,
        "align_s": t2 - t1,
        "peak_mib": peak_kib / 1024,
    }


def measure(paths: list[str], strictness: float, runs: int) -> dict:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(strictness), *paths],
            capture_output=True, text=True, check=True,
        )
        results.append(json.loads(out.stdout))
    first = results[0]
    aligns = [r["align_s"] for r in results]
    loads = [r["load_s"] for r in results]
    return {
        **{k: first[k] for k in ("articles", "paragraphs", "rows", "multi_source_rows")},
        "align_median_s": statistics.median(aligns),
        "align_min_s": min(aligns),
        "align_max_s": max(aligns),
        "load_median_s": statistics.median(loads),
        "peak_mib": max(r["peak_mib"] for r in results),
    }


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(_measure_child(sys.argv[3:], float(sys.argv[2]))))
        return
    parser = argparse.ArgumentParser(description="alignment accuracy, time and memory")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=[50, 200])
    parser.add_argument("--strictness", type=float, default=0.5)
    args = parser.parse_args()

    from benchmarks.generate import generate, generate_unrelated
    from tui.engine.corpus import bundled_seeds

    print(f"accuracy on the development gold (strictness {args.strictness}):")
    print("  " + accuracy(args.strictness))
    print("\naccuracy on the corpora written for evaluation (benchmarks/eval/corpora):")
    for folder in evaluation_corpora():
        fields = summary_fields(accuracy(args.strictness, sorted(folder.glob("*.txt")), folder / "gold.yaml"))
        print(
            f"  {folder.name:<10} recall={fields['recall']} precision={fields['precision']} "
            f"links={fields['links']} core_facts_whole={fields['core_facts_whole']}"
        )
    print(f"\ntime and peak memory, {args.runs} runs each, each in a fresh process:")
    header = f"  {'corpus':<12}{'articles':>9}{'paras':>7}{'rows':>7}{'align s (median [min-max])':>30}{'load s':>9}{'peak MiB':>10}"
    print(header)
    cases = [("seeds", [str(bundled_seeds())])]
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            folder = Path(tmp) / f"gen{size}"
            generate(folder, size)
            cases.append((f"generated {size}", [str(folder)]))
        if args.sizes:
            size = max(args.sizes)
            folder = Path(tmp) / f"unrelated{size}"
            generate_unrelated(folder, size)
            cases.append((f"unrelated {size}", [str(folder)]))
        for name, paths in cases:
            m = measure(paths, args.strictness, args.runs)
            span = f"{m['align_median_s']:.3f} [{m['align_min_s']:.3f}-{m['align_max_s']:.3f}]"
            print(f"  {name:<12}{m['articles']:>9}{m['paragraphs']:>7}{m['rows']:>7}{span:>30}{m['load_median_s']:>9.2f}{m['peak_mib']:>10.0f}")
    print("\ntargets: seeds align < 0.2 s; 200 articles of ~25 paragraphs < 10 s and < 1024 MiB")


if __name__ == "__main__":
    main()
