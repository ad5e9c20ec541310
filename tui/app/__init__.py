"""The Textual reader. The only part of Parallax that imports textual or rich."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..engine.corpus import Corpus
    from .app import ParallaxApp


def create_app(corpus: Corpus, **options: Any) -> ParallaxApp:
    """The one app factory, used by the command, the tests and screenshots."""
    from .app import ParallaxApp

    return ParallaxApp(corpus, **options)
