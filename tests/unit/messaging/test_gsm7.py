from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tooddoc_desk.messaging.gsm7 import (
    GSM7_BASIC,
    GSM7_EXTENSION,
    Encoding,
    fit_gsm7,
    is_gsm7,
    measure,
    stand_in,
)

# GSM 03.38 default alphabet, written out independently of the module (ESC 0x1B left out).
BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)


def test_the_alphabet_is_gsm_03_38() -> None:
    assert len(BASIC) == 127
    assert frozenset(BASIC) == GSM7_BASIC
    assert frozenset("\f^{}\\[~]|€") == GSM7_EXTENSION


@pytest.mark.parametrize(
    ("text", "units", "segments"),
    [
        ("", 0, 1),
        ("a" * 160, 160, 1),
        ("a" * 161, 161, 2),
        ("a" * 306, 306, 2),
        ("a" * 307, 307, 3),
        ("€" * 80, 160, 1),  # extension characters cost two septets
        ("€" * 81, 162, 2),
        ("a" * 152 + "€" + "a" * 8, 162, 2),  # the escape pair is not split: 152 | 2+8
        ("a" * 152 + "€" + "a" * 152, 306, 3),  # 152 (pair pushed on) | 2+151 | 1
    ],
)
def test_gsm7_segments(text: str, units: int, segments: int) -> None:
    assert measure(text).encoding is Encoding.GSM7
    assert measure(text).units == units
    assert measure(text).segments == segments


@pytest.mark.parametrize(
    ("text", "units", "segments"),
    [
        ("ê" * 70, 70, 1),
        ("ê" * 71, 71, 2),
        ("ê" * 134, 134, 2),
        ("ê" * 135, 135, 3),
        ("😀" * 35, 70, 1),  # outside the BMP: two UTF-16 units each
        ("ê" + "😀" * 33 + "ê", 68, 1),
        ("ê" * 66 + "😀" + "ê" * 4, 72, 2),  # the surrogate pair is not split: 66 | 2+4
    ],
)
def test_ucs2_segments(text: str, units: int, segments: int) -> None:
    measured = measure(text)
    assert measured.encoding is Encoding.UCS2
    assert (measured.units, measured.segments) == (units, segments)


@pytest.mark.parametrize(
    ("text", "fitted"),
    [
        ("Cabinet “Saint-Hélène”", 'Cabinet "Saint-Hélène"'),
        ("L’Oasis – Dr. François Lefèvre", "L'Oasis - Dr. Francois Lefèvre"),
        ("Praktijk Crèvecœur", "Praktijk Crèvecoeur"),
        ("Tandarts IJsselmeer — ĳs", "Tandarts IJsselmeer - ijs"),
        ("Zoë Noël", "Zoe Noel"),
        ("Maître Côté", "Maitre Coté"),
        ("Dr\u00a0Peeters\u202f: rendez-vous…", "Dr Peeters : rendez-vous..."),
        ("Prix\u200b 10€", "Prix 10€"),  # € is in the extension table: kept
        ("«Santé»", '"Santé"'),
    ],
)
def test_stand_ins_read_naturally(text: str, fitted: str) -> None:
    result = fit_gsm7(text)
    assert not result.unicode_needed
    assert result.text == fitted
    assert is_gsm7(result.text)


@pytest.mark.parametrize("text", ["Ιατρείο Παπαδόπουλος", "Клиника", "诊所", "Dr Peeters 🦷"])
def test_text_without_stand_ins_is_kept_as_it_is(text: str) -> None:
    result = fit_gsm7(text)
    assert result.unicode_needed
    assert result.text == text
    assert measure(result.text).encoding is Encoding.UCS2


@given(st.text(max_size=300))
def test_fitted_text_is_gsm7_or_says_unicode_is_needed(text: str) -> None:
    result = fit_gsm7(text)
    if result.unicode_needed:
        assert result.text == text
        assert any(stand_in(ch) is None for ch in text)
        assert measure(result.text).encoding is Encoding.UCS2
    else:
        assert is_gsm7(result.text)
        assert measure(result.text).encoding is Encoding.GSM7


@given(st.text(alphabet=sorted(GSM7_BASIC | GSM7_EXTENSION), max_size=300))
def test_gsm7_text_is_left_alone(text: str) -> None:
    assert fit_gsm7(text).text == text
    measured = measure(text)
    assert measured.units == len(text) + sum(ch in GSM7_EXTENSION for ch in text)
    if measured.units <= 160:
        assert measured.segments == 1
    else:  # 153 septets a part, at most one left empty when an escape pair moves on
        assert -(-measured.units // 153) <= measured.segments <= -(-measured.units // 152)
