"""`glossary add`, `edit` and `remove`: change one term of the first named term base."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from glossary.cli.options import JsonOption, writable_termbase
from glossary.errors import InputError

if TYPE_CHECKING:
    from glossary.model import Term
    from glossary.termbase.edit import EditResult


class Status(StrEnum):
    complete = "complete"
    truncated = "truncated"
    draft = "draft"
    deprecated = "deprecated"


EnOption = Annotated[str | None, typer.Option("--en", help="The English name.")]
PinyinOption = Annotated[
    str | None,
    typer.Option(
        "--pinyin",
        help="Pinyin, tone marks or numbers (yi4shu4 becomes yìshù) [default: guessed, with a "
        "warning for every polyphonic character].",
        show_default=False,
    ),
]
AliasOption = Annotated[
    list[str] | None, typer.Option("--alias", help="Another name; repeat for several.")
]
ZhOption = Annotated[str | None, typer.Option("--definition-zh", help="The Chinese definition.")]
EnDefOption = Annotated[str | None, typer.Option("--definition-en", help="The English definition.")]
TagOption = Annotated[list[str] | None, typer.Option("--tag", help="A tag; repeat for several.")]
NoteOption = Annotated[str | None, typer.Option("--note", help="A note on anything uncertain.")]
StatusOption = Annotated[Status | None, typer.Option("--status", help="The term's status.")]
IdOption = Annotated[
    str | None,
    typer.Option(
        "--id", help="The id (a slug) [default: made from the pinyin].", show_default=False
    ),
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Print the change's YAML; write nothing.")
]
TermbaseOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--termbase",
        "-t",
        help="The term base to change: the first one given (add creates it if missing) "
        "[env: GLOSSARY_TERMBASE, its first path; never the bundled term base].",
        show_default=False,
    ),
]
KeyArgument = Annotated[str, typer.Argument(help="The term's id or headword.")]


def add(
    ctx: typer.Context,
    headword: Annotated[
        str | None,
        typer.Argument(
            help="The headword (asked for on a terminal when left out).", show_default=False
        ),
    ] = None,
    en: EnOption = None,
    pinyin: PinyinOption = None,
    alias: AliasOption = None,
    definition_zh: ZhOption = None,
    definition_en: EnDefOption = None,
    tag: TagOption = None,
    note: NoteOption = None,
    status: StatusOption = None,
    term_id: IdOption = None,
    update: Annotated[
        bool, typer.Option("--update", help="Merge into the term that has this headword or id.")
    ] = False,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
    termbase: TermbaseOption = None,
) -> None:
    """Add a term to the first --termbase (created if missing); on a terminal, with no
    options, ask for its fields."""
    target = writable_termbase(ctx, termbase)
    fields: dict[str, Any] = {
        "en": en, "pinyin": pinyin, "aliases": alias, "definition_zh": definition_zh,
        "definition_en": definition_en, "tags": tag, "note": note, "id": term_id,
    }  # fmt: skip
    if headword is None or (all(v is None for v in fields.values()) and _interactive()):
        fields = _asked(headword)
        headword = fields.pop("headword")
    elif en is None:
        raise InputError("--en ENGLISH is required (glossary asks for it only on a terminal)")
    term = _new_term(_required(headword, "the headword"), fields, str(status or "complete"))
    from glossary.termbase.edit import add_term

    _report(add_term(target, term, update=update, dry_run=dry_run), as_json)


def edit(
    ctx: typer.Context,
    key: KeyArgument,
    headword: Annotated[str | None, typer.Option("--headword", help="A new headword.")] = None,
    en: EnOption = None,
    pinyin: PinyinOption = None,
    alias: Annotated[
        list[str] | None,
        typer.Option("--alias", help="Replace all aliases with these; repeat for several."),
    ] = None,
    add_alias: Annotated[
        list[str] | None, typer.Option("--add-alias", help="Add an alias; repeatable.")
    ] = None,
    remove_alias: Annotated[
        list[str] | None, typer.Option("--remove-alias", help="Remove an alias; repeatable.")
    ] = None,
    deprecate_alias: Annotated[
        list[str] | None,
        typer.Option(
            "--deprecate-alias",
            help="Mark an alias deprecated: found, and flagged by `glossary check` with the "
            "headword as the replacement; repeatable.",
        ),
    ] = None,
    forbid_alias: Annotated[
        list[str] | None,
        typer.Option(
            "--forbid-alias",
            help="Mark an alias forbidden (an error for `glossary check`); repeatable.",
        ),
    ] = None,
    admit_alias: Annotated[
        list[str] | None,
        typer.Option("--admit-alias", help="Mark an alias admitted again; repeatable."),
    ] = None,
    definition_zh: ZhOption = None,
    definition_en: EnDefOption = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", help="Replace all tags with these; repeatable.")
    ] = None,
    note: NoteOption = None,
    status: StatusOption = None,
    term_id: Annotated[
        str | None, typer.Option("--id", help="A new id (Anki and TBX identities follow it).")
    ] = None,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
    termbase: TermbaseOption = None,
) -> None:
    """Change fields of a term in the first --termbase; an empty value ('') clears a field."""
    from glossary.termbase.edit import TermChange, edit_term

    target = writable_termbase(ctx, termbase)
    given: dict[str, Any] = {
        "headword": headword, "en": en, "definition_zh": definition_zh,
        "definition_en": definition_en, "note": note, "id": term_id,
        "status": str(status) if status else None,
    }  # fmt: skip
    fields = {key: value for key, value in given.items() if value is not None}
    if "headword" in fields:
        fields["headword"] = _required(fields["headword"], "--headword")
    if pinyin is not None:
        fields["pinyin"] = _pinyin(_required(pinyin, "--pinyin"), "")
    if alias is not None:
        fields["aliases"] = tuple(alias)
    if tag is not None:
        fields["tags"] = tuple(tag)
    statuses = tuple(
        (name, status)
        for names, status in (
            (deprecate_alias, "deprecated"), (forbid_alias, "forbidden"), (admit_alias, "admitted")
        )
        for name in names or ()
    )  # fmt: skip
    change = TermChange(fields, tuple(add_alias or ()), tuple(remove_alias or ()), statuses)
    if change == TermChange():
        raise InputError("nothing to change: give an option such as --en or --add-alias")
    _report(edit_term(target, key, change, dry_run=dry_run), as_json)


def remove(
    ctx: typer.Context,
    key: KeyArgument,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
    termbase: TermbaseOption = None,
) -> None:
    """Remove a term from the first --termbase."""
    from glossary.termbase.edit import remove_term

    _report(remove_term(writable_termbase(ctx, termbase), key, dry_run=dry_run), as_json)


# -- helpers ----------------------------------------------------------------------------------


def _new_term(headword: str, fields: dict[str, Any], status: str) -> Term:
    from glossary.model import Term

    def text(key: str) -> str:
        return str(fields.get(key) or "")

    return Term(
        id=text("id"),
        headword=headword,
        pinyin=_pinyin(fields.get("pinyin"), headword),
        en=text("en"),
        aliases=tuple(fields.get("aliases") or ()),
        definition_zh=text("definition_zh"),
        definition_en=text("definition_en"),
        status=status,
        tags=tuple(fields.get("tags") or ()),
        note=text("note"),
    )


def _interactive() -> bool:
    from glossary.render.prompts import interactive

    return interactive()


def _asked(headword: str | None) -> dict[str, Any]:
    from glossary.render.prompts import ask_term

    if not _interactive():
        raise InputError("give the HEADWORD and --en (glossary asks for them only on a terminal)")
    return ask_term(headword, _guess)


def _guess(headword: str) -> tuple[str, list[str]]:
    from glossary.termbase.enrich import guess_pinyin

    guess = guess_pinyin(headword)
    return guess.pinyin, [str(polyphone) for polyphone in guess.polyphones]


def _pinyin(given: str | None, headword: str) -> str:
    """The pinyin given (tone numbers made marks), else a guess with its polyphone warning."""
    from glossary.text.pinyin import Syllable, numbers_to_marks, split_syllables

    if given:
        pieces = split_syllables(given)
        if all(isinstance(piece, Syllable) or not piece.isalpha() for piece in pieces):
            return numbers_to_marks(given.strip())  # pinyin, maybe with tone numbers
        return given.strip()  # letters of an acronym (EOD, T2): kept as typed
    pinyin, polyphones = _guess(headword)
    if polyphones:
        typer.echo(
            f"warning: pinyin '{pinyin}' is guessed; check the polyphonic characters "
            f"{', '.join(polyphones)}, or give --pinyin",
            err=True,
        )
    return pinyin


def _required(value: str | None, what: str) -> str:
    if value is None or not value.strip():
        raise InputError(f"{what} must not be empty")
    return value.strip()


def _report(result: EditResult, as_json: bool) -> None:
    from glossary.render.prompts import report_edit

    report_edit(result, as_json)


def register(app: typer.Typer) -> None:
    app.command()(add)
    app.command()(edit)
    app.command()(remove)
