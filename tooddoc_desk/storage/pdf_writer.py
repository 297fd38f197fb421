"""A PDF written page by page: each finished page goes to the file at once, so that a report of
thousands of pages holds one page in memory (and two numbers per page: where its objects are).

Enough of PDF 1.4 for a text report: text in the embedded faces of storage/pdf_font.py, placed
left, right or centred, and straight lines. The fonts are written last, with only the glyphs the
pages used.
"""

from __future__ import annotations

import functools
import zlib
from typing import BinaryIO

from tooddoc_desk.storage.pdf_font import Face, composed, metrics, subset_tag

_PAGES = 1  # the page tree, written last: every page names it as its parent
_CATALOG = 2
_INFO = 3
_FIRST_FONT = 4
_FONT_OBJECTS = 5  # composite font, its glyph font, descriptor, program, character map
_FIRST_PAGE = _FIRST_FONT + _FONT_OBJECTS * len(Face)
_FONT_NUMBER = {face: _FIRST_FONT + _FONT_OBJECTS * n for n, face in enumerate(Face)}
_RESOURCE = {face: b"/F%d" % n for n, face in enumerate(Face, start=1)}
_FONT_RESOURCES = b" ".join(_RESOURCE[face] + b" %d 0 R" % _FONT_NUMBER[face] for face in Face)
_MAP_BLOCK = 100  # the most entries one block of a character map may hold
_NONSYMBOLIC = 32
_ITALIC = 64


@functools.lru_cache(maxsize=8192)  # a report repeats its names, states and figures
def text_width(text: str, face: Face, size: float) -> float:
    face_metrics = metrics(face)
    return face_metrics.width(face_metrics.glyphs(text)) * size / 1000


@functools.lru_cache(maxsize=8192)
def fitted(text: str, face: Face, size: float, width: float) -> str:
    """`text`, cut with "..." to be at most `width` points wide."""
    face_metrics = metrics(face)
    glyphs = face_metrics.glyphs(text)
    if face_metrics.width(glyphs) * size / 1000 <= width:
        return text
    room = width * 1000 / size - face_metrics.width(face_metrics.glyphs("..."))
    used = 0.0
    for kept, glyph in enumerate(glyphs):
        used += face_metrics.widths[glyph]
        if used > room:
            return composed(text)[:kept] + "..."
    return text


def _number(value: float) -> bytes:
    return (b"%.2f" % value).rstrip(b"0").rstrip(b".") or b"0"


def _text_string(text: str) -> bytes:
    """`text` as a PDF text string (UTF-16 with its byte order mark)."""
    return b"<feff%s>" % text.encode("utf-16-be").hex().encode()


class PageDrawing:
    """The drawing of one page, as PDF content operators, and the glyphs it uses."""

    def __init__(self) -> None:
        self._operators: list[bytes] = []
        self.used: dict[Face, set[str]] = {face: set() for face in Face}

    def text(self, x: float, y: float, text: str, face: Face, size: float) -> None:
        glyphs = metrics(face).glyphs(text)
        self.used[face].update(glyphs)
        self._operators.append(
            b"BT %s %s Tf %s %s Td <%s> Tj ET"
            % (
                _RESOURCE[face],
                _number(size),
                _number(x),
                _number(y),
                glyphs.encode("utf-16-be").hex().encode(),
            )
        )

    def right_text(self, x: float, y: float, text: str, face: Face, size: float) -> None:
        self.text(x - text_width(text, face, size), y, text, face, size)

    def centred_text(self, x: float, y: float, text: str, face: Face, size: float) -> None:
        self.text(x - text_width(text, face, size) / 2, y, text, face, size)

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self._operators.append(
            b"%s %s m %s %s l S" % (_number(x1), _number(y1), _number(x2), _number(y2))
        )

    def content(self) -> bytes:
        return b"\n".join(self._operators)


