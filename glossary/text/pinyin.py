"""Everything pinyin: syllables, tone marks and numbers, initials, and (at build time only)
pinyin for hanzi. This is the only module that imports pypinyin, and only inside the
functions that need it, so a lookup with a ready index never loads it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

# Every syllable of Standard Chinese, toneless, with ü written v (as most keyboards type it).
SYLLABLES = frozenset(
    """a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca
    cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou
    chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan
    dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei
    en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong
    gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu
    hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan
    jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
    la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu
    luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo
    mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou
    nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping
    po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re
    ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai
    shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
    si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting
    tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao
    xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu
    yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen
    zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui
    zun zuo""".split()  # noqa: SIM905
)
_LONGEST = max(map(len, SYLLABLES))

_MARKED = {
    "ā": ("a", 1), "á": ("a", 2), "ǎ": ("a", 3), "à": ("a", 4),
    "ē": ("e", 1), "é": ("e", 2), "ě": ("e", 3), "è": ("e", 4),
    "ī": ("i", 1), "í": ("i", 2), "ǐ": ("i", 3), "ì": ("i", 4),
    "ō": ("o", 1), "ó": ("o", 2), "ǒ": ("o", 3), "ò": ("o", 4),
    "ū": ("u", 1), "ú": ("u", 2), "ǔ": ("u", 3), "ù": ("u", 4),
    "ǖ": ("v", 1), "ǘ": ("v", 2), "ǚ": ("v", 3), "ǜ": ("v", 4),
    "ü": ("v", 0), "ê": ("e", 0),
}  # fmt: skip
_MARK_OF = {(base, tone): mark for mark, (base, tone) in _MARKED.items() if tone}
_UNMARKED = str.maketrans({mark: base for mark, (base, _) in _MARKED.items()})
_TONE_OF = {mark: tone for mark, (_, tone) in _MARKED.items() if tone}
_PLAIN_OR_MARKED = re.compile(f"[\x00-\x7f{''.join(_MARKED)}]*")
"""Text that strip_tones can lower-case whole and translate (ASCII and the marked letters)."""
_COMBINING = {1: "\u0304", 2: "\u0301", 3: "\u030c", 4: "\u0300"}


@dataclass(frozen=True, slots=True)
class Syllable:
    """A pinyin syllable: toneless with ü as v (`lv`), and its tone (1-4, 5 neutral, 0 unknown)."""

    base: str
    tone: int = 0

    @property
    def initial(self) -> str:
        """The initial as typed in abbreviations: zh/ch/sh are written z/c/s (`sgyhgc`)."""
        return self.base[0]

    def numbered(self) -> str:
        return f"{self.base}{self.tone}" if self.tone else self.base


def is_hanzi(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2FA1F
        or 0xF900 <= code <= 0xFAFF
    )


HANZI_RANGES = "\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002fa1f\uf900-\ufaff"
"""The characters is_hanzi accepts, as the inside of a regular expression's [...]."""
_SHORT = 24
"""Up to this many characters, has_hanzi asks is_hanzi of each character rather than search."""


def has_hanzi(text: str) -> bool:
    """Whether any character of `text` is_hanzi: ASCII text at once, a short text (a name)
    character by character, a longer one with a regular expression (C speed), compiled on
    first use (compiling its 27,000-character class takes 2 ms, which a run that meets no
    long non-ASCII text does not pay)."""
    if text.isascii():
        return False
    if len(text) <= _SHORT:
        return any(map(is_hanzi, text))
    return hanzi_pattern().search(text) is not None


@cache
def hanzi_pattern() -> re.Pattern[str]:
    """A pattern of one character is_hanzi accepts, compiled on first use."""
    return re.compile(f"[{HANZI_RANGES}]")


def add_tone_mark(base: str, tone: int) -> str:
    """`lv`, 4 -> `lǜ`; tone 0 or 5 leaves the syllable unmarked (ü still written ü)."""
    if tone not in (1, 2, 3, 4):
        return base.replace("v", "ü")
    if not any(vowel in base for vowel in "aeiouv"):
        # m, n, ng, hm, hng: the mark goes on the first consonant (ḿ, ň, ǹg)
        return unicodedata.normalize("NFC", base[0] + _COMBINING[tone] + base[1:])
    if "a" in base:
        index = base.index("a")
    elif "e" in base:
        index = base.index("e")
    elif "ou" in base:
        index = base.index("o")
    else:
        index = max(i for i, ch in enumerate(base) if ch in "iouv")
    marked = base[:index] + _MARK_OF[(base[index], tone)] + base[index + 1 :]
    return marked.replace("v", "ü")


