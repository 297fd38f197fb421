"""Rooms: one consultation's meeting point, and the registry that holds them.

A room stores the SHA-256 digests of its two tokens, never the tokens. The registry finds a room
by the digest of the token a client presents (a dictionary keyed by the digest; learning anything
about a stored digest from timing does not help to find a token, which would take a SHA-256
preimage) and confirms the match with a constant-time comparison. Unknown, expired and ended rooms
give the same answer: none.

An ended room is kept for a while without its token index (so that `DELETE` of a room that just
ended still answers 204), then forgotten.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from tooddoc_desk.core.clock import require_aware
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.tokens import digests_match, token_digest


class Role(StrEnum):
    PATIENT = "patient"
    PRACTITIONER = "practitioner"


class CloseReason(StrEnum):
    HUNG_UP = "hung_up"  # `bye` from either side
    CANCELLED = "cancelled"  # `DELETE /api/rooms/{room_id}` from the practice
    EXPIRED = "expired"  # its time ran out


def new_room_id() -> str:
    return secrets.token_hex(16)


@dataclass(frozen=True)
class Room:
    room_id: str
    practice_name: str
    language: Language
    created_at: datetime
    expires_at: datetime
    patient_digest: str = field(repr=False)
    practitioner_digest: str = field(repr=False)
    ended_at: datetime | None = None
    end_reason: CloseReason | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "created_at", require_aware(self.created_at))
        object.__setattr__(self, "expires_at", require_aware(self.expires_at))
        if self.expires_at <= self.created_at:
            raise ValueError("a room must expire after its creation")

    @property
    def ended(self) -> bool:
        return self.end_reason is not None

    def is_open(self, now: datetime) -> bool:
        return not self.ended and now < self.expires_at

    def digest_for(self, role: Role) -> str:
        return self.patient_digest if role is Role.PATIENT else self.practitioner_digest


class RoomRegistry(Protocol):
    """Where rooms live. In memory for now; the interface leaves room for a shared store."""

    def add(self, room: Room) -> None: ...

    def find_open(self, role: Role, token: str, now: datetime) -> Room | None:
        """The open room whose `role` token is `token`, or None (unknown, expired or ended)."""

    def get(self, room_id: str) -> Room | None:
        """The room with this id, open or recently ended, or None."""

    def end(self, room_id: str, reason: CloseReason, at: datetime) -> Room | None:
        """Ends an open room and returns it; None if it is unknown or had already ended."""

    def due(self, now: datetime) -> list[Room]:
        """Rooms not yet ended whose time has run out."""

    def forget_ended_before(self, moment: datetime) -> int:
        """Drops rooms that ended before `moment`; returns how many."""

    def open_count(self) -> int: ...


class InMemoryRoomRegistry:
    def __init__(self) -> None:
        self._rooms: dict[str, Room] = {}
        self._by_digest: dict[tuple[Role, str], str] = {}

    def add(self, room: Room) -> None:
        if room.room_id in self._rooms:
            raise ValueError("a room with this id already exists")
        self._rooms[room.room_id] = room
        for role in Role:
            self._by_digest[(role, room.digest_for(role))] = room.room_id

    def find_open(self, role: Role, token: str, now: datetime) -> Room | None:
        digest = token_digest(token)
        room = self._rooms.get(self._by_digest.get((role, digest), ""))
        if room is None or not digests_match(room.digest_for(role), digest):
            return None
        return room if room.is_open(require_aware(now)) else None

    def get(self, room_id: str) -> Room | None:
        return self._rooms.get(room_id)

    def end(self, room_id: str, reason: CloseReason, at: datetime) -> Room | None:
        room = self._rooms.get(room_id)
        if room is None or room.ended:
            return None
        ended = replace(room, ended_at=require_aware(at), end_reason=reason)
        self._rooms[room_id] = ended
        for role in Role:
            self._by_digest.pop((role, room.digest_for(role)), None)
        return ended

    def due(self, now: datetime) -> list[Room]:
        moment = require_aware(now)
        return [r for r in self._rooms.values() if not r.ended and r.expires_at <= moment]

    def forget_ended_before(self, moment: datetime) -> int:
        limit = require_aware(moment)
        gone = [
            room_id
            for room_id, room in self._rooms.items()
            if room.ended_at is not None and room.ended_at < limit
        ]
        for room_id in gone:
            del self._rooms[room_id]
        return len(gone)

    def open_count(self) -> int:
        return sum(1 for room in self._rooms.values() if not room.ended)
