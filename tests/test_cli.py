from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tui import __version__
from tui.cli import main

from .conftest import SEEDS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=120)


def test_version_and_help_do_not_load_the_ui():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"parallax {__version__}"
    code = "import sys; from tui.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit: pass\nprint(sorted(m for m in sys.modules if m.split('.')[0] in ('textual','rich','yaml','syntok')))"
    probe = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert probe.stdout.strip().endswith("[]"), probe.stdout


def test_sources_table_lists_every_seed(capsys):
    assert main(["sources"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["source", "outlet", "date", "paragraphs", "words", "removed"]
    assert len(lines) == 2 + 5
    assert "RFE/RL" in out and "Washington Post" in out and "2023-09-24" in out


def test_align_json_follows_the_contract(capsys):
    assert main(["align", str(SEEDS), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["version"] == 1
    assert {"sources", "rows", "variants", "figures"} <= set(doc)
    src = doc["sources"][0]
    assert {"id", "path", "title", "outlet", "date", "paragraphs", "removed"} <= set(src)
    assert src["paragraphs"][0]["id"] == f"{src['id']}:p1"
    assert {"text": "date 2023-09-24", "reason": "metadata"}.items() <= src["removed"][0].items()


def test_align_output_file_and_stable_ids(tmp_path):
    out = tmp_path / "export.json"
    assert main(["align", str(SEEDS), "--output", str(out)]) == 0
    first = out.read_text()
    assert main(["align", *sorted(map(str, SEEDS.glob("*.txt"))), "-o", str(out)]) == 0
    assert json.loads(out.read_text())["sources"] == json.loads(first)["sources"]


def test_failed_output_write_keeps_old_file(tmp_path, capsys, monkeypatch):
    target = tmp_path / "export.json"
    target.write_text("old")

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tui.engine.fileio.os.replace", disk_full)
    assert main(["align", str(SEEDS), "-o", str(target)]) == 1
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]  # no temporary file left
    err = capsys.readouterr().err
    assert "No space left on device" in err and "nothing was changed" in err


def test_output_into_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert main(["align", str(SEEDS), "-o", str(tmp_path / "no" / "such" / "x.json")]) == 1
    assert "cannot write" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: [str(tmp / "missing")], "no such file or folder"),
        (lambda tmp: [str(tmp)], "no readable article"),
        (lambda tmp: _one(tmp), "needs at least 2"),
        (lambda tmp: _binary(tmp), "binary file"),
        (lambda tmp: _undecodable(tmp), "cannot be decoded"),
    ],
    ids=["missing", "empty-folder", "one-article", "binary", "undecodable"],
)
@pytest.mark.parametrize("command", ["sources", "align", "open"])
def test_bad_input_gives_clear_message_and_nonzero_exit(tmp_path, capsys, make, message, command):
    args = make(tmp_path)
    code = main([command, *args]) if command != "open" else main(args)
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("parallax: error:") and message in err


def _one(tmp):
    shutil.copy(SEEDS / "000_325959a8911ed8b1.txt", tmp)
    return [str(tmp)]


def _binary(tmp):
    (tmp / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return [str(tmp / "img.txt"), str(SEEDS / "000_325959a8911ed8b1.txt")]


def _undecodable(tmp):
    (tmp / "bad.txt").write_bytes(b"\x81\x8d\x8f\x90 not text")
    return [str(tmp / "bad.txt"), str(SEEDS / "000_325959a8911ed8b1.txt")]


def test_folder_with_a_bad_file_warns_and_goes_on(tmp_path, capsys):
    for name in ("000_325959a8911ed8b1.txt", "001_42660f7c9533477f.txt"):
        shutil.copy(SEEDS / name, tmp_path)
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["sources", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "parallax: warning:" in captured.err and "img.txt: is a binary file" in captured.err
    assert "000_325959a8911ed8b1" in captured.out


@pytest.mark.skipif(not __import__("os").path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_on_standard_output_is_an_error_message_not_a_traceback():
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "tui", "sources"], stdout=full, stderr=subprocess.PIPE,
                                text=True, timeout=120)
    assert result.returncode == 1
    assert "cannot write to standard output" in result.stderr and "Traceback" not in result.stderr


def test_report_warns_of_a_review_file_that_is_not_there(tmp_path, capsys):
    assert main(["report", str(SEEDS), "--format", "md", "--review", str(tmp_path / "missing.yaml")]) == 0
    assert "no review file at" in capsys.readouterr().err
