"""The SMS alphabet (GSM 03.38), how many segments a text costs, and plain stand-ins for the
characters that would force the whole message into UCS-2 (70 characters a segment, not 160).

- `GSM7_BASIC` holds the 127 printable characters of the default alphabet (and LF, CR); the
  `GSM7_EXTENSION` characters (€ [ ] { } | ~ ^ \\ and form feed) exist too, but each costs two
  septets (an escape, then the character).
- `measure(text)` says which encoding a text needs and how many segments it takes: 160 septets
  in one segment or 153 a segment once concatenated (an escaped pair is never split), 70 UTF-16
  units or 67 a segment for UCS-2 (a surrogate pair is never split).
- `fit_gsm7(text)` replaces what reads as well in the alphabet (curly quotes, dashes, non-breaking
  spaces, ê, ï, ô, œ, …) and reports whether Unicode is still needed; then it returns the text
  unchanged, since UCS-2 shows every character anyway. Links are never passed through it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE = 160
GSM7_PART = 153
UCS2_SINGLE = 70
UCS2_PART = 67

# Stand-ins that read naturally; characters missing here fall back to their decomposition
# without accents (ā → a) when that is in the alphabet.
_STAND_INS: dict[str, str] = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‹›", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **dict.fromkeys(
        "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t", " "
    ),
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
    "…": "...",
    "•": "-",
    "·": ".",
    "ç": "c",
    "œ": "oe",
    "Œ": "OE",
    "ĳ": "ij",
    "Ĳ": "IJ",
    "ð": "d",
    "Ð": "D",
    "đ": "d",
    "Đ": "D",
    "ł": "l",
    "Ł": "L",
    "þ": "th",
    "Þ": "Th",
    "ı": "i",
    "©": "(c)",
    "®": "(R)",
    "™": "TM",
}


class Encoding(StrEnum):
    GSM7 = "gsm7"
    UCS2 = "ucs2"


@dataclass(frozen=True)
class Measure:
    encoding: Encoding
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int


@dataclass(frozen=True)
class Fitted:
    text: str
    unicode_needed: bool


def is_gsm7(text: str) -> bool:
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)


def stand_in(ch: str) -> str | None:
    """What `ch` becomes in the GSM alphabet (itself when it is in it), or None."""
    if ch in GSM7_BASIC or ch in GSM7_EXTENSION:
        return ch
    known = _STAND_INS.get(ch)
    if known is not None:
        return known
    bare = "".join(
        part for part in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(part)
    )
    if bare and bare != ch and is_gsm7(bare):
        return bare
    return None


def fit_gsm7(text: str) -> Fitted:
    """The text in the GSM alphabet, or the text as it is when some character has no stand-in."""
    parts: list[str] = []
    for ch in text:
        replacement = stand_in(ch)
        if replacement is None:
            return Fitted(text, unicode_needed=True)
        parts.append(replacement)
    return Fitted("".join(parts), unicode_needed=False)


def measure(text: str) -> Measure:
    if is_gsm7(text):
        costs = [2 if ch in GSM7_EXTENSION else 1 for ch in text]
        return Measure(Encoding.GSM7, sum(costs), _segments(costs, GSM7_SINGLE, GSM7_PART))
    costs = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
    return Measure(Encoding.UCS2, sum(costs), _segments(costs, UCS2_SINGLE, UCS2_PART))


def _segments(costs: list[int], single: int, part: int) -> int:
    """How many segments hold characters of these costs; a character is never split."""
    total = sum(costs)
    if total <= single:
        return 1
    segments, used = 1, 0
    for cost in costs:
        if used + cost > part:
            segments += 1
            used = 0
        used += cost
    return segments
