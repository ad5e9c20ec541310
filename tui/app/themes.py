"""Colour themes: YAML files turned into Textual `Theme`s, checked on load.

A theme file looks like::

    name: parallax-dark        # unique; letters, digits, '-' and '_'
    dark: true                 # optional, default true
    ansi: false                # optional: true for a terminal-palette theme
    colors:                    # Textual Theme colours; primary is required
      primary: "#5fafff"
      ...
    variables:                 # optional Textual theme variables, plus the marks
      variant-mark: "#d7afff"
      conflict-mark: "#ff8787"
      agree-mark: "#87d787"

Bundled themes come first, then the user's folder
(``$XDG_CONFIG_HOME/parallax/themes``); a user theme with the name of a
bundled one replaces it. A broken file never raises: it gives a one-line
message in `ThemeLoad.errors` and is skipped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from textual.color import Color, ColorParseError
from textual.css.stylesheet import Stylesheet
from textual.theme import Theme

from ..engine.fileio import load_yaml

DEFAULT_THEME = "parallax-dark"

MARK_KINDS = ("variant", "conflict", "agree")
"""The three kinds of marked spans; each theme gives a colour per kind."""

MARK_VARIABLES = {kind: f"{kind}-mark" for kind in MARK_KINDS}
"""Mark kind -> name of the theme variable holding its colour (e.g. ``$variant-mark`` in CSS)."""

# Colour fields of textual.theme.Theme, in its own order.
COLOR_FIELDS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
TOP_LEVEL_KEYS = ("name", "dark", "ansi", "luminosity_spread", "text_alpha", "colors", "variables")
THEME_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 256 * 1024

_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
_VARIABLE_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")

# Where a theme gives no mark colour, it falls back to one of its own colours.
_MARK_FALLBACKS = {
    "variant": ("accent", "secondary", "primary"),
    "conflict": ("error", "primary"),
    "agree": ("success", "primary"),
}


@dataclass
class ThemeLoad:
    """The outcome of loading every theme file."""

    themes: dict[str, Theme] = field(default_factory=dict)
    """Themes by name, bundled ones first, each folder in file-name order."""
    marks: dict[str, dict[str, str]] = field(default_factory=dict)
    """Theme name -> {"variant": colour, "conflict": colour, "agree": colour}."""
    errors: list[str] = field(default_factory=list)
    """One line per problem, naming the file and the field."""


class _ThemeError(Exception):
    """A problem with one theme file; the message excludes the file name."""


def theme_marks(theme: Theme) -> dict[str, str]:
    """The mark colours of any theme, Textual's built-in ones included.

    Taken from the theme's ``variant-mark``/``conflict-mark``/``agree-mark``
    variables; a missing one falls back to the theme's accent, error or
    success colour (then secondary, then primary).
    """
    marks = {}
    for kind, variable in MARK_VARIABLES.items():
        colour = theme.variables.get(variable)
        if colour is None:
            colour = next(
                value for value in (getattr(theme, f) for f in _MARK_FALLBACKS[kind]) if value is not None
            )
        marks[kind] = colour
    return marks


def _package_dir() -> Path:
    return Path(__file__).resolve().parent.parent


def bundled_theme_dir() -> Path:
    """The themes shipped with Parallax: ``tui/themes`` in an installed wheel, else the checkout's ``themes/``."""
    installed = _package_dir() / "themes"
    if installed.is_dir():
        return installed
    return _package_dir().parent / "themes"


def user_theme_dir() -> Path:
    """``$XDG_CONFIG_HOME/parallax/themes``, by default ``~/.config/parallax/themes``."""
    config = os.environ.get("XDG_CONFIG_HOME", "")
    # The XDG spec says a relative path is invalid and must be ignored.
    base = Path(config) if config and os.path.isabs(config) else Path(os.path.expanduser("~")) / ".config"
    return base / "parallax" / "themes"


