"""The page-by-page PDF writer, read back by pypdf in strict mode (every cross-reference offset
must point at its object) and by poppler (pdftotext, pdffonts), an independent reader; the
embedded font program read back by fontTools."""

from __future__ import annotations

import io
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import StreamObject

from tooddoc_desk.storage.pdf_font import Face, metrics
from tooddoc_desk.storage.pdf_writer import PageDrawing, PdfWriter, fitted, text_width

SIZE = (842.0, 595.0)
FACES = list(Face)
NAMES = "Dr Łukasz Şahin, Ioana Dumitrașcu, Ölmez Yılmaz, Ελένη, Жанна"
NOTES = "T ≥ 38 °C, SpO₂ ≤ 94 % → urgences ± 2 jours – 25,00 €"


def written(pages: list[list[str]], title: str = "Log") -> bytes:
    stream = io.BytesIO()
    writer = PdfWriter(stream, SIZE, title)
    for lines in pages:
        page = PageDrawing()
        for n, line in enumerate(lines):
            page.text(40, 550 - 12 * n, line, FACES[n % len(FACES)], 9)
        page.line(40, 30, 800, 30)
        writer.add_page(page)
    writer.close()
    return stream.getvalue()


def pdftotext(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "log.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_pages_read_back_in_order_with_their_text_and_size() -> None:
    data = written([[f"page {n}", "Cabinet Ëlsene (Ixelles) \\ 25,00 €"] for n in range(1, 4)])
    reader = PdfReader(io.BytesIO(data), strict=True)
    assert reader.metadata is not None
    assert reader.metadata.title == "Log"
    assert len(reader.pages) == 3
    for n, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"page {n}" in text
        assert "Cabinet Ëlsene (Ixelles) \\ 25,00 €" in text
        assert [float(v) for v in page.mediabox] == [0, 0, *SIZE]


def test_poppler_reads_it_too(tmp_path: Path) -> None:
    text = pdftotext(written([["Dr Anne Peeters", "101673"], ["Paid: 1 (EUR 30,00)"]]), tmp_path)
    assert "Dr Anne Peeters" in text
    assert "101673" in text
    assert "Paid: 1 (EUR 30,00)" in text
    assert text.count("\f") == 2  # one form feed after each page


def test_names_and_notes_outside_windows_1252_print_as_typed(tmp_path: Path) -> None:
    data = written([[NAMES, NOTES, NOTES]], title="Cabinet Dr Şahin")
    reader = PdfReader(io.BytesIO(data), strict=True)
    assert reader.metadata is not None
    assert reader.metadata.title == "Cabinet Dr Şahin"
    assert NAMES in reader.pages[0].extract_text()
    assert NOTES in reader.pages[0].extract_text()
    assert NAMES in pdftotext(data, tmp_path)


def test_the_fonts_are_embedded_subsets(tmp_path: Path) -> None:
    path = tmp_path / "log.pdf"
    path.write_bytes(written([["Ł", "ş", "≥"]]))
    listing = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert len(listing) == len(Face)
    for line in listing:
        name, *kind, encoding, embedded, subset, unicode_map, _number, _generation = line.split()
        assert "+LiberationSans" in name
        assert (kind, encoding) == (["CID", "TrueType"], "Identity-H")
        assert (embedded, subset, unicode_map) == ("yes", "yes", "yes")


def test_only_the_glyphs_used_are_in_the_font_program() -> None:
    reader = PdfReader(io.BytesIO(written([["Łukasz"]])))
    resources: Any = reader.pages[0]["/Resources"]  # pypdf's objects, as read
    regular = resources["/Font"]["/F1"].get_object()["/DescendantFonts"][0].get_object()
    program = regular["/FontDescriptor"]["/FontFile2"].get_object()
    assert isinstance(program, StreamObject)
    font = TTFont(io.BytesIO(program.get_data()))
    glyf = font["glyf"]
    outlined = {name for name in font.getGlyphOrder() if glyf[name].numberOfContours != 0}
    cmap = TTFont(metrics(Face.REGULAR).path).getBestCmap()
    assert outlined == {".notdef", *(cmap[ord(c)] for c in "Łukasz")}
    assert len(program.get_data()) < 40_000  # the whole face: 410 kB


def test_a_character_the_face_lacks_shows_as_a_question_mark() -> None:
    assert "Wang ? ?" in PdfReader(io.BytesIO(written([["Wang 王 🙂"]]))).pages[0].extract_text()


def test_decomposed_accents_print_composed() -> None:
    typed = "Zoe\u0308 Ve\u0301ronique"  # as some keyboards send it
    text = PdfReader(io.BytesIO(written([[typed]]))).pages[0].extract_text()
    assert "Zoë Véronique" in text


# what a name or a note is made of: letters, digits, punctuation and symbols the face draws,
# left to right (pypdf's text extraction reorders right-to-left scripts)
DRAWN = [
    chr(code)
    for code in metrics(Face.REGULAR).code_point.values()
    if unicodedata.category(chr(code))[0] in "LNPS"
    and unicodedata.bidirectional(chr(code)) in ("L", "EN", "ES", "ET", "CS", "ON")
    and unicodedata.normalize("NFC", chr(code)) == chr(code)
]


@settings(deadline=None, max_examples=60)  # each example is a whole PDF with its fonts
@given(st.text(st.sampled_from(DRAWN), min_size=1, max_size=80))
def test_any_text_the_face_draws_comes_back_as_written(line: str) -> None:
    text = PdfReader(io.BytesIO(written([[line]]))).pages[0].extract_text()
    assert text.strip() == line.strip()


def test_latin_widths_are_helveticas() -> None:
    # the report's columns were laid out in Helvetica: digits 556, "W" 944 thousandths
    assert text_width("0123456789", Face.REGULAR, 1000) == pytest.approx(5560, abs=5)
    assert text_width("W", Face.BOLD, 1000) == pytest.approx(944, abs=1)


def test_pages_are_in_the_file_as_soon_as_they_are_added() -> None:
    stream = io.BytesIO()
    writer = PdfWriter(stream, SIZE, "Log")
    sizes = []
    for n in range(3):
        page = PageDrawing()
        page.text(40, 500, f"row {n} " * 40, Face.REGULAR, 9)
        writer.add_page(page)
        sizes.append(len(stream.getvalue()))
    assert sizes[0] < sizes[1] < sizes[2]


@pytest.mark.parametrize("place", ["right", "centred"])
def test_right_and_centred_text_end_or_centre_where_asked(place: str) -> None:
    page = PageDrawing()
    text = "Page 12 of 40"
    width = text_width(text, Face.REGULAR, 8)
    if place == "right":
        page.right_text(500, 20, text, Face.REGULAR, 8)
        expected = 500 - width
    else:
        page.centred_text(500, 20, text, Face.REGULAR, 8)
        expected = 500 - width / 2
    x = float(page.content().split(b" Td")[0].split()[-2])
    assert x == pytest.approx(expected, abs=0.01)


@given(st.text(st.sampled_from(DRAWN), max_size=60), st.floats(20, 200))
def test_fitted_text_fits_and_is_cut_only_when_needed(text: str, width: float) -> None:
    shown = fitted(text, Face.REGULAR, 7, width)
    if text_width(text, Face.REGULAR, 7) <= width:
        assert shown == text
    else:
        assert shown.endswith("...")
        assert text.startswith(shown[:-3])
        assert text_width(shown, Face.REGULAR, 7) <= width
        assert text_width(text[: len(shown) - 2] + "...", Face.REGULAR, 7) > width  # none longer
