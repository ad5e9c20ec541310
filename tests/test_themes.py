"""YAML themes: the bundled ones load cleanly, broken files are reported and skipped."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from rich.style import Style
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import DataTable, Footer, Input, Static

from tui.app.themes import (
    DEFAULT_THEME,
    MARK_KINDS,
    ThemeLoad,
    bundled_theme_dir,
    load_themes,
    theme_dirs,
    theme_marks,
    user_theme_dir,
)

ROOT = Path(__file__).resolve().parent.parent
THEMES = ROOT / "themes"
BUNDLED_NAMES = {"parallax-dark", "parallax-light", "parallax-high-contrast", "parallax-ansi"}
MARK_VARIABLES = ("variant-mark", "conflict-mark", "agree-mark")


def _bundled() -> ThemeLoad:
    return load_themes([THEMES])


def _contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two colours."""

    def luminance(text: str) -> float:
        colour = Color.parse(text)

        def channel(value: int) -> float:
            v = value / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def good_dir(tmp_path: Path) -> Path:
    """A folder holding copies of the four bundled themes."""
    folder = tmp_path / "themes"
    shutil.copytree(THEMES, folder)
    return folder


# --- the bundled themes -------------------------------------------------------


def test_bundled_themes_load_without_errors():
    load = _bundled()
    assert load.errors == []
    assert set(load.themes) == BUNDLED_NAMES
    assert len({theme.name for theme in load.themes.values()}) == 4
    assert DEFAULT_THEME in load.themes
    assert all(name == theme.name for name, theme in load.themes.items())


def test_theme_dirs_start_with_the_bundled_folder():
    dirs = theme_dirs()
    assert dirs[0] == bundled_theme_dir()
    assert dirs[0].resolve() == THEMES.resolve()  # in a checkout
    assert dirs[-1] == user_theme_dir()


def test_default_dirs_load_the_bundled_themes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "empty-config"))
    load = load_themes()
    assert load.errors == []
    assert set(load.themes) == BUNDLED_NAMES


def test_load_order_is_stable():
    assert list(_bundled().themes) == list(_bundled().themes)


