"""The chat of each call, kept with its consultation in the encrypted store.

Each line is written when it is said (one small transaction, synchronous=FULL) and read back in
the order it was said. Like the notes, the lines are clinical content: the CSV export never
reads this table, and nothing here logs a text.
"""

from __future__ import annotations

from tooddoc_desk.core.chat import ChatMessage, ChatSender
from tooddoc_desk.storage.database import Database
from tooddoc_desk.storage.errors import ConsultationNotFound
from tooddoc_desk.storage.timestamps import from_text, to_text

_INSERT = (
    "INSERT INTO chat_messages (consultation_id, sender, author_id, at, text)"
    " VALUES (?, ?, ?, ?, ?)"
)
_LIST = (
    "SELECT sender, author_id, at, text FROM chat_messages WHERE consultation_id = ? ORDER BY seq"
)


class ChatRepository:
    def __init__(self, database: Database) -> None:
        self._database = database

    def add(self, consultation_id: str, message: ChatMessage) -> None:
        """Keeps one line of the consultation's chat; ConsultationNotFound for an unknown id."""
        with self._database.transaction() as connection:
            found = connection.execute(
                "SELECT 1 FROM consultations WHERE id = ?", (consultation_id,)
            ).fetchone()
            if found is None:
                raise ConsultationNotFound(consultation_id)
            connection.execute(
                _INSERT,
                (
                    consultation_id,
                    message.sender.value,
                    message.author_id,
                    to_text(message.at),
                    message.text,
                ),
            )

    def messages(self, consultation_id: str) -> list[ChatMessage]:
        """The consultation's chat, oldest first (empty for a consultation without one)."""
        with self._database.snapshot() as connection:
            rows = connection.execute(_LIST, (consultation_id,)).fetchall()
        return [
            ChatMessage(ChatSender(sender), from_text(at), text, author_id)
            for sender, author_id, at, text in rows
        ]
