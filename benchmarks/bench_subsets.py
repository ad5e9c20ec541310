"""Accuracy by the number of articles compared. An editor may compare two
reports or five: every corpus written for evaluation, and the seeds, is
aligned k articles at a time, each run of k consecutive files in turn (file
order wraps round), and scored by score.py against its gold, which counts
only the pairs of the articles given. Prints the mean recall and precision
over the corpora for each k, and the seeds' own.

    python benchmarks/bench_subsets.py [--sizes 2 3 4 5] [--jobs N] [--strictness 0.5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_align import accuracy, eval_files, evaluation_corpora, summary_fields  # noqa: E402


def _corpora() -> list[tuple[str, list[Path], Path]]:
    from tui.engine.corpus import bundled_seeds

    found = [(folder.name, sorted(folder.glob("*.txt")), folder / "gold.yaml") for folder in evaluation_corpora()]
    found.append(("seeds", sorted(bundled_seeds().glob("*.txt")), eval_files()[1]))
    return found


def _windows(files: list[Path], k: int) -> list[list[Path]]:
    """Every run of k consecutive files, wrapping round; the whole set once."""
    if k >= len(files):
        return [files]
    return [[files[(start + i) % len(files)] for i in range(k)] for start in range(len(files))]


def _score(job: tuple[str, int, list[Path], Path, float]) -> tuple[str, int, float, float, int]:
    name, k, paths, gold, strictness = job
    fields = summary_fields(accuracy(strictness, paths, gold))
    return name, k, float(fields["recall"]), float(fields["precision"]), int(fields["links"])


def main() -> None:
    parser = argparse.ArgumentParser(description="alignment accuracy by the number of articles compared")
    parser.add_argument("--sizes", type=int, nargs="*", default=[2, 3, 4, 5])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--strictness", type=float, default=0.5)
    args = parser.parse_args()

    corpora = _corpora()
    jobs = [
        (name, k, paths, gold, args.strictness)
        for name, files, gold in corpora
        for k in args.sizes
        for paths in _windows(files, k)
    ]
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(_score, jobs))

    print(f"accuracy by articles compared, {len(corpora)} corpora (strictness {args.strictness}):")
    print(f"  {'articles':>8}{'runs':>6}{'mean recall':>13}{'mean precision':>16}{'links':>8}"
          f"{'seeds recall':>14}{'seeds precision':>17}")
    for k in args.sizes:
        by_corpus: dict[str, list[tuple[float, float]]] = {}
        links = 0
        for name, size, recall, precision, n in results:
            if size == k:
                by_corpus.setdefault(name, []).append((recall, precision))
                links += n
        recall = statistics.mean(statistics.mean(r for r, _ in runs) for runs in by_corpus.values())
        precision = statistics.mean(statistics.mean(p for _, p in runs) for runs in by_corpus.values())
        seeds = by_corpus["seeds"]
        print(f"  {k:>8}{sum(map(len, by_corpus.values())):>6}{recall:>13.3f}{precision:>16.3f}{links:>8}"
              f"{statistics.mean(r for r, _ in seeds):>14.3f}{statistics.mean(p for _, p in seeds):>17.3f}")


if __name__ == "__main__":
    main()
