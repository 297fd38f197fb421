"""A writer for the crash test: writes consultations until it is killed.

Run as `python -m tests.integration.storage.crash_writer FOLDER SEED` with the database key in
hex on stdin. It prints `ready`, then one line per write, each only after the write's commit
has returned:

    add ID              the consultation and its first two events
    state ID STATE      a transition
    notes ID LENGTH     notes of that length (see `notes_for`)
"""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from pathlib import Path

from tests.helpers.storage import T0, make_consultation
from tooddoc_desk.core.consultation import State
from tooddoc_desk.storage import Store, StorePaths
from tooddoc_desk.storage.database_key import DatabaseKey

ONWARDS = (State.OPENED, State.WAITING, State.IN_CALL, State.ENDED)


def notes_for(consultation_id: str, length: int) -> str:
    """Notes whose content the checker can rebuild from the id and the length alone."""
    unit = f"Consultation {consultation_id}: état stable, suivi à J+7. "
    return (unit * (length // len(unit) + 1))[:length]


def main() -> None:
    folder, seed = Path(sys.argv[1]), int(sys.argv[2])
    key = DatabaseKey(bytes.fromhex(sys.stdin.readline().strip()))
    rng = random.Random(seed)
    store = Store.open_with_key(StorePaths(folder), key)
    repository = store.consultations
    print("ready", flush=True)
    for number in range(1_000_000):
        created = T0 + timedelta(days=seed % 3000, seconds=number)
        consultation = make_consultation(created_at=created, until=State.INVITED)
        repository.add(consultation)
        print(f"add {consultation.id}", flush=True)
        for step, state in enumerate(ONWARDS[: rng.randint(0, len(ONWARDS))], start=1):
            transition = consultation.move_to(state, created + timedelta(minutes=step))
            repository.record(consultation.id, transition)
            print(f"state {consultation.id} {state.value}", flush=True)
        if rng.random() < 0.5:
            length = rng.randint(50, 6000)
            repository.save_notes(consultation.id, notes_for(consultation.id, length))
            print(f"notes {consultation.id} {length}", flush=True)


if __name__ == "__main__":
    main()
