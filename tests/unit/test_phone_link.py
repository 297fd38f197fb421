"""`tooddoc:` links from phone systems become `--incoming`; anything else in one is refused
with a sentence, never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tooddoc_desk.__main__ import EXIT_USAGE, main
from tooddoc_desk.phone_link import PhoneLinkError, caller_in, with_phone_link_as_incoming


@pytest.mark.parametrize(
    ("link", "caller"),
    [
        ("tooddoc:+32470123456", "+32470123456"),
        ("tooddoc:0470%2012%2034%2056", "0470 12 34 56"),
        ("TOODDOC:0470123456", "0470123456"),
        ("tooddoc://call/+32470123456", "+32470123456"),
        ("tooddoc://0470123456", "0470123456"),
        ("tooddoc:?number=0470123456", "0470123456"),
        ("tooddoc://call?contact=patient%40example.be", "patient@example.be"),
    ],
)
def test_the_caller_of_each_form(link: str, caller: str) -> None:
    assert caller_in(link) == caller


def test_a_link_becomes_incoming_on_the_command_line() -> None:
    assert with_phone_link_as_incoming(["--data-dir", "/d", "tooddoc:+32470123456"]) == [
        "--data-dir",
        "/d",
        "--incoming",
        "+32470123456",
    ]
    assert with_phone_link_as_incoming(["export", "--out", "x.csv"]) == ["export", "--out", "x.csv"]


@pytest.mark.parametrize(
    "link", ["tooddoc:", "tooddoc://call/", "tooddoc:?number=", "tooddoc:" + "1" * 3000]
)
def test_a_link_without_a_caller_is_refused_with_a_sentence(link: str) -> None:
    with pytest.raises(PhoneLinkError, match="tooddoc: link"):
        caller_in(link)


@given(st.text(max_size=200))
def test_any_link_gives_a_caller_or_a_sentence(rest: str) -> None:
    outcome = ""
    try:
        outcome = caller_in("tooddoc:" + rest)
    except PhoneLinkError as error:
        outcome = str(error)
        assert outcome.startswith("The tooddoc: link")
    assert outcome == outcome.strip()


def test_the_command_refuses_an_empty_link_before_anything_starts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["tooddoc://call/"]) == EXIT_USAGE
    assert "holds no phone number" in capsys.readouterr().err
