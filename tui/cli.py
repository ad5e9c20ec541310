"""The ``parallax`` command.

Only argparse is imported at start-up so that ``--help`` and ``--version``
answer at once; the engine and the terminal UI load when a command needs them.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .engine.corpus import Corpus

PROG = "parallax"
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
COMMANDS = ("open", "sources", "align", "discrepancies", "report")


class CommandError(Exception):
    """A failure to report to the user as one clear line."""


def _add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files (.txt, .md, .html) or folders of them; default: the bundled seed articles",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="extra page-furniture rules (YAML, same shape as the bundled furniture.yaml); may repeat",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Line up news reports of one event paragraph by paragraph and show where they "
            "disagree on names and numbers. With no command, opens the reader."
        ),
        epilog="Run 'parallax COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_open = sub.add_parser("open", help="open the reader in the terminal (the default command)")
    _add_corpus_arguments(p_open)
    _add_strictness(p_open)
    p_open.add_argument(
        "--theme",
        metavar="NAME",
        help="colour theme: parallax-dark (default), parallax-light, parallax-high-contrast, parallax-ansi, "
        "or one of yours in ~/.config/parallax/themes",
    )
    p_open.add_argument("--no-mouse", action="store_true", help="turn mouse reporting off (for slow links)")
    _add_review(p_open)

    p_sources = sub.add_parser("sources", help="print a table of the sources")
    _add_corpus_arguments(p_sources)

    p_align = sub.add_parser("align", help="print the comparison as JSON")
    _add_corpus_arguments(p_align)
    _add_strictness(p_align)
    p_align.add_argument("--format", choices=["json"], default="json", help="output format (default: json)")
    p_align.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")

    p_disc = sub.add_parser("discrepancies", help="print spelling variants and figure conflicts as tables")
    _add_corpus_arguments(p_disc)
    _add_strictness(p_disc)
    p_disc.add_argument("--agree", action="store_true", help="also list the figures that agree")

    p_report = sub.add_parser("report", help="write a sourcing report (Markdown or HTML) with the editor's marks")
    _add_corpus_arguments(p_report)
    _add_strictness(p_report)
    p_report.add_argument("--format", choices=["md", "html"], default="md", help="report format (default: md)")
    p_report.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    _add_review(p_report)
    return parser


def _add_review(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--review",
        metavar="FILE",
        help="review marks file (default: <corpus>/.parallax/review.yaml, or the user's data folder "
        "when the corpus folder cannot be written)",
    )


def _strictness(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return number


def _add_strictness(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strictness",
        type=_strictness,
        default=0.5,
        metavar="S",
        help="how much specific evidence paragraphs must share to be aligned, 0 (loose) to 1 (strict); default 0.5",
    )


def _normalise_argv(argv: list[str]) -> list[str]:
    """``parallax [PATH...]`` means ``parallax open [PATH...]``."""
    first = next((a for a in argv if not a.startswith("-")), None)
    if any(a in ("-h", "--help", "--version") for a in argv[:1]):
        return argv
    if first is None or first not in COMMANDS:
        return ["open", *argv]
    return argv


def _load(args: argparse.Namespace) -> Corpus:
    from .engine.corpus import CorpusError, bundled_seeds, load_corpus, load_rules

    paths = [Path(p) for p in args.paths] or [bundled_seeds()]
    try:
        corpus = load_corpus(paths, rules=load_rules([Path(r) for r in args.rules]))
    except CorpusError as exc:
        raise CommandError(str(exc)) from None
    for warning in corpus.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    return corpus


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]], right: set[int]) -> str:
    cells = [[str(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def fmt(values: Sequence[str]) -> str:
        parts = [v.rjust(w) if i in right else v.ljust(w) for i, (v, w) in enumerate(zip(values, widths, strict=True))]
        return "  ".join(parts).rstrip()

    lines = [fmt(headers), fmt(["-" * w for w in widths])]
    lines += [fmt(r) for r in cells]
    return "\n".join(lines)


def cmd_sources(args: argparse.Namespace) -> int:
    corpus = _load(args)
    rows = [
        (s.id, s.outlet or "-", s.date or "-", len(s.paragraphs), s.words, len(s.removed))
        for s in corpus.sources
    ]
    print(_table(("source", "outlet", "date", "paragraphs", "words", "removed"), rows, right={3, 4, 5}))
    return EXIT_OK


def _write_output(text: str, output: str | None) -> None:
    if not output:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from .engine.fileio import atomic_write_text

    try:
        atomic_write_text(Path(output), text)
    except OSError as exc:
        raise CommandError(f"cannot write {output}: {exc.strerror or exc}; nothing was changed") from None
    print(f"{PROG}: wrote {output}", file=sys.stderr)


def cmd_align(args: argparse.Namespace) -> int:
    from .engine.compare import compare
    from .engine.export import build_export, dumps

    corpus = _load(args)
    _write_output(dumps(build_export(corpus, compare(corpus, strictness=args.strictness))), args.output)
    return EXIT_OK


def cmd_discrepancies(args: argparse.Namespace) -> int:
    from .engine.compare import compare
    from .engine.report import discrepancies_text

    corpus = _load(args)
    print(discrepancies_text(compare(corpus, strictness=args.strictness), include_agreements=args.agree), end="")
    return EXIT_OK


def _review_store(args: argparse.Namespace, corpus: Corpus, *, reading_only: bool = False):  # type: ignore[no-untyped-def]
    from .engine.review import ReviewStore, default_review_path

    if args.review:
        path, note = Path(args.review), None
    else:
        path, note = default_review_path(corpus)
    store = ReviewStore.open(path, reading_only=reading_only)
    if note:
        store.messages.insert(0, note)
    if args.review and reading_only and not path.exists():
        store.messages.append(f"no review file at {path}; the report has no marks")
    return store


def cmd_report(args: argparse.Namespace) -> int:
    from .engine.compare import compare
    from .engine.report import ReportMarks, report_html, report_markdown
    from .engine.review import resolve

    corpus = _load(args)
    comparison = compare(corpus, strictness=args.strictness)
    store = _review_store(args, corpus, reading_only=True)
    for message in store.messages:
        print(f"{PROG}: warning: {message}", file=sys.stderr)
    marks = ReportMarks.from_resolution(resolve(store.marks, corpus, comparison))
    render = report_html if args.format == "html" else report_markdown
    _write_output(render(comparison, marks), args.output)
    return EXIT_OK


def cmd_open(args: argparse.Namespace) -> int:
    corpus = _load(args)
    from .app import create_app

    app = create_app(
        corpus, strictness=args.strictness, theme=args.theme, background=True, review=_review_store(args, corpus)
    )
    app.run(mouse=not args.no_mouse)
    return app.return_code or EXIT_OK


HANDLERS = {
    "open": cmd_open,
    "sources": cmd_sources,
    "align": cmd_align,
    "discrepancies": cmd_discrepancies,
    "report": cmd_report,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(_normalise_argv(argv))
    try:
        return HANDLERS[args.command](args)
    except CommandError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # standard output on a full or failing disk
        if exc.errno not in _WRITE_FAILURES:
            raise
        print(f"{PROG}: error: cannot write to standard output: {exc.strerror or exc}", file=sys.stderr)
        _silence_stdout()
        return EXIT_ERROR


_WRITE_FAILURES = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the flush at exit
    does not fail a second time with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
