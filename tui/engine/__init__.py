"""The engine: corpus, evidence, align, compare, review, export.

Nothing under this package may import textual or rich; the CLI, the export
and the tests use it without a terminal.
"""