_NUMBERED = re.compile(r"([a-zü:v]+?)([1-5])", re.IGNORECASE)


def numbers_to_marks(text: str) -> str:
    """`yi4shu4 xiang1jian4` -> `yìshù xiāngjiàn`; `lu:4`/`lv4` -> `lǜ`. Case is kept on the
    first letter; a syllable with tone 5 (neutral) is written unmarked."""

    def mark(match: re.Match[str]) -> str:
        raw, tone = match.group(1), int(match.group(2))
        base = raw.lower().replace("u:", "v").replace("ü", "v")
        marked = add_tone_mark(base, tone)
        return marked[0].upper() + marked[1:] if raw[0].isupper() else marked

    return _NUMBERED.sub(mark, text)


def strip_tones(text: str) -> tuple[str, list[int]]:
    """Lower-case `text`, write ü as v, and take tone marks off; returns the plain text and,
    for each character of it, the tone its mark carried (0 where there was none)."""
    text = unicodedata.normalize("NFC", text)
    if _PLAIN_OR_MARKED.fullmatch(text):  # ASCII and lower-case pinyin: at C speed
        low = text.lower()
        return low.translate(_UNMARKED), [_TONE_OF.get(char, 0) for char in low]
    plain: list[str] = []
    tones: list[int] = []
    for char in text:
        low = char.lower()
        base, tone = _MARKED.get(low, (low, 0))
        plain.append(base)
        tones.append(tone)
    return "".join(plain), tones


def split_syllables(text: str) -> list[Syllable | str]:
    """Split written pinyin (`Liánhéguó 2030 nián`, `xi'an`, `yi4shu4`) into syllables.

    Runs that are not pinyin (digits, Latin acronyms such as GEP) come back as plain strings,
    one character each, so the result lines up with the characters of the headword.
    """
    plain, tones = strip_tones(text.replace("u:", "v"))
    out: list[Syllable | str] = []
    for match in _CHUNK.finditer(plain):
        start, end = match.span()
        out.extend(_chunk_syllables(match.group(), tuple(tones[start:end])))
    return out


_CHUNK = re.compile(r"[a-z]+[1-5]?|[^\sa-z'’\-]")


@lru_cache(maxsize=16384)
def _chunk_syllables(chunk: str, tones: tuple[int, ...]) -> tuple[Syllable | str, ...]:
    """One chunk of split_syllables (letters and a tone number, or one other character), with
    the tone of each of its characters; remembered, as the same syllables recur."""
    digit = int(chunk[-1]) if chunk[-1].isdigit() and chunk[:-1].isalpha() else 0
    letters = chunk[:-1] if digit else chunk
    pieces = _segment(letters) if letters.isalpha() else None
    if pieces is None:
        return tuple(chunk)
    out: list[Syllable | str] = []
    offset = 0
    for index, piece in enumerate(pieces):
        tone = max(tones[offset : offset + len(piece)], default=0)
        if digit and index == len(pieces) - 1:
            tone = digit
        out.append(Syllable(piece, tone))
        offset += len(piece)
    return tuple(out)


@lru_cache(maxsize=8192)
def _segment(letters: str) -> tuple[str, ...] | None:
    """Split toneless letters into the fewest syllables, or None if they are not pinyin
    (remembered: an index build splits the same words many thousand times)."""
    best: list[list[str] | None] = [None] * (len(letters) + 1)
    best[0] = []
    for start in range(len(letters)):
        current = best[start]
        if current is None:
            continue
        for end in range(start + 1, min(len(letters), start + _LONGEST) + 1):
            piece = letters[start:end]
            if piece in SYLLABLES:
                candidate = [*current, piece]
                existing = best[end]
                if existing is None or len(candidate) < len(existing):
                    best[end] = candidate
    found = best[len(letters)]
    return None if found is None else tuple(found)


# -- build time only: pypinyin ------------------------------------------------------------


