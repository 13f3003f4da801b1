"""TBX with other tools: a file from elsewhere imports what it can and says what it skipped;
the help says which version each tool reads; v3 points at schemas that exist."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from glossary.cli import app
from glossary.exporters import tbx
from glossary.model import Term

FROM_ELSEWHERE = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="c1"><langSet xml:lang="en"><tig><term>open cluster</term></tig></langSet>
<langSet xml:lang="es"><tig><term>cúmulo abierto</term></tig></langSet></termEntry>
<termEntry id="c2"><langSet xml:lang="zh-CN"><tig><term>黑洞</term></tig></langSet>
<langSet xml:lang="en-US"><tig><term>black hole</term></tig></langSet></termEntry>
<termEntry id="c3"><langSet xml:lang="zh"><tig><term>星系</term></tig></langSet></termEntry>
</body></text></martif>
"""


def test_import_skips_entries_without_both_languages_and_exits_0(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "astronomy.tbx"
    path.write_text(FROM_ELSEWHERE, encoding="utf-8")
    result = runner.invoke(app, ["import", "tbx", str(path)])
    assert result.exit_code == 0
    assert "headword: 黑洞" in result.stdout and "open cluster" not in result.stdout
    assert result.stderr.splitlines()[:2] == [
        f"{path}: 1 entries read",
        "  skipped 2 entries without both a zh and an en term: c1 (line 3), c3 (line 7) "
        "(--verbose lists them)",
    ]
    verbose = runner.invoke(app, ["import", "tbx", "-v", str(path)])
    assert verbose.stderr.splitlines()[2:4] == [
        "  skipped line 3: c1: no Chinese (zh) term",
        "  skipped line 7: c3: no English (en) term",
    ]


def test_a_file_with_no_usable_entry_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "spanish.tbx"
    path.write_text(FROM_ELSEWHERE.split('<termEntry id="c2">')[0] + "</body></text></martif>")
    result = runner.invoke(app, ["import", "tbx", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path}:3: no entry has both a Chinese (zh) and an English (en) term "
        "(1 skipped; the first has no Chinese (zh) term)\n"
    )


def test_help_says_which_version_each_tool_reads(runner: CliRunner) -> None:
    text = "".join(runner.invoke(app, ["export", "tbx", "--help"]).stdout.split())
    assert "use--tbx-version2fortranslate-toolkitandWeblate" in text  # however click wraps


def test_v3_points_at_the_ltac_global_schemas(tricky_terms: tuple[Term, ...]) -> None:
    base = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
    prolog = tbx.export(tricky_terms, version=3).splitlines()[1:3]
    assert prolog == [
        f'<?xml-model href="{base}TBXcoreStructV03_TBX-Basic_integrated.rng" '
        'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
        f'<?xml-model href="{base}TBX-Basic_DCA.sch" type="application/xml" '
        'schematypens="http://purl.oclc.org/dsdl/schematron"?>',
    ]
