"""The real ``parallax`` command in a real terminal (tmux) at 80x24."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (CI installs it)")


class Terminal:
    def __init__(self, command: str, width: int = 80, height: int = 24) -> None:
        self.session = f"parallax-test-{uuid.uuid4().hex[:8]}"
        self.socket = self.session
        self._tmux("new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), command)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30)
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.session)

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.session, *keys)

    def wait_for(self, *texts: str, timeout: float = 30.0) -> str:
        """The screen once every text is on it: a capture can catch a frame
        half drawn, its footer painted before its header."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{texts!r} did not all appear; the screen shows:\n{screen}")

    def close(self) -> None:
        self._tmux("kill-server")


@pytest.fixture
def terminal(tmp_path):
    command = (
        f"env XDG_CONFIG_HOME={shlex.quote(str(tmp_path))} {shlex.quote(sys.executable)} -m tui; "
        "echo PARALLAX-EXIT=$?; sleep 30"
    )
    term = Terminal(command)
    yield term
    term.close()


def test_parallax_in_tmux_at_80x24(terminal):
    # The first row (cease fire / ceasefire) is told by 001, 002 and 003: it opens on two of them.
    screen = terminal.wait_for("next≠", "3:002 Washington Post")
    assert "3:002 Washington Post" in screen and "4:003" in screen and "not reported" not in screen.split("── 2")[0]
    assert "row 1/" in screen
    lines = screen.splitlines()
    assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)

    terminal.send("d")
    screen = terminal.wait_for("figure conflicts", "spelling variants", "≈ spelling")
    assert "spelling variants" in screen and "≈ spelling" in screen

    terminal.send("c")
    terminal.wait_for("next≠")
    terminal.send("/")
    time.sleep(0.3)
    terminal.send("377", "Enter")
    screen = terminal.wait_for("conflict people", "more than 1,000")
    # The search pages the columns to the source that has 377 and the one it conflicts with.
    body = screen.split("\n row ")[0]
    assert "377" in body and "more than 1,000" in body
    terminal.send("Escape")  # leaves the search box
    time.sleep(0.6)  # a key right after Escape would read as Alt+key

    terminal.send("?")
    terminal.wait_for("Parallax — keys")
    terminal.send("Escape")
    time.sleep(0.6)  # a key right after Escape would read as Alt+key
    terminal.wait_for("next≠")
    terminal.send("q")
    terminal.wait_for("PARALLAX-EXIT=0")