@pytest.mark.parametrize("path", sorted(THEMES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_bundled_file_gives_all_three_marks_itself(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    variables = data["variables"]
    for variable in MARK_VARIABLES:
        assert variable in variables, f"{path.name} lacks {variable}"
        Color.parse(variables[variable])


def test_every_bundled_theme_has_three_distinct_mark_colours():
    load = _bundled()
    assert set(load.marks) == set(load.themes)
    for name, marks in load.marks.items():
        assert tuple(marks) == MARK_KINDS
        assert len(set(marks.values())) == 3, name
        for colour in marks.values():
            # How the app turns a mark colour into a Rich style.
            Style(color=Color.parse(colour).rich_color, underline=True)
        theme = load.themes[name]
        assert [theme.variables[v] for v in MARK_VARIABLES] == list(marks.values())
        assert theme_marks(theme) == marks


def test_truecolour_themes_have_readable_marks():
    load = _bundled()
    for name, theme in load.themes.items():
        if theme.ansi:
            continue
        for kind, colour in load.marks[name].items():
            for ground in (theme.background, theme.surface):
                assert _contrast(colour, ground) >= 4.5, (name, kind, colour, ground)


def test_high_contrast_theme_is_black_and_white_with_strong_colours():
    theme = _bundled().themes["parallax-high-contrast"]
    assert theme.dark
    assert Color.parse(theme.background) == Color.parse("#000000")
    assert Color.parse(theme.foreground) == Color.parse("#ffffff")
    marks = _bundled().marks["parallax-high-contrast"]
    for colour in [theme.primary, theme.secondary, theme.accent, theme.warning, theme.error, theme.success,
                   *marks.values()]:
        assert _contrast(colour, theme.background) >= 7, colour


def test_light_theme_is_light():
    theme = _bundled().themes["parallax-light"]
    assert not theme.dark
    assert _contrast(theme.foreground, theme.background) >= 7


def test_ansi_theme_uses_only_the_terminal_palette():
    theme = _bundled().themes["parallax-ansi"]
    assert theme.ansi, "without ansi: true Textual converts ANSI colours to RGB"
    fields = ("primary", "secondary", "warning", "error", "success", "accent",
              "foreground", "background", "surface", "panel", "boost")
    for field in fields:
        value = getattr(theme, field)
        assert value is None or value.startswith("ansi_"), (field, value)
    for key, value in theme.variables.items():
        if "style" in key.split("-"):
            continue
        assert value.startswith("ansi_"), (key, value)


# --- broken files ---------------------------------------------------------------

BROKEN = {
    "bad-yaml.yaml": (b"name: broken\ncolors: [primary: '#fff'\n", "invalid YAML"),
    "no-name.yaml": (b"colors:\n  primary: '#5fafff'\n", "name: missing"),
    "bad-colour.yaml": (b"name: bad-colour\ncolors:\n  primary: notacolour\n", "colors.primary: 'notacolour' is not a colour"),
    "unknown-top.yaml": (b"name: unknown-top\ncolours:\n  primary: '#5fafff'\n", "unknown field 'colours'"),
    "unknown-colour.yaml": (b"name: unknown-colour\ncolors:\n  primary: '#5fafff'\n  primery: '#000'\n",
                            "colors: unknown field 'primery'"),
    "not-mapping.yaml": (b"- parallax\n- dark\n", "expected a mapping"),
    "scalar.yaml": (b"just words\n", "expected a mapping"),
    "empty.yaml": (b"", "file is empty"),
    "binary.yaml": (bytes(range(256)) * 4, "not UTF-8"),
    "bad-dark.yaml": (b"name: bad-dark\ndark: 'yes'\ncolors:\n  primary: '#5fafff'\n", "dark: expected true or false"),
    "unquoted.yaml": (b"name: unquoted\ncolors:\n  primary: #5fafff\n", "colors.primary: no value"),
    "no-primary.yaml": (b"name: no-primary\ncolors:\n  secondary: '#5fafff'\n", "colors.primary: missing"),
    "bad-name.yaml": (b"name: 'two words'\ncolors:\n  primary: '#5fafff'\n", "name: 'two words' is not a valid name"),
    "bad-mark.yaml": (b"name: bad-mark\ncolors:\n  primary: '#5fafff'\nvariables:\n  agree-mark: bold\n",
                      "variables.agree-mark: 'bold' is not a colour"),
    "bad-variable.yaml": (b"name: bad-variable\ncolors:\n  primary: '#5fafff'\nvariables:\n  border: zzz\n",
                          "variables.border: 'zzz' is not a colour"),
    "bad-style.yaml": (b"name: bad-style\ncolors:\n  primary: '#5fafff'\nvariables:\n  block-cursor-text-style: loud\n",
                       "variables.block-cursor-text-style: 'loud' is not a text style"),
    "injection.yaml": (b"name: injection\ncolors:\n  primary: '#5fafff'\nvariables:\n  border: 'red; } Screen { display: none'\n",
                       "variables.border:"),
}


@pytest.mark.parametrize("filename", sorted(BROKEN))
def test_broken_file_is_reported_and_skipped(good_dir: Path, filename: str):
    content, expected = BROKEN[filename]
    (good_dir / filename).write_bytes(content)
    load = load_themes([good_dir])  # must not raise
    assert len(load.errors) == 1, load.errors
    message = load.errors[0]
    assert filename in message
    assert expected in message
    assert message.endswith("theme skipped")
    assert "\n" not in message
    assert set(load.themes) == BUNDLED_NAMES
    assert set(load.marks) == BUNDLED_NAMES


def test_all_broken_files_at_once(good_dir: Path):
    for filename, (content, _) in BROKEN.items():
        (good_dir / filename).write_bytes(content)
    load = load_themes([good_dir])
    assert len(load.errors) == len(BROKEN)
    assert set(load.themes) == BUNDLED_NAMES


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_reported_and_skipped(good_dir: Path):
    locked = good_dir / "locked.yaml"
    locked.write_text("name: locked\ncolors:\n  primary: '#5fafff'\n", encoding="utf-8")
    locked.chmod(0)
    try:
        load = load_themes([good_dir])
    finally:
        locked.chmod(0o600)
    assert len(load.errors) == 1
    assert "locked.yaml" in load.errors[0] and "cannot read" in load.errors[0]
    assert set(load.themes) == BUNDLED_NAMES


def test_permission_error_is_reported_and_skipped(good_dir: Path, monkeypatch):
    locked = good_dir / "locked.yaml"
    locked.write_text("name: locked\ncolors:\n  primary: '#5fafff'\n", encoding="utf-8")
    real_open = Path.open

    def fake_open(self, *args, **kwargs):
        if self.name == "locked.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake_open)
    load = load_themes([good_dir])
    assert len(load.errors) == 1
    assert "locked.yaml: cannot read file (Permission denied); theme skipped" in load.errors[0]
    assert set(load.themes) == BUNDLED_NAMES


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch):
    real_iterdir = Path.iterdir

    def fake_iterdir(self):
        if self == tmp_path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", fake_iterdir)
    load = load_themes([tmp_path, THEMES])
    assert len(load.errors) == 1
    assert f"{tmp_path.name}: cannot read folder (Permission denied); skipped" in load.errors[0]
    assert set(load.themes) == BUNDLED_NAMES


def test_duplicate_name_in_one_folder_is_reported(good_dir: Path):
    (good_dir / "zz-copy.yaml").write_text("name: parallax-dark\ncolors:\n  primary: '#ff0000'\n", encoding="utf-8")
    load = load_themes([good_dir])
    assert len(load.errors) == 1
    assert "zz-copy.yaml" in load.errors[0] and "already used" in load.errors[0]
    assert load.themes["parallax-dark"].primary == "#5fafff"


def test_missing_folders_and_other_files_are_ignored(tmp_path: Path, good_dir: Path):
    (good_dir / "README.txt").write_text("not a theme", encoding="utf-8")
    (good_dir / "sub.yaml").mkdir()
    load = load_themes([tmp_path / "nowhere", good_dir])
    assert load.errors == []
    assert set(load.themes) == BUNDLED_NAMES


def test_minimal_theme_gets_marks_from_its_own_colours(tmp_path: Path):
    (tmp_path / "mini.yml").write_text(
        "name: mini\ndark: false\ncolors:\n  primary: '#123456'\n  error: '#aa0000'\n", encoding="utf-8"
    )
    load = load_themes([tmp_path])
    assert load.errors == []
    theme = load.themes["mini"]
    assert theme.dark is False
    assert load.marks["mini"] == {"variant": "#123456", "conflict": "#aa0000", "agree": "#123456"}
    assert theme.variables["conflict-mark"] == "#aa0000"


# --- the user's folder ------------------------------------------------------------


def test_user_folder_comes_from_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert user_theme_dir() == tmp_path / "parallax" / "themes"
    assert theme_dirs()[-1] == tmp_path / "parallax" / "themes"


def test_user_folder_defaults_to_dot_config(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    for value in (None, "", "relative/path"):
        if value is None:
            monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_CONFIG_HOME", value)
        assert user_theme_dir() == tmp_path / ".config" / "parallax" / "themes"


def test_user_theme_is_loaded_and_overrides_a_bundled_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    user = tmp_path / "parallax" / "themes"
    user.mkdir(parents=True)
    (user / "my-dark.yaml").write_text(
        "name: parallax-dark\n"
        "colors:\n  primary: '#ff00ff'\n  background: '#101010'\n"
        "variables:\n  variant-mark: '#ffff00'\n  conflict-mark: '#ff0000'\n  agree-mark: '#00ff00'\n",
        encoding="utf-8",
    )
    (user / "mine.yaml").write_text("name: mine\ncolors:\n  primary: '#00ffff'\n", encoding="utf-8")
    (user / "broken.yaml").write_text("name: [\n", encoding="utf-8")

    load = load_themes()
    assert len(load.errors) == 1 and "broken.yaml" in load.errors[0]
    assert set(load.themes) == BUNDLED_NAMES | {"mine"}
    assert load.themes["parallax-dark"].primary == "#ff00ff"
    assert load.marks["parallax-dark"] == {"variant": "#ffff00", "conflict": "#ff0000", "agree": "#00ff00"}
    names = list(load.themes)
    assert names[-1] == "mine"  # user-only themes come after the bundled ones


def test_broken_user_override_keeps_the_bundled_theme(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    user = tmp_path / "parallax" / "themes"
    user.mkdir(parents=True)
    (user / "dark.yaml").write_text("name: parallax-dark\ncolors:\n  primary: nope\n", encoding="utf-8")
    load = load_themes()
    assert len(load.errors) == 1 and "dark.yaml" in load.errors[0]
    assert load.themes["parallax-dark"].primary == "#5fafff"


# --- in Textual ---------------------------------------------------------------------


class ThemeApp(App[None]):
    CSS = """
    #variant { color: $variant-mark; text-style: underline; }
    #conflict { color: $conflict-mark; text-style: reverse bold; }
    #agree { color: $agree-mark; text-style: bold; }
    """

    def __init__(self, load: ThemeLoad) -> None:
        super().__init__()
        self.load = load
        for theme in load.themes.values():
            self.register_theme(theme)
        self.theme = DEFAULT_THEME

    def compose(self) -> ComposeResult:
        table: DataTable[str] = DataTable()
        table.add_columns("source", "figure")
        table.add_row("a", "12")
        yield table
        yield Input(value="text")
        yield Static("variant", id="variant")
        yield Static("conflict", id="conflict")
        yield Static("agree", id="agree")
        yield Footer()


async def test_every_theme_applies_in_a_textual_app():
    load = _bundled()
    app = ThemeApp(load)
    async with app.run_test() as pilot:
        for name in load.themes:
            app.theme = name
            await pilot.pause()
            app.query_one(Input).focus()
            await pilot.pause()
            assert app.theme == name
            assert app.current_theme is load.themes[name]
            assert app.native_ansi_color is load.themes[name].ansi
            assert app.get_css_variables()["variant-mark"] == load.marks[name]["variant"]
        assert app.return_code is None
