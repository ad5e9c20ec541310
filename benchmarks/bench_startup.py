"""Start-up benchmark: time from the command to the first painted screen.

Runs the real ``parallax`` (``python -m tui``) in a pseudo-terminal of 80x24
on the bundled seeds, reads its output until the compare view's footer has
been drawn, then quits it. Also times ``--help`` and ``--version``.

    python benchmarks/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import termios
import time

LOADING_MARK = b"Aligning"  # the loading view, drawn while the corpus is aligned
COMPARE_MARK = b"next\xe2\x89\xa0"  # "next≠" in the compare view's footer: the table is drawn


def time_to_first_paint(timeout: float = 30.0) -> tuple[float, float]:
    """(seconds to the first screen, seconds to the compare view)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-m", "tui"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    seen = b""
    first = None
    elapsed = None
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            if first is None and (LOADING_MARK in seen or COMPARE_MARK in seen):
                first = time.perf_counter() - start
            if COMPARE_MARK in seen:
                elapsed = time.perf_counter() - start
                break
        os.write(fd, b"q")
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            try:
                select.select([fd], [], [], 0.05)
                os.read(fd, 65536)
            except OSError:
                pass
        else:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
    finally:
        os.close(fd)
    if elapsed is None or first is None:
        raise SystemExit("the compare view did not appear within the time limit")
    return first, elapsed


def time_command(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, check=True)
    return time.perf_counter() - start


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.3f} s  [min {min(values):.3f}, max {max(values):.3f}]"


def main() -> None:
    parser = argparse.ArgumentParser(description="time to first paint and --help/--version")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    paints = [time_to_first_paint() for _ in range(args.runs)]
    helps = [time_command("--help") for _ in range(args.runs)]
    versions = [time_command("--version") for _ in range(args.runs)]
    print(f"{args.runs} runs each, 80x24 pseudo-terminal, bundled seeds")
    print(f"  first screen (loading view):     {summary([p[0] for p in paints])}")
    print(f"  compare view drawn:              {summary([p[1] for p in paints])}   (target < 1 s)")
    print(f"  parallax --help:                 {summary(helps)}   (target < 0.5 s)")
    print(f"  parallax --version:              {summary(versions)}   (target < 0.5 s)")


if __name__ == "__main__":
    main()
