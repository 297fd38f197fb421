"""A writer killed with SIGKILL at random moments loses no committed consultation.

Each round starts one writer process and kills it once it has reported a random number of
commits (the kill lands wherever the writer then is: in a commit, between two, in an fsync).
Every write it reported, and so had committed, must be there after reopening, and
PRAGMA integrity_check must stay ok.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tests.integration.storage.crash_writer import notes_for
from tooddoc_desk.core.consultation import State
from tooddoc_desk.storage import CreatedStore, Store, StorePaths
from tooddoc_desk.storage.database_key import DatabaseKey

ROUNDS = 32
REPO = Path(__file__).resolve().parents[3]


@dataclass
class Reported:
    states: list[State] = field(default_factory=lambda: [State.DRAFT, State.INVITED])
    notes_length: int | None = None


def run_round(
    paths: StorePaths, key: DatabaseKey, seed: int, kill_after: int, log: Path
) -> list[str]:
    """Starts a writer, kills it after `kill_after` reported commits; returns every line it
    reported (including those still in the pipe when it died)."""
    with open(log, "a") as stderr:
        writer = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.integration.storage.crash_writer",
                str(paths.folder),
                str(seed),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        assert writer.stdin is not None
        assert writer.stdout is not None
        writer.stdin.write(key.raw.hex() + "\n")
        writer.stdin.close()
        lines: list[str] = []
        for line in writer.stdout:
            lines.append(line.strip())
            if len(lines) > kill_after:  # the first line is "ready"
                writer.send_signal(signal.SIGKILL)
                break
        lines.extend(line.strip() for line in writer.stdout.read().splitlines())
        writer.stdout.close()
        returncode = writer.wait(timeout=30)
    assert returncode == -signal.SIGKILL, log.read_text()
    assert lines[0] == "ready", log.read_text()
    return lines[1:]


def test_killed_writers_lose_no_committed_consultation(
    created: CreatedStore, paths: StorePaths, database_key: DatabaseKey, tmp_path: Path
) -> None:
    created.store.close()
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    reported: dict[str, Reported] = {}
    total_commits = 0
    for round_number in range(ROUNDS):
        kill_after = rng.choice([0, 1, 2, rng.randint(3, 40), rng.randint(40, 160)])
        lines = run_round(
            paths, database_key, seed + round_number, kill_after, tmp_path / "writer.log"
        )
        total_commits += len(lines)
        for line in lines:
            kind, consultation_id, *rest = line.split()
            if kind == "add":
                reported[consultation_id] = Reported()
            elif kind == "state":
                reported[consultation_id].states.append(State(rest[0]))
            else:
                reported[consultation_id].notes_length = int(rest[0])
        with Store.open_with_key(paths, database_key) as store:
            context = f"seed {seed}, round {round_number}"
            assert store.integrity_problems() == [], context
            for consultation_id, expected in reported.items():
                stored = store.consultations.get(consultation_id)
                states = [t.state for t in stored.history]
                assert states[: len(expected.states)] == expected.states, context
                if expected.notes_length is not None:
                    assert stored.notes == notes_for(consultation_id, expected.notes_length), (
                        context
                    )
            # as the app does at start-up; what it writes must last like the rest
            for consultation_id in store.consultations.interrupt_open_calls(datetime.now(UTC)):
                history = store.consultations.get(consultation_id).history
                assert history[-1].state is State.INTERRUPTED
                if consultation_id in reported:
                    reported[consultation_id].states = [t.state for t in history]
    assert len(reported) >= ROUNDS, f"seed {seed}: the writers reported too little"
    assert total_commits > 3 * ROUNDS
