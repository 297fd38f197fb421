"""The page-by-page PDF writer, read back by pypdf in strict mode (every cross-reference offset
must point at its object) and by poppler's pdftotext, an independent reader."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from tooddoc_desk.storage.pdf_writer import FACES, PageDrawing, PdfWriter, fitted, text_width

SIZE = (842.0, 595.0)


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
    path = tmp_path / "log.pdf"
    path.write_bytes(written([["Dr Anne Peeters", "101673"], ["Paid: 1 (EUR 30,00)"]]))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Dr Anne Peeters" in text
    assert "101673" in text
    assert "Paid: 1 (EUR 30,00)" in text
    assert text.count("\f") == 2  # one form feed after each page


def test_characters_outside_windows_1252_show_as_a_question_mark() -> None:
    data = written([["Łukasz 王"]])
    assert "?ukasz ?" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


@given(st.text(st.characters(codec="cp1252", exclude_categories=("Cc", "Zs")), min_size=1))
def test_any_windows_1252_text_comes_back_as_written(line: str) -> None:
    text = PdfReader(io.BytesIO(written([[line]]))).pages[0].extract_text()
    assert text.strip() == line.strip()


def test_pages_are_in_the_file_as_soon_as_they_are_added() -> None:
    stream = io.BytesIO()
    writer = PdfWriter(stream, SIZE, "Log")
    sizes = []
    for n in range(3):
        page = PageDrawing()
        page.text(40, 500, f"row {n} " * 40, "Helvetica", 9)
        writer.add_page(page)
        sizes.append(len(stream.getvalue()))
    assert sizes[0] < sizes[1] < sizes[2]


@pytest.mark.parametrize("place", ["right", "centred"])
def test_right_and_centred_text_end_or_centre_where_asked(place: str) -> None:
    page = PageDrawing()
    text = "Page 12 of 40"
    width = text_width(text, "Helvetica", 8)
    if place == "right":
        page.right_text(500, 20, text, "Helvetica", 8)
        expected = 500 - width
    else:
        page.centred_text(500, 20, text, "Helvetica", 8)
        expected = 500 - width / 2
    x = float(page.content().split(b" Td")[0].split()[-2])
    assert x == pytest.approx(expected, abs=0.01)


@given(st.text(st.characters(codec="cp1252"), max_size=60), st.floats(20, 200))
def test_fitted_text_fits_and_is_cut_only_when_needed(text: str, width: float) -> None:
    shown = fitted(text, "Helvetica", 7, width)
    if text_width(text, "Helvetica", 7) <= width:
        assert shown == text
    else:
        assert shown.endswith("...")
        assert text.startswith(shown[:-3])
        assert text_width(shown, "Helvetica", 7) <= width
        assert text_width(text[: len(shown) - 2] + "...", "Helvetica", 7) > width  # none longer