def theme_dirs() -> list[Path]:
    """Folders searched for themes, lowest priority first."""
    return [bundled_theme_dir(), user_theme_dir()]


def load_themes(dirs: Sequence[Path] | None = None) -> ThemeLoad:
    """Load every ``*.yaml``/``*.yml`` file in `dirs` (default `theme_dirs()`).

    Later folders override earlier ones by theme name. Never raises: each
    problem is one line in `ThemeLoad.errors` and that file is skipped.
    """
    if dirs is None:
        dirs = theme_dirs()
    bundled = _resolved(bundled_theme_dir())
    result = ThemeLoad()
    for directory in dirs:
        directory = Path(directory)
        is_bundled = _resolved(directory) == bundled
        seen_here: dict[str, str] = {}
        for path in _theme_files(directory, result.errors):
            label = _label(path, is_bundled)
            try:
                theme, marks = _load_file(path)
            except _ThemeError as error:
                result.errors.append(f"{label}: {error}; theme skipped")
                continue
            if theme.name in seen_here:
                result.errors.append(
                    f"{label}: name: {theme.name!r} is already used by {seen_here[theme.name]}; theme skipped"
                )
                continue
            seen_here[theme.name] = label
            result.themes[theme.name] = theme
            result.marks[theme.name] = marks
    return result


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def _label(path: Path, is_bundled: bool) -> str:
    if is_bundled:
        return f"themes/{path.name}"
    home = os.path.expanduser("~")
    text = str(path)
    if home not in ("", "/") and text.startswith(home + os.sep):
        return "~" + text[len(home) :]
    return text


