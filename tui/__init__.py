"""Parallax: line up news reports of one event and show where they disagree."""

__version__ = "0.1.0"
