"""`QT_TRANSLATE_NOOP` as lupdate knows it, typed: marks a constant for translation under a
context; `QCoreApplication.translate(context, constant)` says it in the window's language when it
is shown (PySide6's own returns `object` to type checkers)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
