"""A real editor: Neovim, headless, starts `glossary lsp` with the Lua of tests/nvim/hover.lua,
opens a file and prints the hover card it gets. Skipped where Neovim is not installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .lsp_client import glossary_command

NVIM = shutil.which("nvim")
SCRIPT = Path(__file__).resolve().parent / "nvim" / "hover.lua"


@pytest.mark.skipif(NVIM is None, reason="Neovim is not installed (apt-get install neovim)")
@pytest.mark.usefixtures("warm_cache")
def test_neovim_shows_the_hover_card(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("😀 今年推进艺术乡建。\n", encoding="utf-8")
    assert NVIM is not None
    done = subprocess.run(
        [NVIM, "--headless", "--clean", "-c", f"luafile {SCRIPT}"],
        env={
            **os.environ,
            "GLOSSARY_LSP_CMD": json.dumps([*glossary_command(), "lsp"]),
            "GLOSSARY_LSP_FILE": str(draft),
            "GLOSSARY_LSP_POSITION": "0,8",  # 😀 is two UTF-16 units: 艺 is at 7
        },
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("**艺术乡建** yìshù xiāngjiàn")
    assert "art-led rural revitalization" in done.stdout
