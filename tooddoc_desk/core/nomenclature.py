"""What the manager's export suggests for billing: the consultation's modality, the INAMI
nomenclature code for it, and the practice's fee for that code.

Modality: a call is `phone` when it ran in audio only throughout (its audio-only seconds cover
all its measured seconds but the first PHONE_GRACE_SECONDS, the time the link takes to settle)
and `video` otherwise; a consultation without a call has no modality and no code.

Codes since August 2022, the defaults of `BillingTable.codes`:

| practitioner kind | video  | phone  |
|-------------------|--------|--------|
| gp                | 101673 | 101732 |
| specialist        | 101695 | 101732 |
| dentist           | (none: the practice sets its own) |
| other             | (none) |

The kind comes from the INAMI number unless the settings name it (`practitioner_kinds`, by INAMI
number): a number whose first digit is 1 is a physician's, a GP's when its qualification code
(the last three digits) is below 010 and a specialist's otherwise; a first digit 3 is a
dentist's; anything else is `other`. Fees are per code, in euro cents; a code without a fee
shows no fee. Nothing here is sent anywhere: it is a suggestion the manager checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from tooddoc_desk.core.call_summary import CallSummary

PHONE_GRACE_SECONDS = 10.0


class PractitionerKind(StrEnum):
    GP = "gp"
    SPECIALIST = "specialist"
    DENTIST = "dentist"
    OTHER = "other"


class Modality(StrEnum):
    VIDEO = "video"
    PHONE = "phone"


def _default_codes() -> dict[str, dict[str, str]]:
    return {
        PractitionerKind.GP.value: {Modality.VIDEO.value: "101673", Modality.PHONE.value: "101732"},
        PractitionerKind.SPECIALIST.value: {
            Modality.VIDEO.value: "101695",
            Modality.PHONE.value: "101732",
        },
        PractitionerKind.DENTIST.value: {},
        PractitionerKind.OTHER.value: {},
    }


@dataclass(frozen=True)
class BillingTable:
    """The `billing` section of settings.json."""

    # kind → modality → nomenclature code
    codes: dict[str, dict[str, str]] = field(default_factory=_default_codes)
    fee_cents: dict[str, int] = field(default_factory=dict)  # code → the practice's fee
    practitioner_kinds: dict[str, str] = field(default_factory=dict)  # INAMI number → kind

    def kind_of(self, inami: str | None) -> PractitionerKind:
        if inami is None:
            return PractitionerKind.OTHER
        named = self.practitioner_kinds.get(inami)
        return PractitionerKind(named) if named is not None else kind_from_inami(inami)

    def code_for(self, inami: str | None, modality: Modality | None) -> str:
        """The suggested code ("" when there was no call, or the table has none)."""
        if modality is None:
            return ""
        return self.codes.get(self.kind_of(inami).value, {}).get(modality.value, "")

    def fee_for(self, code: str) -> int | None:
        return self.fee_cents.get(code) if code else None


def kind_from_inami(inami: str) -> PractitionerKind:
    """The kind an INAMI number says (11 digits: profession, number, check, qualification)."""
    if not re.fullmatch(r"\d{11}", inami):
        return PractitionerKind.OTHER
    if inami[0] == "1":
        return PractitionerKind.GP if int(inami[8:]) < 10 else PractitionerKind.SPECIALIST
    if inami[0] == "3":
        return PractitionerKind.DENTIST
    return PractitionerKind.OTHER


def modality_of(had_call: bool, summary: CallSummary | None) -> Modality | None:
    """None without a call; phone when the call ran in audio only throughout; video else (a
    call whose summary was not kept started on video, as every call does)."""
    if not had_call:
        return None
    if summary is None or summary.media_seconds <= 0:
        return Modality.VIDEO
    audio_only_seconds = summary.audio_only_minutes * 60
    if audio_only_seconds >= summary.media_seconds - PHONE_GRACE_SECONDS:
        return Modality.PHONE
    return Modality.VIDEO


def parse_billing(raw: Any) -> BillingTable:
    """The `billing` section as read from JSON (absent: the defaults); ValueError saying which
    entry is wrong."""
    if raw is None:
        return BillingTable()
    if not isinstance(raw, dict):
        raise ValueError("billing must be an object")
    defaults = BillingTable()
    codes = {kind: dict(by_modality) for kind, by_modality in defaults.codes.items()}
    for kind, by_modality in _object(raw.get("codes", {}), "billing.codes").items():
        PractitionerKind(_member(kind, PractitionerKind, "billing.codes"))
        entries = _object(by_modality, f"billing.codes.{kind}")
        codes[kind] = {}
        for modality, code in entries.items():
            _member(modality, Modality, f"billing.codes.{kind}")
            codes[kind][modality] = _code(code, f"billing.codes.{kind}.{modality}")
    fees: dict[str, int] = {}
    for code, cents in _object(raw.get("fee_cents", {}), "billing.fee_cents").items():
        _code(code, "billing.fee_cents")
        if isinstance(cents, bool) or not isinstance(cents, int) or not 0 <= cents <= 10**7:
            raise ValueError(f"billing.fee_cents.{code} must be a whole number of cents")
        fees[code] = cents
    kinds: dict[str, str] = {}
    for inami, kind in _object(
        raw.get("practitioner_kinds", {}), "billing.practitioner_kinds"
    ).items():
        if not re.fullmatch(r"\d{11}", str(inami)):
            raise ValueError("billing.practitioner_kinds is keyed by 11-digit INAMI numbers")
        kinds[str(inami)] = _member(kind, PractitionerKind, "billing.practitioner_kinds")
    return BillingTable(codes=codes, fee_cents=fees, practitioner_kinds=kinds)


def _object(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{name} must be an object")
    return value


def _member(value: Any, kind: type[StrEnum], name: str) -> str:
    allowed = [member.value for member in kind]
    if value not in allowed:
        raise ValueError(f"{name}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _code(value: Any, name: str) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"\d{6}", value):
        raise ValueError(f"{name} must be a nomenclature code of 6 digits, as text")
    return value
