"""A generated 10,000-term base for scale tests, the same on every run.

Terms are made from real words: the entries of the committed CC-CEDICT slice (headword,
traditional form, reading, definitions) and a few polyphonic words with hand-checked readings,
combined two at a time, so that headwords share prefixes, characters are read differently in
different words, traditional forms differ, and definitions are real English. Every seventh term
has a Chinese definition made of other headwords (so jieba is used), a few have a Latin acronym
in the headword, and a second, smaller term base repeats some headwords and ids of the first.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from glossary.importers.cedict import parse_cedict
from glossary.model import Term, TermBase
from glossary.termbase.save import save

FIXTURES = Path(__file__).resolve().parent / "fixtures"

POLYPHONIC = [
    # headword, pinyin (hand-checked), English
    ("银行", "yínháng", "bank"),
    ("行动", "xíngdòng", "action"),
    ("重要", "zhòngyào", "important"),
    ("重新", "chóngxīn", "again"),
    ("长城", "chángchéng", "Great Wall"),
    ("长大", "zhǎngdà", "grow up"),
    ("率领", "shuàilǐng", "lead"),
    ("效率", "xiàolǜ", "efficiency"),
    ("还是", "háishi", "or"),
    ("还款", "huánkuǎn", "repayment"),
    ("音乐", "yīnyuè", "music"),
    ("快乐", "kuàilè", "happy"),
    ("会计", "kuàijì", "accountant"),
    ("开会", "kāihuì", "hold a meeting"),
    ("发展", "fāzhǎn", "development"),
    ("头发", "tóufa", "hair"),
    ("绿色", "lǜsè", "green"),
    ("旅行", "lǚxíng", "travel"),
]


def words() -> list[tuple[str, str, str, str, str]]:
    """(headword, traditional, pinyin, English name, English definition) of the real words."""
    found = []
    for term in parse_cedict((FIXTURES / "cedict-slice.txt").read_bytes(), "slice"):
        if not re.search(r"[\u4e00-\u9fff]", term.headword):
            continue
        traditional = term.aliases[0] if term.aliases else term.headword
        found.append((term.headword, traditional, term.pinyin, term.en, term.definition_en))
    found += [(h, h, p, e, "") for h, p, e in POLYPHONIC] * 4  # polyphones come up often
    return found


def english_words() -> list[str]:
    text = " ".join(w[3] + " " + w[4] for w in words())
    return sorted({w for w in re.findall(r"[a-z]{3,}", text.lower())})


def generate(count: int = 10_000, seed: int = 6) -> list[Term]:
    rng = random.Random(seed)
    pool = words()
    vocabulary = english_words()
    terms: list[Term] = []
    for number in range(count):
        first, second = rng.choice(pool), rng.choice(pool)
        headword = first[0] + second[0]
        traditional = first[1] + second[1]
        pinyin = f"{first[2]} {second[2]}"
        if number % 97 == 0:  # a Latin acronym inside a Chinese headword
            headword, pinyin = "AB" + headword, "AB " + pinyin
            traditional = "AB" + traditional
        en = " ".join(rng.sample(vocabulary, rng.choice((1, 2, 3))))
        definition_zh = ""
        if number % 7 == 0:
            others = [rng.choice(pool)[0] for _ in range(4)]
            definition_zh = f"即{others[0]}和{others[1]}的{others[2]}，推进{others[3]}。"
        terms.append(
            Term(
                id=f"t{number:05d}",
                headword=headword,
                pinyin=pinyin,
                en=en,
                aliases=(traditional,) if traditional != headword else (),
                definition_zh=definition_zh,
                definition_en="; ".join(part for part in (first[4], second[4]) if part),
            )
        )
    return terms


def second_base(first: list[Term], count: int = 300, seed: int = 7) -> list[Term]:
    """Terms that repeat headwords of `first` (new ids) and a few of its ids (other content)."""
    rng = random.Random(seed)
    chosen = rng.sample(first, count)
    terms = []
    for number, term in enumerate(chosen):
        same_id = number % 10 == 0
        terms.append(
            term.with_changes(
                id=term.id if same_id else f"u{number:05d}",
                en=f"{term.en} (second)",
                aliases=(),
                definition_zh="",
            )
        )
    return terms


def write_bases(folder: Path) -> list[TermBase]:
    """Write the two term bases into `folder`; return them as loaded."""
    first = generate()
    bases = []
    for name, terms in (("scale", first), ("scale-second", second_base(first))):
        path = folder / f"{name}.yaml"
        save(path, terms)
        bases.append(TermBase(str(path), name, tuple(terms)))
    return bases
