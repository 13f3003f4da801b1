"""`glossary annotate` as a user runs it: stdout, stderr and the exit code, separately."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app

from .conftest import new_cache

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "sources" / "deqing-2024-government-work-report.txt"
SAMPLE = ROOT / "tests" / "golden" / "annotate" / "sample.txt"
GOLDEN = SAMPLE.parent

runner = CliRunner()


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv(
        "GLOSSARY_CACHE_DIR", str(new_cache(tmp_path_factory.getbasetemp() / "cache"))
    )
    monkeypatch.setenv("GLOSSARY_TERMINAL", "0")
    monkeypatch.delenv("GLOSSARY_TERMBASE", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


def run(*args: str, stdin: bytes | None = None) -> tuple[str, str, int]:
    """stdout, stderr (as written: Result.stdout would turn CRLF into LF) and the exit code."""
    result = runner.invoke(app, ["annotate", *args], input=stdin)
    return result.stdout_bytes.decode(), result.stderr_bytes.decode(), result.exit_code


def test_default_in_a_pipe_is_inline() -> None:
    out, err, code = run(str(SAMPLE))
    assert (out, err, code) == ((GOLDEN / "sample.inline.txt").read_text(encoding="utf-8"), "", 0)


def test_every_format_from_a_file_matches_its_golden_file() -> None:
    for fmt, name in [("markdown", "sample.md"), ("jsonl", "sample.jsonl")]:
        out, err, code = run(str(SAMPLE), "--format", fmt)
        assert (out, err, code) == ((GOLDEN / name).read_text(encoding="utf-8"), "", 0)
    out, _, code = run(str(SAMPLE), "--format", "inline", "--every")
    assert (out, code) == ((GOLDEN / "sample.every.txt").read_text(encoding="utf-8"), 0)
    out, _, code = run(str(SAMPLE), "-f", "terms")
    assert (out, code) == ((GOLDEN / "sample.terms.tsv").read_text(encoding="utf-8"), 0)
    out, _, _ = run(str(SAMPLE), "--format", "html")
    assert out.startswith("<!DOCTYPE html>") and "<title>sample.txt</title>" in out


def test_terms_on_a_terminal_is_a_rich_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLOSSARY_TERMINAL", "1")
    out, err, code = run(str(SAMPLE))
    assert code == 0 and err == ""
    assert "headword" in out and "艺术乡建" in out and "\t" not in out


def test_the_report_body_from_stdin() -> None:
    text = REPORT.read_text(encoding="utf-8")
    body = text[: text.index("三个一号工程 即省委")]
    out, err, code = run("-", "--format", "jsonl", stdin=body.encode("utf-8"))
    assert (err, code) == ("", 0)
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["surface"], r["start"], r["line"]) for r in records] == [
        ("工业用地二级市场交易", 173, 9),
        ("高铁站扩容提质工程", 553, 13),
        ("联合国2030\n\n年可持续发展议程", 1369, 21),
        ("GEP", 1417, 23),
        ("EOD", 1421, 23),
        ("艺术乡建", 2507, 33),
        ("警源、访源、诉源“三源治理”", 3682, 51),
    ]


@pytest.mark.parametrize(
    ("encoded", "args"),
    [
        ("\ufeff深化艺术乡建\r\n".encode(), ()),
        ("深化艺术乡建\r\n".encode("utf-16"), ()),
        ("深化艺术乡建\r\n".encode("gb18030"), ()),
        ("深化藝術鄉建\r\n".encode("big5"), ("--encoding", "big5")),
    ],
)
def test_encodings(encoded: bytes, args: tuple[str, ...], tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(encoded)
    out, err, code = run(str(draft), "--format", "jsonl", *args)
    assert (err, code) == ("", 0)
    record = json.loads(out)
    assert (record["start"], record["end"], record["id"]) == (2, 6, "yishuxiangjian")
    out, _, _ = run(str(draft), *args)
    assert out.encode("utf-8").endswith("〔art-led rural revitalization〕\r\n".encode())


def test_binary_input(tmp_path: Path) -> None:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert run(str(binary)) == ("", f"error: {binary}: looks like a binary file, not text\n", 2)


def test_undecodable_bytes(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes("第一行\n".encode() + b"abc\x80\x80\xff def\n")
    out, err, code = run(str(broken))
    assert (out, code) == ("", 2)
    assert err == (
        f"error: {broken}:2: not UTF-8 (byte 0x80), and not clearly GB18030 or Big5; "
        "give its encoding with --encoding (e.g. --encoding big5 or --encoding gb18030)\n"
    )


def test_wrong_or_unknown_encoding(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes("艺术乡建".encode())
    out, err, code = run(str(draft), "--encoding", "ascii")
    assert (out, code) == ("", 2) and err.startswith(f"error: {draft}:1: not valid ascii")
    assert run(str(draft), "--encoding", "klingon") == (
        "",
        "error: unknown encoding 'klingon' (try utf-8, gb18030, big5)\n",
        2,
    )


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    base = tmp_path / "new.yaml"  # a term base no index has been built for
    base.write_text("version: 1\nterms: []\n", encoding="utf-8")
    cache = Path(os.environ["GLOSSARY_CACHE_DIR"])
    before = set(cache.glob("store-*"))
    assert run(str(missing), "-t", str(base)) == ("", f"error: {missing}: no such file\n", 4)
    assert set(cache.glob("store-*")) == before  # said before any index is built


def test_several_term_bases(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "version: 1\nterms:\n- id: gongfu\n  headword: 共富工坊\n  pinyin: gòngfù gōngfāng\n"
        "  en: common-prosperity workshop\n",
        encoding="utf-8",
    )
    bundled = ROOT / "data" / "terms.yaml"
    out, err, code = run(
        "-", "-f", "terms", "-t", str(bundled), "-t", str(extra), stdin="共富工坊与EOD".encode()
    )
    assert (err, code) == ("", 0)
    assert [line.split("\t")[0] for line in out.splitlines()] == ["headword", "共富工坊", "EOD"]


def test_help_names_every_option() -> None:
    result = runner.invoke(app, ["annotate", "--help"])
    assert result.exit_code == 0
    for option in ("--format", "--every", "--encoding", "--termbase"):
        assert option in result.stdout


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(REPORT.read_text(encoding="utf-8") * 200, encoding="utf-8")
    command = Path(sys.executable).parent / "glossary"
    env = {"PATH": str(command.parent), "GLOSSARY_CACHE_DIR": str(new_cache(tmp_path / "cache"))}
    with subprocess.Popen(
        [str(command), "annotate", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # what `| head -1` does
        err = process.stderr.read()
        code = process.wait(timeout=60)
    assert first == b"\n"  # the report starts with blank lines
    assert (err, code) == (b"", 0)


HOSTILE = """terms:
- id: yishu-xiangjian
  headword: 艺术乡建
  pinyin: yìshù xiāngjiàn
  en: "<script>alert(1)</script> *art*"
  definition:
    en: "<img src=x onerror=alert(1)> [a link](javascript:alert(1))"
    zh: "即<b>艺术</b>推动
      乡村建设"
