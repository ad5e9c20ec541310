"""Readable text reports of a comparison, for the terminal and for files."""

from __future__ import annotations

import textwrap

from .compare import Comparison, FigureGroup, Mention
from .corpus import Corpus

WIDTH = 100


def source_label(corpus: Corpus, source_id: str) -> str:
    return corpus.labels()[source_id]


def paragraph_label(paragraph_id: str) -> str:
    return "p" + paragraph_id.rsplit(":p", 1)[1]


def _quote(corpus: Corpus, m: Mention, indent: str) -> list[str]:
    head = f"{source_label(corpus, m.source)} {paragraph_label(m.paragraph)}: "
    body = f"“{m.sentence}”"
    return textwrap.wrap(head + body, WIDTH, initial_indent=indent, subsequent_indent=indent + "    ")


def _figure_lines(corpus: Corpus, group: FigureGroup) -> list[str]:
    values = " vs ".join(
        dict.fromkeys(f"{m.figure.text} ({source_label(corpus, m.source)})" for m in group.mentions)
    )
    lines = textwrap.wrap(f"{group.about}: {values}", WIDTH, initial_indent="  ", subsequent_indent="    ")
    for m in group.mentions:
        lines += _quote(corpus, m, "    ")
    for reason in group.reasons:
        lines += textwrap.wrap("why: " + reason, WIDTH, initial_indent="    ", subsequent_indent="      ")
    return lines


def discrepancies_text(comparison: Comparison, include_agreements: bool = False) -> str:
    corpus = comparison.corpus
    lines: list[str] = []
    variants = comparison.variants
    lines.append(f"Spelling variants ({len(variants)})")
    if variants:
        rows = []
        for v in variants:
            forms = " | ".join(
                f"{form} ({', '.join(source_label(corpus, s) for s in sources)})"
                for form, sources in v.sources_by_form().items()
            )
            rows.append((v.kind, forms))
        width = max(len(k) for k, _ in rows)
        for kind, forms in rows:
            lines += textwrap.wrap(
                f"{kind.ljust(width)}  {forms}", WIDTH, initial_indent="  ", subsequent_indent="  " + " " * (width + 2)
            )
    else:
        lines.append("  none found")
    conflicts = comparison.conflicts
    lines += ["", f"Figure conflicts ({len(conflicts)})"]
    for group in conflicts:
        lines += _figure_lines(corpus, group) + [""]
    if not conflicts:
        lines += ["  none found", ""]
    agreements = [g for g in comparison.figures if g.status == "agree"]
    if include_agreements:
        lines.append(f"Figures that agree ({len(agreements)})")
        for group in agreements:
            lines += _figure_lines(corpus, group) + [""]
    else:
        lines.append(f"{len(agreements)} figures agree across sources (--agree lists them).")
    return "\n".join(lines).rstrip() + "\n"
