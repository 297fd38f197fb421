"""The first run's checks, on a real encrypted store and the tests' keyring: whatever is typed
as a practice's name, a person's name or a hub's address, the answer is the value kept or a
refusal that names its page and field; nothing is written before the end."""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.accounts import FAST_HASH, PASSWORD
from tests.helpers.keyring_backend import FolderKeyring
from tooddoc_desk.config import HubSettings, Settings
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.users import MAX_NAME, Role
from tooddoc_desk.services.accounts import Accounts, NewUser
from tooddoc_desk.services.first_run import FirstRun, SetupRefused, Step
from tooddoc_desk.services.practice_settings import PracticeSettings
from tooddoc_desk.storage.store import Store
from tooddoc_desk.storage.store_paths import StorePaths

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
EXAMPLES = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def first_run(tmp_path: Path) -> FirstRun:
    keyring = FolderKeyring(tmp_path / "keyring")
    created = Store.create(StorePaths(tmp_path / "data"), keyring=keyring)
    accounts = Accounts(created.store.users, SystemClock(), FAST_HASH)
    practice = PracticeSettings(tmp_path / "data", Settings(), keyring, accounts)

    async def no_hub_change(hub: HubSettings) -> None:
        raise AssertionError("no hub change in these tests")

    return FirstRun(
        accounts,
        practice,
        keyring,
        httpx.AsyncClient(timeout=1),
        recovery_key=created.recovery_key,
        renew_recovery_key=created.store.replace_recovery_key,
        use_hub=no_hub_change,
    )


@EXAMPLES
@given(name=st.text(max_size=100))
def test_a_practice_name_is_kept_trimmed_or_refused_on_its_field(
    first_run: FirstRun, name: str
) -> None:
    typed = replace(first_run.settings, practice_name=name)
    if 1 <= len(name.strip()) <= 80:
        assert first_run.check_practice(typed).practice_name == name.strip()
        return
    with pytest.raises(SetupRefused) as refused:
        first_run.check_practice(typed)
    assert (refused.value.step, refused.value.field) == (Step.PRACTICE, "practice_name")


@EXAMPLES
@given(name=st.text(max_size=100))
def test_a_person_s_name_is_kept_or_refused_on_its_field(first_run: FirstRun, name: str) -> None:
    person = NewUser(name, frozenset({Role.RECEPTIONIST}), PASSWORD)
    joined = " ".join(name.split())
    if 1 <= len(joined) <= MAX_NAME and not CONTROL.search(joined):
        (user,) = first_run.check_people([person])
        assert user.name == joined
        return
    with pytest.raises(SetupRefused) as refused:
        first_run.check_people([person])
    assert (refused.value.step, refused.value.field) == (Step.PEOPLE, "name")


def test_a_name_given_twice_is_refused(first_run: FirstRun) -> None:
    people = [
        NewUser("Dr Peeters", frozenset({Role.PRACTITIONER}), PASSWORD, "1-23456-78-901"),
        NewUser("dr  peeters", frozenset({Role.RECEPTIONIST}), "482915"),
    ]
    with pytest.raises(SetupRefused, match="another person has this name already") as refused:
        first_run.check_people(people)
    assert refused.value.field == "name"


URLS = st.one_of(
    st.text(max_size=60),
    st.from_regex(r"(https?|ftp)://[a-z0-9.:@/?#-]{0,30}", fullmatch=True),
)


@EXAMPLES
@given(url=URLS)
def test_any_hub_address_is_refused_with_a_sentence_on_the_address_field(
    first_run: FirstRun, url: str
) -> None:
    """Nothing answers on this machine's network namespace: every address is refused, and
    always on the address field, with a sentence (never an exception of another kind)."""
    hub = HubSettings(mode="hosted", url=url)
    with pytest.raises(SetupRefused) as refused:
        asyncio.run(first_run.check_hub(hub, "a-practice-key-long-enough"))
    assert refused.value.step == Step.HUB
    assert refused.value.field == "hub.url"
    assert refused.value.message.endswith(".")


def test_the_recovery_key_is_read_as_typed(first_run: FirstRun) -> None:
    shown = first_run.recovery_key().display
    first_run.check_recovery_key(shown.lower().replace("-", " "))
    with pytest.raises(SetupRefused, match="compare each group of four"):
        first_run.check_recovery_key(shown[:-1] + ("A" if shown[-1] != "A" else "B"))
    with pytest.raises(SetupRefused, match="32 letters and digits"):
        first_run.check_recovery_key("not a key")
