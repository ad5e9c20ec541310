"""Readable text reports of a comparison, for the terminal and for files."""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass

from .compare import Comparison, FigureGroup, Quote
from .corpus import Corpus
from .figures import plural_noun
from .review import Mark, Resolution
from .variants import VariantGroup

WIDTH = 100


def source_label(corpus: Corpus, source_id: str) -> str:
    return corpus.labels()[source_id]


def paragraph_label(paragraph_id: str) -> str:
    return "p" + paragraph_id.rsplit(":p", 1)[1]


def _quote(corpus: Corpus, q: Quote, indent: str) -> list[str]:
    head = f"{source_label(corpus, q.source)} {paragraph_label(q.paragraph)}: "
    body = f"“{q.sentence}”"
    return textwrap.wrap(head + body, WIDTH, initial_indent=indent, subsequent_indent=indent + "    ")


def _figure_lines(corpus: Corpus, group: FigureGroup) -> list[str]:
    values = " vs ".join(
        dict.fromkeys(f"{m.figure.text} ({source_label(corpus, m.source)})" for m in group.mentions)
    )
    lines = textwrap.wrap(f"{group.about}: {values}", WIDTH, initial_indent="  ", subsequent_indent="    ")
    for q in group.quotes():
        lines += _quote(corpus, q, "    ")
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


# ---------------------------------------------------------------- sourcing report


@dataclass
class ReportMarks:
    """The editor's marks, resolved against the comparison, for the report."""

    figures: dict[int, list[Mark]]
    variants: dict[int, list[Mark]]
    rows: dict[str, list[Mark]]
    orphaned: list[Mark]

    @classmethod
    def empty(cls) -> ReportMarks:
        return cls({}, {}, {}, [])

    @classmethod
    def from_resolution(cls, resolution: Resolution) -> ReportMarks:
        return cls(resolution.figures, resolution.variants, resolution.rows, resolution.orphaned)


def _mark_words(marks: list[Mark]) -> list[str]:
    out = []
    for m in marks:
        line = f"Editor: {m.status}" if m.status else "Editor's note"
        if m.note:
            line += f" — {m.note}"
        out.append(line)
    return out


def _variant_quotes(corpus: Corpus, group: VariantGroup, per_form: int = 1) -> list[tuple[str, str, str]]:
    """(source label, form as written there, sentence) for the first occurrence of each form
    in each source; a form stands for surfaces that differ only in case."""
    out = []
    labels = corpus.labels()
    for form, occurrences in group.forms.items():
        seen: set[str] = set()
        for o in occurrences:
            if o.source in seen:
                continue
            seen.add(o.source)
            p = corpus.paragraph(o.paragraph)
            start, end = p.sentence_at(o.start)
            sentence = p.text[start:end]
            out.append((labels[o.source], p.text[o.start : o.end] or form, sentence))
            if len(seen) >= per_form * 3:
                break
    return out


