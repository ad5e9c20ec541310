"""An editor's review marks: checked, disputed or needs-source, with a note, on
a row or a discrepancy.

Marks are anchored to the text they are about (hashes of the paragraphs, the
spellings, the figures), never to row positions, so they survive re-alignment
and edits to other articles. A mark whose paragraphs changed is *orphaned*:
kept and shown, never dropped. Every change is saved at once, atomically.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .align import Row
from .compare import Comparison, FigureGroup
from .corpus import Corpus
from .fileio import atomic_write_text, load_yaml
from .variants import VariantGroup

STATUSES = ("checked", "disputed", "needs-source")
TARGETS = ("row", "variant", "figures")
REVIEW_VERSION = 1
REVIEW_FOLDER = ".parallax"
REVIEW_FILE = "review.yaml"


def text_hash(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class Anchor:
    """What a mark is about, by content."""

    paragraphs: list[dict[str, str]] = field(default_factory=list)  # {source, hash, text}
    forms: list[str] = field(default_factory=list)  # variant spellings
    figures: list[str] = field(default_factory=list)  # figure texts

    def to_dict(self) -> dict:
        out: dict = {"paragraphs": self.paragraphs}
        if self.forms:
            out["forms"] = self.forms
        if self.figures:
            out["figures"] = self.figures
        return out

    @classmethod
    def from_dict(cls, data: object) -> Anchor:
        if not isinstance(data, dict):
            raise ValueError("anchor must be a mapping")
        paragraphs = data.get("paragraphs") or []
        if not isinstance(paragraphs, list) or not all(isinstance(p, dict) and "hash" in p for p in paragraphs):
            raise ValueError("anchor.paragraphs must be a list of {source, hash, text}")
        return cls(
            paragraphs=[{k: str(v) for k, v in p.items()} for p in paragraphs],
            forms=[str(f) for f in data.get("forms") or []],
            figures=[str(f) for f in data.get("figures") or []],
        )

    @property
    def key(self) -> tuple:
        return (tuple(sorted(p["hash"] for p in self.paragraphs)), tuple(sorted(self.forms)), tuple(sorted(self.figures)))


@dataclass
class Mark:
    id: str
    target: str  # row, variant or figures
    anchor: Anchor
    status: str | None = None
    note: str = ""
    created: str = field(default_factory=_now)
    updated: str = field(default_factory=_now)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "target": self.target,
            "status": self.status,
            "note": self.note,
            "created": self.created,
            "updated": self.updated,
            "anchor": self.anchor.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: object) -> Mark:
        if not isinstance(data, dict):
            raise ValueError("a mark must be a mapping")
        target = data.get("target")
        status = data.get("status")
        if target not in TARGETS:
            raise ValueError(f"unknown target {target!r}")
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        return cls(
            id=str(data.get("id") or f"m-{uuid.uuid4().hex[:10]}"),
            target=target,
            anchor=Anchor.from_dict(data.get("anchor")),
            status=status,
            note=str(data.get("note") or ""),
            created=str(data.get("created") or _now()),
            updated=str(data.get("updated") or _now()),
        )

    @property
    def label(self) -> str:
        parts = []
        if self.status:
            parts.append(self.status)
        if self.note:
            parts.append("note")
        return " + ".join(parts) or "note"


# ---------------------------------------------------------------- anchors


def _paragraph_anchor(corpus: Corpus, paragraph_ids: list[str]) -> list[dict[str, str]]:
    out = []
    for pid in paragraph_ids:
        p = corpus.paragraph(pid)
        out.append({"source": p.source_id, "hash": text_hash(p.text), "text": p.text[:80]})
    return out


def row_anchor(corpus: Corpus, row: Row) -> Anchor:
    return Anchor(paragraphs=_paragraph_anchor(corpus, row.paragraphs))


def variant_anchor(corpus: Corpus, group: VariantGroup) -> Anchor:
    paragraphs = sorted({o.paragraph for occ in group.forms.values() for o in occ})
    return Anchor(paragraphs=_paragraph_anchor(corpus, paragraphs), forms=sorted(group.forms))


def figures_anchor(corpus: Corpus, group: FigureGroup) -> Anchor:
    paragraphs = sorted({m.paragraph for m in group.mentions})
    return Anchor(
        paragraphs=_paragraph_anchor(corpus, paragraphs), figures=sorted({m.figure.text for m in group.mentions})
    )


@dataclass
class Resolution:
    """Where each mark attaches in the current comparison."""

    rows: dict[str, list[Mark]]  # row id -> marks on that row
    variants: dict[int, list[Mark]]  # index into comparison.variants -> marks
    figures: dict[int, list[Mark]]  # index into comparison.figures -> marks
    orphaned: list[Mark]
    row_of_mark: dict[str, str]  # mark id -> the row it shows on


def resolve(marks: list[Mark], corpus: Corpus, comparison: Comparison) -> Resolution:
    """Attach marks to the current rows and discrepancies by their anchors."""
    by_hash: dict[str, list[str]] = {}
    for p in corpus.paragraphs():
        by_hash.setdefault(text_hash(p.text), []).append(p.id)
    rows = comparison.alignment.rows
    rows_of: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        for pid in row.paragraphs:
            rows_of.setdefault(pid, []).append(i)
    variant_keys = {tuple(sorted(g.forms)): i for i, g in enumerate(comparison.variants)}
    figure_keys: dict[tuple[str, ...], int] = {}
    for i, g in enumerate(comparison.figures):
        figure_keys.setdefault(tuple(sorted({m.figure.text for m in g.mentions})), i)

    out = Resolution({}, {}, {}, [], {})
    for mark in marks:
        found = [by_hash.get(p["hash"]) for p in mark.anchor.paragraphs]
        if not found or any(f is None for f in found):
            out.orphaned.append(mark)
            continue
        paragraphs = {pid for ids in found for pid in ids or []}
        if mark.target == "variant":
            index = variant_keys.get(tuple(sorted(mark.anchor.forms)))
            if index is None:
                out.orphaned.append(mark)
                continue
            out.variants.setdefault(index, []).append(mark)
        elif mark.target == "figures":
            index = figure_keys.get(tuple(sorted(mark.anchor.figures)))
            if index is None:
                index = _best_figure_group(comparison, mark, paragraphs)
            if index is None:
                out.orphaned.append(mark)
                continue
            out.figures.setdefault(index, []).append(mark)
        # The row holding most of the mark's paragraphs; a shared row, then the earliest, wins a tie.
        overlap = Counter(i for pid in paragraphs for i in rows_of.get(pid, []))
        if not overlap:
            if mark.target == "row":
                out.orphaned.append(mark)
            continue
        best = rows[max(overlap, key=lambda i: (overlap[i], len(rows[i].sources) > 1, -i))]
        out.row_of_mark[mark.id] = best.id
        if mark.target == "row":
            out.rows.setdefault(best.id, []).append(mark)
    return out


def _best_figure_group(comparison: Comparison, mark: Mark, paragraphs: set[str]) -> int | None:
    wanted = set(mark.anchor.figures)
    best = None
    for i, g in enumerate(comparison.figures):
        texts = {m.figure.text for m in g.mentions}
        overlap = len(wanted & texts)
        if overlap >= 2 and {m.paragraph for m in g.mentions} & paragraphs:
            if best is None or overlap > best[0]:
                best = (overlap, i)
    return best[1] if best else None


# ---------------------------------------------------------------- storage


class ReviewError(Exception):
    """The review file cannot be used; the message says why and what was done."""


def user_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "parallax"


def default_review_path(corpus: Corpus) -> tuple[Path, str | None]:
    """The review file for a corpus, and a note when it is not beside the corpus.

    Beside the corpus (``<corpus>/.parallax/review.yaml``) when that folder can
    be written; otherwise in the user's data folder, keyed by the corpus path.
    """
    root = corpus.root or Path.cwd()
    folder = root / REVIEW_FOLDER
    if _writable(folder):
        return folder / REVIEW_FILE, None
    key = hashlib.sha1(str(root.resolve()).encode("utf-8")).hexdigest()[:12]
    path = user_data_dir() / "reviews" / f"{root.name or 'corpus'}-{key}" / REVIEW_FILE
    return path, f"{root} cannot be written; review marks are kept in {path}"


def _writable(folder: Path) -> bool:
    if folder.exists():
        return folder.is_dir() and os.access(folder, os.W_OK)
    parent = folder.parent
    return parent.is_dir() and os.access(parent, os.W_OK) and not _inside_site_packages(parent)


def _inside_site_packages(path: Path) -> bool:
    return any(part in ("site-packages", "dist-packages") for part in path.resolve().parts)


class ReviewStore:
    """The marks of one corpus and the file they live in."""

    def __init__(self, path: Path | None) -> None:
        """``path`` None keeps the marks in memory only (tests, scripts)."""
        self.path = Path(path) if path is not None else None
        self.marks: list[Mark] = []
        self.session: dict = {}
        self.messages: list[str] = []
        self.read_only = False
        self.unsaved = False

    # ------------------------------------------------------------ loading

    @classmethod
    def open(cls, path: Path, *, reading_only: bool = False) -> ReviewStore:
        """Load the marks; nothing raises. A damaged file is kept: the app
        sets it aside as a backup before it saves again, and a reader
        (``reading_only``: the report) leaves it where it is. A mark that
        cannot be read is skipped with a message; the others load."""
        store = cls(path)
        store.read_only = reading_only
        assert store.path is not None
        try:
            raw = store.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return store
        except (OSError, UnicodeDecodeError) as exc:
            store.read_only = True
            store.messages.append(
                f"Review file {store.path} cannot be read ({_reason(exc)}); marks are not saved this session."
            )
            return store
        try:
            skipped = store._parse(raw)
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            store.marks, store.session = [], {}
            if reading_only:
                store.messages.append(f"Review file {store.path} is damaged ({_short(exc)}); it has no marks to show.")
                return store
            backup = store._backup_corrupt()
            where = f"kept as {backup}" if backup else "left in place (it could not be copied)"
            store.messages.append(f"Review file {store.path} is damaged ({_short(exc)}); it was {where}. Starting with no marks.")
            if backup is None:
                store.read_only = True
            return store
        if skipped:
            count, first = len(skipped), skipped[0]
            what = f"{count} mark{'s' if count > 1 else ''} could not be read ({first})"
            if reading_only:
                store.messages.append(f"Review file {store.path}: {what}; the other marks are shown.")
            else:
                backup = store._backup_copy()
                if backup is None:
                    store.read_only = True  # saving would lose the unread marks
                    store.messages.append(f"Review file {store.path}: {what}; marks are not saved this session.")
                else:
                    store.messages.append(f"Review file {store.path}: {what}; the file as it was is kept as {backup}.")
        return store

    def _parse(self, raw: str) -> list[str]:
        """Read the file; the reasons of the marks that could not be read."""
        data = load_yaml(raw)
        if data is None:
            return []
        if not isinstance(data, dict) or not isinstance(data.get("marks", []), list):
            raise ValueError("expected a mapping with a 'marks' list")
        skipped: list[str] = []
        self.marks = []
        for number, item in enumerate(data.get("marks") or [], 1):
            try:
                self.marks.append(Mark.from_dict(item))
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                skipped.append(f"mark {number}: {_short(exc)}")
        session = data.get("session") or {}
        self.session = session if isinstance(session, dict) else {}
        return skipped

    def _backup_copy(self) -> Path | None:
        """Copy the file as it is beside it; the copy's path, or None."""
        return self._backup(lambda src, dst: atomic_write_text(dst, src.read_text(encoding="utf-8")))

    def _backup_corrupt(self) -> Path | None:
        """Move the file aside; the new path, or None."""
        return self._backup(os.replace)

    def _backup(self, keep: Callable[[Path, Path], object]) -> Path | None:
        assert self.path is not None
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            keep(self.path, backup)
        except OSError:
            return None
        return backup

    # ------------------------------------------------------------ saving

    def dump(self) -> str:
        data = {
            "version": REVIEW_VERSION,
            "marks": [m.to_dict() for m in self.marks],
        }
        if self.session:
            data["session"] = self.session
        header = "# Parallax review marks. Written by the app on every change; safe to edit with care.\n"
        return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)

    def save(self) -> bool:
        """Write the file atomically. On failure the store turns read-only,
        keeps the marks in memory and says why; returns whether it saved."""
        if self.path is None:
            return True
        if self.read_only:
            self.unsaved = True
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, self.dump())
        except OSError as exc:
            self.read_only = True
            self.unsaved = True
            self.messages.append(
                f"Cannot save review marks to {self.path} ({_reason(exc)}); working read-only, marks are not saved."
            )
            return False
        self.unsaved = False
        return True

    # ------------------------------------------------------------ editing

    def find(self, target: str, anchor: Anchor) -> Mark | None:
        for mark in self.marks:
            if mark.target == target and mark.anchor.key == anchor.key:
                return mark
        return None

    def set_mark(self, target: str, anchor: Anchor, status: str | None, note: str) -> Mark | None:
        """Create, change or (with no status and no note) remove a mark; saves."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        mark = self.find(target, anchor)
        note = note.strip()
        if status is None and not note:
            if mark is not None:
                self.marks.remove(mark)
                self.save()
            return None
        if mark is None:
            mark = Mark(id=f"m-{uuid.uuid4().hex[:10]}", target=target, anchor=anchor)
            self.marks.append(mark)
        mark.status = status
        mark.note = note
        mark.updated = _now()
        self.save()
        return mark

    def remove(self, mark: Mark) -> None:
        if mark in self.marks:
            self.marks.remove(mark)
            self.save()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return exc.__class__.__name__


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 120 else text[:117] + "…"
