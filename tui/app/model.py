"""What the views show, built once from a comparison: styled paragraph texts
with their marks, the discrepancies of each row, and the list of all
discrepancies. Article text always becomes ``rich.text.Text``, never markup."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text
from textual.color import Color, ColorParseError

from ..engine.align import Row
from ..engine.compare import Comparison, FigureGroup
from ..engine.variants import VariantGroup, fold

MARK_KINDS = ("variant", "conflict", "agree", "match")


@dataclass
class MarkStyles:
    """Styles for marked spans. They differ by attribute, not only by colour,
    so that they stay apart on a terminal without colour."""

    variant: Style = field(default_factory=lambda: Style(underline=True))
    conflict: Style = field(default_factory=lambda: Style(reverse=True, bold=True))
    agree: Style = field(default_factory=lambda: Style(bold=True))
    match: Style = field(default_factory=lambda: Style(italic=True, underline=True, bold=True))

    @classmethod
    def from_colours(cls, colours: dict[str, str] | None, use_colour: bool = True) -> MarkStyles:
        styles = cls()
        if not colours or not use_colour:
            return styles
        def colour(kind: str) -> object:
            value = colours.get(kind)
            try:
                return Color.parse(value).rich_color if value else None
            except ColorParseError:
                return None

        return cls(
            variant=Style(underline=True, color=colour("variant")),  # type: ignore[arg-type]
            conflict=Style(reverse=True, bold=True, color=colour("conflict")),  # type: ignore[arg-type]
            agree=Style(bold=True, color=colour("agree")),  # type: ignore[arg-type]
            match=styles.match,
        )


@dataclass
class Discrepancy:
    """One entry of the discrepancies view."""

    kind: str  # "variant" or "conflict"
    title: str
    detail: list[str]
    row_id: str | None
    variant: VariantGroup | None = None
    figures: FigureGroup | None = None
    side_by_side: bool = True  # False: no row holds two of the spellings


class ViewModel:
    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.corpus = comparison.corpus
        self.alignment = comparison.alignment
        self.rows: list[Row] = comparison.alignment.rows
        self.row_index = {r.id: i for i, r in enumerate(self.rows)}
        self.labels = self.corpus.labels()
        self.short = self.corpus.short_ids()
        self.paragraph_text = {p.id: p.text for p in self.corpus.paragraphs()}
        self.rows_of_paragraph: dict[str, list[int]] = defaultdict(list)
        for i, row in enumerate(self.rows):
            for pid in row.paragraphs:
                self.rows_of_paragraph[pid].append(i)

        self._search_terms: dict[str, list[str]] = {}
        self.marks: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for group in comparison.variants:
            for o in self._variant_marks(group):
                self.marks[o.paragraph].append((o.start, o.end, "variant"))
        for fig_group in comparison.figures:
            kind = "conflict" if fig_group.status == "conflict" else "agree"
            for m in fig_group.mentions:
                self.marks[m.paragraph].append((m.figure.start, m.figure.end, kind))

        self.row_badges: dict[int, str] = {}  # row index -> the editor's marks, in short
        self.row_mark_notes: dict[int, list[str]] = {}
        self.discrepancy_badges: dict[int, str] = {}  # index into discrepancies -> marks, in short
        self.row_notes: dict[int, list[str]] = defaultdict(list)
        self.row_has_discrepancy: set[int] = set()
        # row -> the sources that hold the sides of each of its discrepancies, to show side by side
        self.row_side_sets: dict[int, list[list[str]]] = defaultdict(list)
        # and, side set by side set, what the discrepancy is written as: its spellings or its figures
        self.row_side_texts: dict[int, list[list[str]]] = defaultdict(list)
        self.discrepancies: list[Discrepancy] = []
        self._index_variants()
        self._index_figures()

    def _variant_marks(self, group: VariantGroup) -> list:
        """The occurrences of a variant to underline: every one of the rarer
        spellings, and the usual spelling only in rows that also hold a rarer
        one, so that "Nagorno-Karabakh", written so by every source, is not
        underlined in every paragraph because one source once wrote it without
        the hyphen."""
        sources = group.sources_by_form()
        widest = max(len(s) for s in sources.values())
        usual = [form for form, s in sources.items() if len(s) == widest]
        if len(usual) != 1:
            return [o for occ in group.forms.values() for o in occ]
        rare = [o for form, occ in group.forms.items() if form != usual[0] for o in occ]
        rows_with_rare = {i for o in rare for i in self.rows_of_paragraph.get(o.paragraph, [])}
        return rare + [o for o in group.forms[usual[0]]
                       if rows_with_rare.intersection(self.rows_of_paragraph.get(o.paragraph, []))]

    # ------------------------------------------------------------ indexes

    def _index_variants(self) -> None:
        for group in self.comparison.variants:
            forms = group.forms
            paragraph_form = {o.paragraph: form for form, occ in forms.items() for o in occ}
            rows_with_two_forms = []
            for i, row in enumerate(self.rows):
                present = {paragraph_form[p] for p in row.paragraphs if p in paragraph_form}
                if len(present) > 1:
                    rows_with_two_forms.append(i)
                    side_of_form: dict[str, str] = {}
                    for source, pids in row.cells.items():
                        for pid in pids:
                            if pid in paragraph_form:
                                side_of_form.setdefault(paragraph_form[pid], source)
                    self._add_sides(i, list(side_of_form.values()), list(forms))
                    self.row_has_discrepancy.add(i)
                    self.row_notes[i].append(f"spelling {' / '.join(sorted(present))}")
            if not rows_with_two_forms:
                # No row holds two spellings (Pashinian is in one article's rows,
                # Pashinyan in the others'): the rows of the rarer spelling carry it.
                sources = group.sources_by_form()
                rare = min(forms, key=lambda f: (len(sources[f]), len(forms[f]), f))
                elsewhere = " / ".join(f for f in forms if f != rare)
                rare_paragraphs = {o.paragraph for o in forms[rare]}
                for i, row in enumerate(self.rows):
                    if rare_paragraphs & set(row.paragraphs):
                        self.row_has_discrepancy.add(i)
                        self.row_notes[i].append(f"spelling {rare} here, {elsewhere} in other rows")
            first_row = self.rows[rows_with_two_forms[0]].id if rows_with_two_forms else self._first_row_of(
                sorted(rare_paragraphs)
            )
            title = " / ".join(forms)
            detail = [
                f"{form}: " + ", ".join(self.labels[s] for s in sources)
                for form, sources in group.sources_by_form().items()
            ]
            self.discrepancies.append(
                Discrepancy(
                    "variant",
                    f"{group.kind.replace('_', ' ')}: {title}",
                    detail,
                    first_row,
                    variant=group,
                    side_by_side=bool(rows_with_two_forms),
                )
            )

    def _add_sides(self, row: int, sources: list[str], texts: list[str]) -> None:
        if len(set(sources)) > 1:
            self.row_side_sets[row].append(list(dict.fromkeys(sources)))
            self.row_side_texts[row].append(texts)

    def sides_told_as(self, row: int, needle: str, source: str) -> list[str]:
        """The sources of the row's discrepancy that ``source`` is a side of and
        whose spellings or figures hold the searched text ("377" in "377 vs more
        than 1,000"); else of any discrepancy ``source`` is a side of."""
        terms = self.search_terms(needle)
        sets = [(sides, texts) for sides, texts in zip(self.row_side_sets.get(row, []), self.row_side_texts.get(row, []),
                                                        strict=True) if source in sides]
        told = [sides for sides, texts in sets if any(term in text.lower() for text in texts for term in terms)]
        return (told or [sides for sides, _ in sets] or [[]])[0]

    def row_sides(self, row: int) -> list[str]:
        """The sources holding a side of any of the row's discrepancies, first ones first."""
        return list(dict.fromkeys(s for sides in self.row_side_sets.get(row, []) for s in sides))

    def _index_figures(self) -> None:
        for group in self.comparison.figures:
            if group.status != "conflict":
                for row_id in group.rows:
                    values = " = ".join(dict.fromkeys(m.figure.text for m in group.mentions))
                    self.row_notes[self.row_index[row_id]].append(f"agree {values}")
                continue
            values = " vs ".join(dict.fromkeys(m.figure.text for m in group.mentions))
            pairs = group.conflicting_pairs() if len(group.rows) else []
            for row_id in group.rows:
                i = self.row_index[row_id]
                self.row_has_discrepancy.add(i)
                here = set(self.rows[i].paragraphs)
                present = [m for m in group.mentions if m.paragraph in here]
                shown = list(dict.fromkeys(m.figure.text for m in present))
                elsewhere = [v for v in dict.fromkeys(m.figure.text for m in group.mentions) if v not in shown]
                note = f"conflict {group.about}: {' vs '.join(shown)}"
                if elsewhere:
                    note += f" (against {', '.join(elsewhere)} in other rows)" if len(shown) < 2 else f" vs {' vs '.join(elsewhere)} in other rows"
                self.row_notes[i].append(note)
                # Show first two sources that disagree, not two that agree.
                first = next(((a, b) for a, b, _ in pairs if a.paragraph in here and b.paragraph in here), None)
                if first:
                    present = [*first, *present]
                self._add_sides(i, [m.source for m in present], [m.figure.text for m in group.mentions])
            detail = [f"{self.labels[q.source]} {self.paragraph_label(q.paragraph)}: “{q.sentence}”" for q in group.quotes()]
            detail += [f"why: {r}" for r in group.reasons]
            self.discrepancies.append(
                Discrepancy(
                    "conflict",
                    f"{group.about}: {values}",
                    detail,
                    group.rows[0] if group.rows else None,
                    figures=group,
                )
            )
        self.discrepancies.sort(key=lambda d: (self.row_index.get(d.row_id or "", 1 << 30), d.kind, d.title))

    def _first_row_of(self, paragraph_ids: list[str]) -> str | None:
        best = None
        for pid in paragraph_ids:
            for i in self.rows_of_paragraph.get(pid, []):
                if best is None or (len(self.rows[i].sources), -i) > (len(self.rows[best].sources), -best):
                    best = i
        return self.rows[best].id if best is not None else None

    # ------------------------------------------------------------ text

    def shared_rows(self, paragraph_id: str) -> list[int]:
        """The rows a paragraph shares with other sources."""
        return [r for r in self.rows_of_paragraph.get(paragraph_id, []) if len(self.rows[r].sources) > 1]

    def nearest_paragraph(self, row: int, source: str) -> str | None:
        """The source's paragraph in a row, else in the nearest row (in reading
        order) that holds one: where to open that article from the row."""
        for distance in range(len(self.rows)):
            for index in (row - distance, row + distance):
                if 0 <= index < len(self.rows) and self.rows[index].cells.get(source):
                    return self.rows[index].cells[source][0]
        return None

    def row_to_open(self, paragraph_id: str) -> int | None:
        """The row to go to from a paragraph: the first it shares, else its own."""
        rows = self.shared_rows(paragraph_id) or self.rows_of_paragraph.get(paragraph_id, [])
        return rows[0] if rows else None

    def paragraph_label(self, paragraph_id: str) -> str:
        return "p" + paragraph_id.rsplit(":p", 1)[1]

    def styled_paragraph(self, paragraph_id: str, styles: MarkStyles, search: str = "") -> Text:
        text = Text(self.paragraph_text[paragraph_id])
        for start, end, kind in sorted(self.marks.get(paragraph_id, ())):
            text.stylize(getattr(styles, kind), start, end)
        if search:
            lower = text.plain.lower()
            for needle in self.search_terms(search):
                start = lower.find(needle)
                while start >= 0:
                    text.stylize(styles.match, start, start + len(needle))
                    start = lower.find(needle, start + len(needle))
        return text

    def search_terms(self, needle: str) -> list[str]:
        """What a search finds, lower-cased: the text, and when it is one
        spelling of a variant, the others too (Pashinian finds Pashinyan)."""
        if needle not in self._search_terms:  # asked for every row and every paragraph drawn
            terms = [needle.lower()]
            terms += [form.lower() for form in self.other_spellings(needle) if form.lower() not in terms]
            self._search_terms[needle] = terms
        return self._search_terms[needle]

    def other_spellings(self, word: str) -> list[str]:
        """The other spellings of a variant that ``word`` is one spelling of."""
        found: list[str] = []
        for group in self.comparison.variants:
            if any(fold(form) == fold(word) for form in group.forms):
                found += [form for form in group.forms if fold(form) != fold(word) and form not in found]
        return found

    def row_detail(self, index: int, context: list[str] | None = None) -> str:
        """The status line of a row: where it is, its marks and discrepancies,
        then ``context`` (filters, search), and its evidence last, as the line
        is cut at three lines on a small terminal."""
        row = self.rows[index]
        parts = [f"row {index + 1}/{len(self.rows)}"]
        parts.append("sources " + ", ".join(self.short[s] for s in row.sources))
        parts += self.row_mark_notes.get(index, [])
        parts += self.row_notes.get(index, [])
        parts += context or []
        if row.evidence:
            parts.append("evidence: " + "; ".join(row.evidence))
        return " · ".join(parts)

    def row_matches(self, index: int, needle: str) -> bool:
        return bool(self.sources_matching(index, needle))

    def sources_matching(self, index: int, needle: str) -> list[str]:
        """The sources whose paragraphs in a row contain the text."""
        terms = self.search_terms(needle)
        return [
            s for s, pids in self.rows[index].cells.items()
            if any(term in self.paragraph_text[p].lower() for p in pids for term in terms)
        ]