def _theme_files(directory: Path, errors: list[str]) -> list[Path]:
    try:
        if not directory.is_dir():
            return []
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as error:
        errors.append(f"{_label(directory, False)}: cannot read folder ({_reason(error)}); skipped")
        return []
    files = []
    for entry in entries:
        if entry.name.startswith(".") or entry.suffix.lower() not in THEME_SUFFIXES:
            continue
        try:
            if entry.is_dir():
                continue
        except OSError:
            pass  # reported when the file is read
        files.append(entry)
    return files


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _load_file(path: Path) -> tuple[Theme, dict[str, str]]:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _ThemeError(f"cannot read file ({_reason(error)})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise _ThemeError(f"file is larger than {MAX_FILE_BYTES // 1024} KiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _ThemeError(f"not UTF-8 text (bad byte at offset {error.start})") from None
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        raise _ThemeError(_yaml_message(error)) from None
    return _build_theme(data)


def _yaml_message(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "syntax error"
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        return f"invalid YAML{where}: {_one_line(problem)}"
    return f"invalid YAML: {_one_line(str(error))}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _show(value: Any) -> str:
    """A short, single-line rendering of a user's value for a message."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _parse_color(where: str, value: Any) -> str:
    if value is None:
        raise _ThemeError(f'{where}: no value (quote colours: "#rrggbb"; an unquoted # starts a comment)')
    if not isinstance(value, str):
        raise _ThemeError(f"{where}: {_show(value)} is not a colour (expected text such as \"#5fafff\")")
    try:
        Color.parse(value.strip())
    except ColorParseError:
        raise _ThemeError(f"{where}: {_show(value)} is not a colour") from None
    return value.strip()


def _check_variable(key: str, value: Any) -> str:
    """A Textual theme variable: a text style if its name has a "style" part, else a colour.

    Checked the way Textual will use it, so a bad value cannot break the app's CSS later.
    """
    where = f"variables.{key}"
    is_style = "style" in key.split("-")
    expected = 'a text style (such as "bold underline")' if is_style else 'a colour (such as "#5fafff" or "#5fafff 40%")'
    if value is None:
        raise _ThemeError(f"{where}: no value (expected {expected}; quote colours, an unquoted # starts a comment)")
    if not isinstance(value, str):
        raise _ThemeError(f"{where}: expected {expected}, got {_type_name(value)} {_show(value)}")
    value = value.strip()
    valid = bool(value) and not any(c in value for c in ";{}$\n\r")
    if valid:
        stylesheet = Stylesheet(variables={"value": value})
        stylesheet.add_source(f"Widget {{ {'link-style' if is_style else 'color'}: $value; }}")
        try:
            stylesheet.parse()
        except Exception:  # StylesheetParseError, or a tokenizer error
            valid = False
    if not valid:
        raise _ThemeError(f"{where}: {_show(value)} is not {expected}")
    return value


def _expect_bool(where: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _ThemeError(f"{where}: expected true or false, got {_type_name(value)} {_show(value)}")
    return value


def _expect_fraction(where: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise _ThemeError(f"{where}: expected a number from 0 to 1, got {_show(value)}")
    return float(value)


def _build_theme(data: Any) -> tuple[Theme, dict[str, str]]:
    if data is None:
        raise _ThemeError("file is empty (expected a mapping of theme fields)")
    if not isinstance(data, Mapping):
        raise _ThemeError(f"expected a mapping of theme fields, got {_type_name(data)}")

    unknown = [str(key) for key in data if key not in TOP_LEVEL_KEYS]
    if unknown:
        raise _ThemeError(
            f"unknown field {_show(unknown[0])} (allowed: {', '.join(TOP_LEVEL_KEYS)})"
        )

    name = data.get("name")
    if name is None:
        raise _ThemeError("name: missing")
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise _ThemeError(f"name: {_show(name)} is not a valid name (letters, digits, '-' and '_')")

    options: dict[str, Any] = {}
    if "dark" in data:
        options["dark"] = _expect_bool("dark", data["dark"])
    if "ansi" in data:
        options["ansi"] = _expect_bool("ansi", data["ansi"])
    for key in ("luminosity_spread", "text_alpha"):
        if key in data:
            options[key] = _expect_fraction(key, data[key])

    colors_data = data.get("colors")
    if colors_data is None:
        raise _ThemeError("colors: missing (at least colors.primary is needed)")
    if not isinstance(colors_data, Mapping):
        raise _ThemeError(f"colors: expected a mapping, got {_type_name(colors_data)}")
    colors: dict[str, str] = {}
    for key, value in colors_data.items():
        if key not in COLOR_FIELDS:
            raise _ThemeError(f"colors: unknown field {_show(key)} (allowed: {', '.join(COLOR_FIELDS)})")
        colors[key] = _parse_color(f"colors.{key}", value)
    if "primary" not in colors:
        raise _ThemeError("colors.primary: missing")

    variables_data = data.get("variables")
    if variables_data is None:
        variables_data = {}
    if not isinstance(variables_data, Mapping):
        raise _ThemeError(f"variables: expected a mapping, got {_type_name(variables_data)}")
    variables: dict[str, str] = {}
    mark_names = set(MARK_VARIABLES.values())
    for key, value in variables_data.items():
        if not isinstance(key, str) or not _VARIABLE_RE.match(key):
            raise _ThemeError(f"variables: {_show(key)} is not a valid variable name")
        if key in mark_names:
            variables[key] = _parse_color(f"variables.{key}", value)
        else:
            variables[key] = _check_variable(key, value)

    theme = Theme(name=name, **colors, **options, variables=variables)  # type: ignore[arg-type]
    marks = theme_marks(theme)
    for kind, variable in MARK_VARIABLES.items():
        # Every Parallax theme defines all three, so CSS may use $variant-mark etc.
        theme.variables[variable] = marks[kind]
    try:
        # What App.theme = name will do; catches anything Textual rejects later.
        theme.to_color_system().generate()
    except Exception as error:  # Textual's errors vary; a theme must never crash the app
        raise _ThemeError(f"Textual rejected the theme ({_one_line(str(error)) or type(error).__name__})") from None
    return theme, marks
