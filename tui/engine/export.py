"""The JSON export (docs: ../shared/docs/json-export.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .corpus import Corpus, Source

EXPORT_VERSION = 1


def display_path(path: Path) -> str:
    """The path relative to the working folder when it lies inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def source_to_dict(src: Source) -> dict:
    return {
        "id": src.id,
        "path": display_path(src.path),
        "title": src.title,
        "outlet": src.outlet,
        "date": src.date,
        "author": src.author,
        "url": src.url,
        "encoding": src.encoding,
        "words": src.words,
        "paragraphs": [
            {"id": p.id, "text": p.text, "sentences": [list(s) for s in p.sentences]}
            for p in src.paragraphs
        ],
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in src.removed],
    }


def build_export(corpus: Corpus, comparison: object | None = None) -> dict:
    """The export document. ``comparison`` supplies rows, variants and figures."""
    doc: dict = {
        "version": EXPORT_VERSION,
        "sources": [source_to_dict(s) for s in corpus.sources],
        "rows": [],
        "variants": [],
        "figures": [],
    }
    if comparison is not None:
        doc.update(comparison.to_export())  # type: ignore[attr-defined]
    return doc


def dumps(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