"""


def test_markdown_escapes_html_and_markup_in_term_fields(tmp_path: Path) -> None:
    base = tmp_path / "hostile.yaml"
    base.write_text(HOSTILE, encoding="utf-8")
    document = tmp_path / "doc.txt"
    document.write_text("推进艺术乡建。\n", encoding="utf-8")
    out, err, code = run(str(document), "--format", "markdown", "-t", str(base))
    assert (err, code) == ("", 0)
    assert "<" not in out and "&lt;script&gt;" in out and "\\[a link\\]" in out
    path = GOLDEN / "hostile.md"
    if os.environ.get("GLOSSARY_UPDATE_GOLDEN") == "1":
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_inline_keeps_a_utf8_bom_byte_for_byte(tmp_path: Path) -> None:
    draft = tmp_path / "bom.txt"
    draft.write_bytes(b"\xef\xbb\xbf" + "深化艺术乡建\r\n".encode())
    result = runner.invoke(app, ["annotate", str(draft), "--format", "inline"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf\xe6\xb7\xb1")
    assert result.stdout_bytes.endswith(b"\r\n")


def test_a_character_cut_at_the_end_is_dropped_with_a_warning(tmp_path: Path) -> None:
    draft = tmp_path / "cut.txt"
    draft.write_bytes("深化艺术乡建".encode()[:-2])
    out, err, code = run(str(draft), "--format", "inline")
    assert code == 0 and out.startswith("深化艺术乡")
    assert err == (
        f"warning: {draft}:1: the text ends inside a UTF-8 character (1 of its bytes); "
        "read without it\n"
    )


def test_big5_without_encoding_is_not_mojibake(tmp_path: Path) -> None:
    draft = tmp_path / "big5.txt"
    draft.write_bytes("深化藝術鄉建,推進鄉村全面振興。\n".encode("big5"))
    out, err, code = run(str(draft), "--format", "jsonl")
    assert (err, code) == ("", 0)
    assert '"surface": "藝術鄉建"' in out


@pytest.mark.parametrize("fmt", ["inline", "markdown", "html", "jsonl", "terms"])
@pytest.mark.parametrize("every", [False, True])
def test_a_document_read_in_pieces_gives_the_same_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, every: bool
) -> None:
    """Pieces of 500 bytes (names, lines and UTF-8 characters cut through) as one whole."""
    from glossary.scan import stream
    from glossary.text import documents

    draft = tmp_path / "report.txt"
    draft.write_bytes(b"\xef\xbb\xbf" + REPORT.read_bytes())
    args = [str(draft), "--format", fmt, *(["--every"] if every else [])]
    whole = run(*args)
    monkeypatch.setattr(documents, "PIECE", 500)
    monkeypatch.setattr(stream, "AHEAD", 0)
    assert run(*args) == whole
    assert whole[1:] == ("", 0) and len(whole[0]) > 1000


def test_a_bad_byte_far_into_a_long_file_is_an_error_before_any_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glossary.text import documents

    draft = tmp_path / "long.txt"
    draft.write_bytes("深化艺术乡建\n".encode() * 100 + b"\xff\n")
    monkeypatch.setattr(documents, "PIECE", 64)
    out, err, code = run(str(draft))
    assert (out, code) == ("", 2)
    assert err == (
        f"error: {draft}:101: not valid utf-8 (byte 0xff); check the encoding (give it with "
        "--encoding)\n"
    )


def test_standard_input_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary.text import documents

    text = REPORT.read_text(encoding="utf-8")
    whole = run("--format", "jsonl", stdin=text.encode())
    monkeypatch.setattr(documents, "PIECE", 300)
    assert run("--format", "jsonl", stdin=text.encode()) == whole


def test_every_registered_format_is_streamed() -> None:
    """A format without a streamed form would hold a whole document in memory."""
    from glossary.render.annotate import FORMATS
    from glossary.render.annotate_stream import STREAMED

    assert set(STREAMED) == {format.name for format in FORMATS}
