from pathlib import Path

from benchmarks.bench_subsets import _windows


def test_subsets_take_every_run_of_k_files_wrapping_round():
    files = [Path(f"{n}.txt") for n in range(5)]
    runs = _windows(files, 2)
    assert [[f.stem for f in run] for run in runs] == [["0", "1"], ["1", "2"], ["2", "3"], ["3", "4"], ["4", "0"]]
    assert all(len(set(run)) == 4 for run in _windows(files, 4)) and len(_windows(files, 4)) == 5
    assert _windows(files, 5) == [files]
    assert _windows(files[:3], 5) == [files[:3]]
