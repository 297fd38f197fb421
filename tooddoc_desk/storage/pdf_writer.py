"""A PDF written page by page: each finished page goes to the file at once, so that a report of
thousands of pages holds one page in memory (and two numbers per page: where its objects are).

Enough of PDF 1.4 for a text report: the standard Helvetica faces (not embedded, Windows-1252
text: a character outside it shows as "?"), text placed left, right or centred, and straight
lines. Widths come from ReportLab's font metrics.
"""

from __future__ import annotations

import functools
import re
import zlib
from typing import BinaryIO

from reportlab.pdfbase.pdfmetrics import getFont

FACES = ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique")
_PAGES = 1  # the page tree, written last: every page names it as its parent
_CATALOG = 2
_INFO = 3
_FIRST_FONT = 4


# the width of each Windows-1252 character, in thousandths of the font's size
_WIDTHS = {face: tuple(getFont(face).widths) for face in FACES}
_ESCAPE = re.compile(rb"[^\x20-\x7e]|[\\()]")


@functools.lru_cache(maxsize=8192)  # a report repeats its names, states and figures
def text_width(text: str, face: str, size: float) -> float:
    widths = _WIDTHS[face]
    return sum(widths[byte] for byte in text.encode("cp1252", "replace")) * size / 1000


@functools.lru_cache(maxsize=8192)
def fitted(text: str, face: str, size: float, width: float) -> str:
    """`text`, cut with "..." to be at most `width` points wide."""
    widths = _WIDTHS[face]
    if len(text) * max(widths) * size / 1000 <= width or text_width(text, face, size) <= width:
        return text
    room = width * 1000 / size - 3 * widths[ord(".")]
    used = 0
    for kept, byte in enumerate(text.encode("cp1252", "replace")):  # one byte per character
        used += widths[byte]
        if used > room:
            return text[:kept] + "..."
    return text


def _escaped(found: re.Match[bytes]) -> bytes:
    byte = found[0]
    return b"\\" + byte if byte in b"\\()" else b"\\%03o" % byte[0]


def _literal(text: str) -> bytes:
    """`text` as a PDF string literal in Windows-1252."""
    return b"(" + _ESCAPE.sub(_escaped, text.encode("cp1252", "replace")) + b")"


def _number(value: float) -> bytes:
    return (b"%.2f" % value).rstrip(b"0").rstrip(b".") or b"0"


class PageDrawing:
    """The drawing of one page, as PDF content operators."""

    def __init__(self) -> None:
        self._operators: list[bytes] = []

    def text(self, x: float, y: float, text: str, face: str, size: float) -> None:
        font = b"/F%d" % (FACES.index(face) + 1)
        self._operators.append(
            b"BT %s %s Tf %s %s Td %s Tj ET"
            % (font, _number(size), _number(x), _number(y), _literal(text))
        )

    def right_text(self, x: float, y: float, text: str, face: str, size: float) -> None:
        self.text(x - text_width(text, face, size), y, text, face, size)

    def centred_text(self, x: float, y: float, text: str, face: str, size: float) -> None:
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
        self._write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        self._object(_INFO, b"<< /Title %s /Producer (tooddoc-desk) >>" % _literal(title))
        for number, face in enumerate(FACES, start=_FIRST_FONT):
            self._object(
                number,
                b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
                % face.encode(),
            )

    def add_page(self, page: PageDrawing) -> None:
        number = _FIRST_FONT + len(FACES) + 2 * len(self._pages)
        packed = zlib.compress(page.content())
        self._object(
            number,
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed),
        )
        fonts = b" ".join(
            b"/F%d %d 0 R" % (n, _FIRST_FONT + n - 1) for n in range(1, len(FACES) + 1)
        )
        width, height = self._size
        self._object(
            number + 1,
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] "
            b"/Resources << /Font << %s >> >> /Contents %d 0 R >>"
            % (_PAGES, _number(width), _number(height), fonts, number),
        )
        self._pages.append(number + 1)

    def close(self) -> None:
        """Writes the page tree, the catalogue and the cross-reference table."""
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

    def _object(self, number: int, body: bytes) -> None:
        self._offsets[number] = self._written
        self._write(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    def _write(self, data: bytes) -> None:
        self._stream.write(data)
        self._written += len(data)
