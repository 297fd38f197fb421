"""The report's typeface, embedded in the PDF: Liberation Sans (resources/fonts, SIL Open Font
License), whose widths are Helvetica's, so the report's columns hold what they held before.

Text is written as glyph numbers (a composite font, Identity-H), and only the glyphs a report
used are embedded: the font program is cut down when the file is finished, keeping each glyph's
number. Every character the face draws prints and reads back as itself (Latin with its accents
and ogoneks, Greek, Cyrillic, ≤ ≥ ± →): names like Łukasz, Şahin or Dumitrașcu and notes like
"T ≥ 38 °C" come out as typed. A character the face has no glyph for prints as "?".
"""

from __future__ import annotations

import enum
import functools
import hashlib
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tooddoc_desk.core.resources import resources_dir

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

_SURROGATES = 0xD800  # a glyph number is written as one UTF-16 code unit
# no shaping or kerning in a report (reading these took most of a subset's time); FFTM: the font
# editor's timestamps
_UNUSED_TABLES = ("GSUB", "GPOS", "GDEF", "kern", "FFTM")


class Face(enum.Enum):
    REGULAR = "LiberationSans-Regular.ttf"
    BOLD = "LiberationSans-Bold.ttf"
    ITALIC = "LiberationSans-Italic.ttf"


class _GlyphOf(dict[int, str]):
    """Code point → its glyph number as one character; blanks the face lacks are spaces, other
    characters it lacks are "?"."""

    def __init__(self, glyphs: dict[int, str]) -> None:
        super().__init__(glyphs)
        self._space = glyphs[ord(" ")]
        self._unknown = glyphs[ord("?")]

    def __missing__(self, code: int) -> str:
        glyph = self._space if chr(code).isspace() else self._unknown
        self[code] = glyph
        return glyph


@dataclass(frozen=True)
class Descriptor:
    """What a PDF font descriptor says of a face (lengths in thousandths of its size, the
    angle in degrees)."""

    postscript_name: str
    box: tuple[int, int, int, int]
    italic_angle: float
    ascent: int
    descent: int
    cap_height: int


class FaceMetrics:
    """One face's glyphs and widths, read once from its file."""

    def __init__(self, face: Face) -> None:
        self.path = resources_dir() / "fonts" / face.value
        font = _font(self.path, lazy=True)
        scale = 1000 / font["head"].unitsPerEm
        order = font.getReverseGlyphMap()
        if len(order) >= _SURROGATES:
            raise ValueError(f"{face.value} has more glyphs than a report can number")
        glyphs = {code: chr(order[name]) for code, name in font.getBestCmap().items()}
        self._glyph_of = _GlyphOf(glyphs)
        self.code_point: dict[int, int] = {}  # glyph number → the lowest character drawn with it
        for code, glyph in sorted(glyphs.items(), reverse=True):
            self.code_point[ord(glyph)] = code
        metrics = font["hmtx"].metrics
        self.widths: dict[str, float] = {
            chr(number): metrics[name][0] * scale for name, number in order.items()
        }
        head, os2 = font["head"], font["OS/2"]
        self.descriptor = Descriptor(
            postscript_name=str(font["name"].getDebugName(6)),
            box=(
                round(head.xMin * scale),
                round(head.yMin * scale),
                round(head.xMax * scale),
                round(head.yMax * scale),
            ),
            italic_angle=float(font["post"].italicAngle),
            ascent=round(font["hhea"].ascent * scale),
            descent=round(font["hhea"].descent * scale),
            cap_height=round(os2.sCapHeight * scale),
        )
        font.close()

    def glyphs(self, text: str) -> str:
        """`text` as glyph numbers, one character each, one per character of `composed(text)`."""
        return composed(text).translate(self._glyph_of)

    def width(self, glyphs: str) -> float:
        widths = self.widths
        return sum(map(widths.__getitem__, glyphs))

    def subset(self, used: set[int]) -> bytes:
        """The face's TrueType program with only the `used` glyphs' outlines, every glyph
        keeping its number."""
        from fontTools.subset import Options, Subsetter  # noqa: PLC0415 (only when a PDF ends)

        options = Options()
        options.retain_gids = True
        options.notdef_outline = True
        options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # copyright, names, version
        font = _font(self.path)
        for tag in _UNUSED_TABLES:
            if tag in font:
                del font[tag]  # before the subsetter reads them
        subsetter = Subsetter(options)
        subsetter.populate(gids=sorted(used))
        subsetter.subset(font)
        program = io.BytesIO()
        font.save(program)
        font.close()
        return program.getvalue()


def _font(path: Path, *, lazy: bool = False) -> TTFont:
    """The face's file, read (fontTools loads when a PDF is first made, not at start-up)."""
    from fontTools.ttLib import TTFont  # noqa: PLC0415

    return TTFont(path, lazy=lazy)


def composed(text: str) -> str:
    """`text` as the report draws it: é typed as e + accent is é."""
    return unicodedata.normalize("NFC", text)


@functools.cache
def metrics(face: Face) -> FaceMetrics:
    return FaceMetrics(face)


def subset_tag(face: Face, used: set[int]) -> str:
    """The six capital letters a subset's name starts with (PDF 1.7, 9.6.4): the same glyphs
    give the same tag."""
    digest = hashlib.sha256(face.value.encode() + b"".join(n.to_bytes(2) for n in sorted(used)))
    return "".join(chr(ord("A") + byte % 26) for byte in digest.digest()[:6])