def readings(char: str) -> list[Syllable]:
    """Every reading pypinyin knows for one hanzi (its default first), unmarked ones neutral (5),
    as `pypinyin.pinyin(char, style=TONE3, heteronym=True, neutral_tone_with_five=True)` gives
    them, read from pypinyin's table of single characters (`pinyin_dict.json`) so that its
    phrase dictionary is not loaded (0.3 s of every index build)."""
    table = _character_table()
    if table is None:
        return _readings_from_pypinyin(char)
    result: list[Syllable] = []
    for item in table.get(ord(char), "").split(","):
        # ê with a tone (ê̄) is written e in pypinyin's TONE3 style
        parsed = split_syllables(unicodedata.normalize("NFD", item).replace("\u0302", ""))
        if len(parsed) == 1 and isinstance(parsed[0], Syllable):
            syllable = parsed[0] if parsed[0].tone else Syllable(parsed[0].base, 5)
            if syllable not in result:
                result.append(syllable)
    return result


@cache
def _character_table() -> dict[int, str] | None:
    import json
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("pypinyin")
    if spec is None or spec.origin is None:
        return None
    try:
        data = json.loads((Path(spec.origin).parent / "pinyin_dict.json").read_bytes())
    except (OSError, ValueError):
        return None
    return {int(code): value for code, value in data.items()}


def _readings_from_pypinyin(char: str) -> list[Syllable]:
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)[0]
    result: list[Syllable] = []
    for item in found:
        parsed = split_syllables(item)
        if len(parsed) == 1 and isinstance(parsed[0], Syllable) and parsed[0] not in result:
            result.append(parsed[0])
    return result


def hanzi_to_pinyin(words: Sequence[str]) -> str:
    """Tone-marked pinyin for already segmented words: syllables of a word written together,
    words separated by spaces (`艺术`, `乡建` -> `yìshù xiāngjiàn`). pypinyin's reading is a
    default that must be checked by hand for polyphonic characters."""
    from pypinyin import Style, lazy_pinyin

    parts: list[str] = []
    for word in words:
        if not word.strip():
            continue
        if all(is_hanzi(ch) for ch in word):
            syllables = lazy_pinyin(word, style=Style.TONE)
            parts.append(_join_syllables(syllables))
        elif any(is_hanzi(ch) for ch in word):
            parts.append(_join_syllables(lazy_pinyin(word, style=Style.TONE)))
        elif word.isalnum():
            parts.append(word)
    return " ".join(parts)


def hanzi_readings(words: Sequence[str]) -> list[tuple[str, str]]:
    """Each hanzi of already segmented words with the tone-marked reading pypinyin gives it
    in its word (`hanzi_to_pinyin` reads it the same way)."""
    from pypinyin import Style, lazy_pinyin

    found: list[tuple[str, str]] = []
    for word in words:
        if all(is_hanzi(ch) for ch in word):
            marked = lazy_pinyin(word, style=Style.TONE)
            if len(marked) == len(word):
                found.extend(zip(word, marked, strict=True))
                continue
        found.extend((ch, lazy_pinyin(ch, style=Style.TONE)[0]) for ch in word if is_hanzi(ch))
    return found


def _join_syllables(syllables: list[str]) -> str:
    """Join syllables into a word, with an apostrophe before a, o, e after the first."""
    out = ""
    for index, syllable in enumerate(syllables):
        if index and strip_tones(syllable[:1])[0] in ("a", "o", "e"):
            out += "'"
        out += syllable
    return out


def slug(text: str) -> str:
    """A stable ASCII id for a headword: toneless pinyin of each hanzi run, runs and Latin or
    digit runs joined by hyphens (`联合国2030年…` -> `lianheguo-2030-nian…`)."""
    from pypinyin import lazy_pinyin

    runs: list[str] = []
    current = ""
    kind = ""
    for char in unicodedata.normalize("NFKC", text):
        char_kind = "h" if is_hanzi(char) else "a" if char.isascii() and char.isalnum() else ""
        if char_kind != kind and current:
            runs.append(current)
            current = ""
        kind = char_kind
        if char_kind == "h":
            current += "".join(lazy_pinyin(char)).replace("ü", "v")
        elif char_kind == "a":
            current += char.lower()
    if current:
        runs.append(current)
    return "-".join(runs) or "term"