def report_data(comparison: Comparison, marks: ReportMarks | None = None) -> dict:
    """Everything the report shows, as plain data, for both formats."""
    marks = marks or ReportMarks.empty()
    corpus = comparison.corpus
    labels = corpus.labels()
    sources = [
        {
            "label": labels[s.id],
            "id": s.id,
            "outlet": s.outlet or "—",
            "date": s.date or "—",
            "title": s.title or "—",
            "paragraphs": len(s.paragraphs),
            "words": s.words,
        }
        for s in corpus.sources
    ]
    conflicts = []
    for i, g in enumerate(comparison.figures):
        if g.status != "conflict":
            continue
        conflicts.append(
            {
                "about": g.about,
                "values": list(dict.fromkeys(f"{m.figure.text} ({labels[m.source]})" for m in g.mentions)),
                "quotes": [
                    (labels[q.source], paragraph_label(q.paragraph), tuple(f.text for f in q.figures), q.sentence)
                    for q in g.quotes()
                ],
                "reasons": g.reasons,
                "marks": _mark_words(marks.figures.get(i, [])),
            }
        )
    variants = []
    for i, v in enumerate(comparison.variants):
        variants.append(
            {
                "kind": v.kind.replace("_", " "),
                "forms": [(form, [labels[s] for s in srcs]) for form, srcs in v.sources_by_form().items()],
                "quotes": _variant_quotes(corpus, v),
                "marks": _mark_words(marks.variants.get(i, [])),
            }
        )
    agreements = [
        {"about": g.about, "values": list(dict.fromkeys(f"{m.figure.text} ({labels[m.source]})" for m in g.mentions))}
        for g in comparison.figures
        if g.status == "agree"
    ]
    row_index = {r.id: i for i, r in enumerate(comparison.alignment.rows)}
    row_notes = []
    for row_id, row_marks in sorted(marks.rows.items(), key=lambda kv: row_index.get(kv[0], 0)):
        row = comparison.alignment.rows[row_index[row_id]]
        row_notes.append(
            {
                "row": row_index[row_id] + 1,
                "paragraphs": [(labels[p.rsplit(":p", 1)[0]], paragraph_label(p), corpus.paragraph(p).text) for p in row.paragraphs],
                "marks": _mark_words(row_marks),
            }
        )
    orphaned = [
        {
            "target": m.target,
            "marks": _mark_words([m]),
            "anchored to": [p.get("text", "") for p in m.anchor.paragraphs] + m.anchor.forms + m.anchor.figures,
        }
        for m in marks.orphaned
    ]
    return {
        "sources": sources,
        "conflicts": conflicts,
        "variants": variants,
        "agreements": agreements,
        "rows": row_notes,
        "orphaned": orphaned,
    }


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def _md_escape(text: str) -> str:
    """Text as literal Markdown on one line: no emphasis, link, image, table
    cell, HTML or heading can come out of an article or a note."""
    text = " ".join(text.split())  # a note's own lines must not start a heading or a list
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def counted(n: int, noun: str) -> str:
    """ "1 figure conflict", "12 figure conflicts"."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural_noun(noun)}"


def _summary(data: dict) -> str:
    return (f"{counted(len(data['sources']), 'source')}, {counted(len(data['conflicts']), 'figure conflict')}, "
            f"{counted(len(data['variants']), 'spelling variant')}.")


def report_markdown(comparison: Comparison, marks: ReportMarks | None = None, title: str = "Sourcing report") -> str:
    data = report_data(comparison, marks)
    e = _md_escape
    out = [f"# {e(title)}", "", _summary(data), "", "## Sources", "",
           "| source | outlet | date | title | paragraphs | words |", "|---|---|---|---|---:|---:|"]
    for s in data["sources"]:
        out.append(f"| {e(s['label'])} | {e(s['outlet'])} | {e(s['date'])} | {e(s['title'])} | {s['paragraphs']} | {s['words']} |")
    out += ["", "## Figure conflicts", ""]
    if not data["conflicts"]:
        out += ["None found.", ""]
    for c in data["conflicts"]:
        out += [f"### {e(c['about'])}: {e(' vs '.join(c['values']))}", ""]
        for label, para, _figure, sentence in c["quotes"]:
            out.append(f"> **{e(label)} {para}** — {e(sentence)}")
            out.append(">")
        if out[-1] == ">":
            out.pop()
        out.append("")
        out += [f"- Why: {e(r)}" for r in c["reasons"]]
        out += [f"- **{e(m)}**" for m in c["marks"]]
        out.append("")
    out += ["## Spelling variants", ""]
    if not data["variants"]:
        out += ["None found.", ""]
    for v in data["variants"]:
        forms = " / ".join(f"{f} ({', '.join(srcs)})" for f, srcs in v["forms"])
        out += [f"### {e(forms)}", "", f"Kind: {e(v['kind'])}.", ""]
        out += [f"- {e(label)}: “{e(sentence)}”" for label, _form, sentence in v["quotes"]]
        out += [f"- **{e(m)}**" for m in v["marks"]]
        out.append("")
    if data["rows"]:
        out += ["## Rows the editor marked", ""]
        for r in data["rows"]:
            out += [f"### Row {r['row']}", ""]
            out += [f"- **{e(m)}**" for m in r["marks"]]
            out += [f"- {e(label)} {para}: {e(text)}" for label, para, text in r["paragraphs"]]
            out.append("")
    if data["orphaned"]:
        out += ["## Orphaned marks", "", "The text these marks were made on has changed since.", ""]
        for o in data["orphaned"]:
            out += [f"- {e(o['target'])}: {e('; '.join(o['marks']))} (on: {e(' / '.join(t for t in o['anchored to'] if t))})"]
        out.append("")
    if data["agreements"]:
        out += ["## Figures that agree", ""]
        out += [f"- {e(a['about'])}: {e(' = '.join(a['values']))}" for a in data["agreements"]]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


_CSS = """
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin-bottom: .4rem; }
table { border-collapse: collapse; width: 100%; font: 14px system-ui, sans-serif; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; }
blockquote { margin: .4rem 0; padding: .2rem .8rem; border-left: 4px solid #c62828; background: #fdf3f3; }
.variant blockquote { border-left-color: #6a1b9a; background: #f7f1fa; }
.source { font: 600 13px system-ui, sans-serif; color: #555; }
mark { background: #ffe08a; padding: 0 .1em; }
.why { color: #444; font-style: italic; }
.editor { font: 600 14px system-ui, sans-serif; color: #0d47a1; }
.summary { color: #555; }
@media print { body { margin: 0; } blockquote { break-inside: avoid; } }
"""


def _highlight(sentence: str, *needles: str) -> str:
    """The sentence, escaped, with the first place of each needle marked (needles in
    reading order; one that is not found, or overlaps a mark, is left unmarked)."""
    out, pos = [], 0
    for needle in needles:
        i = sentence.find(needle, pos) if needle else -1
        if i < 0:
            continue
        out += [html.escape(sentence[pos:i]), "<mark>", html.escape(needle), "</mark>"]
        pos = i + len(needle)
    out.append(html.escape(sentence[pos:]))
    return "".join(out)


def report_html(comparison: Comparison, marks: ReportMarks | None = None, title: str = "Sourcing report") -> str:
    data = report_data(comparison, marks)
    h = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{h(title)}</h1>",
        f"<p class='summary'>{_summary(data)}</p>",
        "<h2>Sources</h2><table><thead><tr><th>source</th><th>outlet</th><th>date</th><th>title</th>"
        "<th>paragraphs</th><th>words</th></tr></thead><tbody>",
    ]
    for s in data["sources"]:
        parts.append(
            f"<tr><td>{h(s['label'])}</td><td>{h(s['outlet'])}</td><td>{h(s['date'])}</td><td>{h(s['title'])}</td>"
            f"<td class='num'>{s['paragraphs']}</td><td class='num'>{s['words']}</td></tr>"
        )
    parts.append("</tbody></table><h2>Figure conflicts</h2>")
    if not data["conflicts"]:
        parts.append("<p>None found.</p>")
    for c in data["conflicts"]:
        parts.append(f"<section class='conflict'><h3>{h(c['about'])}: {h(' vs '.join(c['values']))}</h3>")
        for label, para, figures, sentence in c["quotes"]:
            parts.append(f"<blockquote><div class='source'>{h(label)} {h(para)}</div>{_highlight(sentence, *figures)}</blockquote>")
        parts += [f"<p class='why'>Why: {h(r)}</p>" for r in c["reasons"]]
        parts += [f"<p class='editor'>{h(m)}</p>" for m in c["marks"]]
        parts.append("</section>")
    parts.append("<h2>Spelling variants</h2>")
    if not data["variants"]:
        parts.append("<p>None found.</p>")
    for v in data["variants"]:
        forms = " / ".join(f"{f} ({', '.join(srcs)})" for f, srcs in v["forms"])
        parts.append(f"<section class='variant'><h3>{h(forms)}</h3><p class='why'>Kind: {h(v['kind'])}</p>")
        for label, form, sentence in v["quotes"]:
            parts.append(f"<blockquote><div class='source'>{h(label)}</div>{_highlight(sentence, form)}</blockquote>")
        parts += [f"<p class='editor'>{h(m)}</p>" for m in v["marks"]]
        parts.append("</section>")
    if data["rows"]:
        parts.append("<h2>Rows the editor marked</h2>")
        for r in data["rows"]:
            parts.append(f"<section><h3>Row {r['row']}</h3>")
            parts += [f"<p class='editor'>{h(m)}</p>" for m in r["marks"]]
            for label, para, text in r["paragraphs"]:
                parts.append(f"<blockquote><div class='source'>{h(label)} {h(para)}</div>{h(text)}</blockquote>")
            parts.append("</section>")
    if data["orphaned"]:
        parts.append("<h2>Orphaned marks</h2><p>The text these marks were made on has changed since.</p><ul>")
        for o in data["orphaned"]:
            anchored = " / ".join(t for t in o["anchored to"] if t)
            parts.append(f"<li>{h(o['target'])}: {h('; '.join(o['marks']))} <span class='why'>(on: {h(anchored)})</span></li>")
        parts.append("</ul>")
    if data["agreements"]:
        parts.append("<h2>Figures that agree</h2><ul>")
        parts += [f"<li>{h(a['about'])}: {h(' = '.join(a['values']))}</li>" for a in data["agreements"]]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
