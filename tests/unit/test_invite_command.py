"""`tooddoc-desk invite`, its parse path run in-process: what it accepts, what it refuses (status 2
and the window's own sentence), and what `--dry-run` shows without touching anything."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tooddoc_desk.cli import invite_args, parser
from tooddoc_desk.config import Config, Settings
from tooddoc_desk.core.contact import ContactError, parse_contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.invite_command import InviteArgs, prepare, run_invite
from tooddoc_desk.provider_settings import SmsSettings
from tooddoc_desk.services.invite_outcome import InviteRequest

NOWHERE = Path("/nonexistent/tooddoc-desk-data")  # a dry run never looks at the data folder
CONFIG = Config(NOWHERE, Settings(practice_name="Cabinet Peeters"))
NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
BRUSSELS = ZoneInfo("Europe/Brussels")


def run(*argv: str, config: Config = CONFIG) -> tuple[int, str, str]:
    """The command as `main` runs it, after load_config: argparse, then run_invite."""
    args = parser().parse_args(["invite", *argv])
    out, err = io.StringIO(), io.StringIO()
    status = run_invite(config, invite_args(args), out=out, err=err, tz=BRUSSELS)
    return status, out.getvalue(), err.getvalue()


def test_a_valid_invite_is_prepared() -> None:
    request = prepare(CONFIG, InviteArgs("0470 12 34 56", "nl", "26/11 9:15"), NOW, BRUSSELS)
    assert isinstance(request, InviteRequest)
    assert request.contact == parse_contact("+32470123456")
    assert request.language is Language.NL
    assert request.at == datetime(2026, 11, 26, 8, 15, tzinfo=UTC)
    default = prepare(CONFIG, InviteArgs("jan@example.be"), NOW)
    assert isinstance(default, InviteRequest)
    assert (default.language, default.at) == (Language.FR, None)  # the practice's language


@pytest.mark.parametrize("typed", ["02 555 12 12", "0470 12 34", "jan@", "1733", "", "abc"])
def test_an_invalid_contact_exits_2_with_the_windows_sentence(typed: str) -> None:
    with pytest.raises(ContactError) as window:
        parse_contact(typed)
    status, out, err = run(f"--to={typed}", "--dry-run")
    assert (status, out) == (2, "")
    assert err.strip() == window.value.message


def test_a_bad_time_exits_2_and_says_why() -> None:
    status, _, err = run("--to=0470123456", "--at=25:61", "--dry-run")
    assert status == 2
    assert err.startswith("--at: ")
    assert "is not a time of day" in err


def test_the_practitioner_is_passed_on_by_name() -> None:
    prepared = prepare(CONFIG, InviteArgs("0470123456", practitioner=" Dr Peeters "), NOW)
    assert isinstance(prepared, InviteRequest)
    assert prepared.practitioner == "Dr Peeters"
    status, _, err = run("--to=0470123456", "--practitioner=", "--dry-run")
    assert (status, err.strip()) == (2, "--practitioner takes the practitioner's name.")


def test_a_dry_run_shows_the_invite_and_its_way_and_touches_nothing() -> None:
    status, out, err = run("--to=0470 12 34 56", "--lang=en", "--dry-run")
    assert (status, err) == (0, "")
    assert "nothing was sent" in out
    assert "+32 470 12 34 56 (SMS: no provider is set up" in out
    assert "Cabinet Peeters invites you to a video consultation" in out
    assert "http://127.0.0.1:8765/c/XXXX" in out
    assert "1 SMS" in out
    assert not NOWHERE.exists()

    twilio = Config(
        NOWHERE,
        Settings(
            practice_name="Cabinet Peeters",
            sms=SmsSettings("twilio", "DrPeeters", "AC" + "0" * 32),
        ),
    )
    status, out, _ = run("--to=0470123456", "--at=2099-01-01 10:00", "--dry-run", config=twilio)
    assert status == 2  # more than 90 days ahead
    status, out, _ = run("--to=0470123456", "--dry-run", config=twilio)
    assert "SMS through Twilio, from DrPeeters" in out


def test_a_dry_run_of_a_booking_says_when_the_link_leaves() -> None:
    later = datetime.now(BRUSSELS).replace(microsecond=0)
    day = later.date().toordinal() + 2
    when = datetime.fromordinal(day).strftime("%d/%m/%Y") + " 10:00"
    status, out, _ = run("--to=jan@example.be", f"--at={when}", "--dry-run")
    assert status == 0
    assert "booked for" in out
    assert "the link leaves" in out
    assert "at 9:30" in out
    assert "Subject:  Votre consultation vidéo avec Cabinet Peeters" in out


PHONE_LIKE = st.text(alphabet="0123456789 +-./()", max_size=24)
MIXED = st.one_of(st.text(max_size=60), PHONE_LIKE, st.emails(), st.from_regex(r"\+?\d{6,16}"))


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_every_to_normalises_or_exits_2_with_a_sentence(typed: str) -> None:
    status, out, err = run(f"--to={typed}", "--dry-run")
    assert status in (0, 2)
    if status == 0:
        assert err == ""
        assert "nothing was sent" in out
    else:
        assert out == ""
        assert err.strip()
        assert "Traceback" not in err