class PdfWriter:
    def __init__(self, stream: BinaryIO, size: tuple[float, float], title: str) -> None:
        self._stream = stream
        self._size = size
        self._offsets: dict[int, int] = {}
        self._written = 0
        self._pages: list[int] = []
        self._used: dict[Face, set[str]] = {face: set() for face in Face}
        self._write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        self._object(_INFO, b"<< /Title %s /Producer (tooddoc-desk) >>" % _text_string(title))

    def add_page(self, page: PageDrawing) -> None:
        number = _FIRST_PAGE + 2 * len(self._pages)
        self._stream_object(number, b"", page.content())
        width, height = self._size
        self._object(
            number + 1,
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] "
            b"/Resources << /Font << %s >> >> /Contents %d 0 R >>"
            % (_PAGES, _number(width), _number(height), _FONT_RESOURCES, number),
        )
        self._pages.append(number + 1)
        for face, glyphs in page.used.items():
            self._used[face] |= glyphs

    def close(self) -> None:
        """Writes the fonts, the page tree, the catalogue and the cross-reference table."""
        for face in Face:
            self._font(face, {ord(glyph) for glyph in self._used[face]})
        kids = b" ".join(b"%d 0 R" % number for number in self._pages)
        self._object(_PAGES, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(self._pages)))
        self._object(_CATALOG, b"<< /Type /Catalog /Pages %d 0 R >>" % _PAGES)
        table_at = self._written
        count = max(self._offsets) + 1
        self._write(b"xref\n0 %d\n0000000000 65535 f \n" % count)
        for number in range(1, count):
            self._write(b"%010d 00000 n \n" % self._offsets[number])
        self._write(
            b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (count, _CATALOG, _INFO, table_at)
        )
        self._stream.flush()

    def _font(self, face: Face, used: set[int]) -> None:
        """A composite font (PDF 1.7, 9.7) whose codes are glyph numbers, with the subset of
        the face's program and the map from glyphs back to characters (for search and copy)."""
        face_metrics = metrics(face)
        described = face_metrics.descriptor
        name = b"/%s+%s" % (subset_tag(face, used).encode(), described.postscript_name.encode())
        composite = _FONT_NUMBER[face]
        glyph_font, descriptor, program, characters = range(composite + 1, composite + 5)
        self._object(
            composite,
            b"<< /Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H "
            b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (name, glyph_font, characters),
        )
        widths = b" ".join(
            b"%d [%s]" % (glyph, _number(face_metrics.widths[chr(glyph)])) for glyph in sorted(used)
        )
        self._object(
            glyph_font,
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont %s "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/FontDescriptor %d 0 R /CIDToGIDMap /Identity /W [%s] >>"
            % (name, descriptor, widths),
        )
        flags = _NONSYMBOLIC | (_ITALIC if described.italic_angle else 0)
        self._object(
            descriptor,
            b"<< /Type /FontDescriptor /FontName %s /Flags %d /FontBBox [%d %d %d %d] "
            b"/ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV 80 "
            b"/FontFile2 %d 0 R >>"
            % (
                name,
                flags,
                *described.box,
                _number(described.italic_angle),
                described.ascent,
                described.descent,
                described.cap_height,
                program,
            ),
        )
        subset = face_metrics.subset(used)
        self._stream_object(program, b"/Length1 %d " % len(subset), subset)
        self._stream_object(characters, b"", _character_map(face, used))

    def _stream_object(self, number: int, keys: bytes, data: bytes) -> None:
        packed = zlib.compress(data)
        self._object(
            number,
            b"<< %s/Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream"
            % (keys, len(packed), packed),
        )

    def _object(self, number: int, body: bytes) -> None:
        self._offsets[number] = self._written
        self._write(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    def _write(self, data: bytes) -> None:
        self._stream.write(data)
        self._written += len(data)


def _character_map(face: Face, used: set[int]) -> bytes:
    """The ToUnicode map (PDF 1.7, 9.10.3): each glyph number → the character it draws."""
    code_point = metrics(face).code_point
    entries = [
        b"<%04x> <%s>" % (glyph, chr(code_point[glyph]).encode("utf-16-be").hex().encode())
        for glyph in sorted(used)
        if glyph in code_point
    ]
    blocks = [
        b"%d beginbfchar\n%s\nendbfchar" % (len(block), b"\n".join(block))
        for block in (entries[n : n + _MAP_BLOCK] for n in range(0, len(entries), _MAP_BLOCK))
    ]
    return b"\n".join(
        [
            b"/CIDInit /ProcSet findresource begin",
            b"12 dict begin",
            b"begincmap",
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            b"/CMapName /Adobe-Identity-UCS def",
            b"/CMapType 2 def",
            b"1 begincodespacerange",
            b"<0000> <ffff>",
            b"endcodespacerange",
            *blocks,
            b"endcmap",
            b"CMapName currentdict /CMap defineresource pop",
            b"end",
            b"end",
        ]
    )
