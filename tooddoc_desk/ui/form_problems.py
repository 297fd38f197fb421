"""Where a form says what is wrong: in red under the field it is about (or under the form when
it is about no one field); that field gets the focus, and screen readers hear the sentence as
the field's description. What was typed stays as it was.

    problems = FormProblems(general_label)
    problems.row(form, label, field, "sms.sender_id")   # the field's row, its problem line
    problems.say("sms.sender_id", refusal.message)      # English; said in the window's language
    problems.clear()
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from tooddoc_desk.ui.i18n import sentence
from tooddoc_desk.ui.theme import set_tone

RED = ""  # the colour comes from the theme: FormProblems and problem_line() tone their labels


def problem_line() -> QLabel:
    line = QLabel("")
    line.setWordWrap(True)
    set_tone(line, "error")
    line.hide()
    return line


class FormProblems:
    def __init__(self, general: QLabel) -> None:
        self.general = general
        set_tone(general, "error")
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._said: tuple[str | None, str] | None = None  # (field, English sentence)

    def row(self, form: QFormLayout, label: QWidget | str, field: QWidget, key: str) -> QLabel:
        """Adds `field`'s row to `form` with its problem line under it; the line."""
        line = problem_line()
        form.addRow(label, field)
        form.addRow("", line)
        self.watch(key, field, line)
        return line

    def watch(self, key: str, field: QWidget, line: QLabel) -> None:
        """`field` (its problems said on `line`) is the one `key` names."""
        self._fields[key] = (field, line)

    def say(self, key: str | None, message: str) -> None:
        """Says `message` next to the field `key` names (under the form for an unknown one)."""
        self.clear()
        self._said = (key, message)
        self._show()
        known = self._fields.get(key or "")
        if known is not None:
            known[0].setFocus()

    def clear(self) -> None:
        self._said = None
        for field, line in self._fields.values():
            line.clear()
            line.hide()
            field.setAccessibleDescription("")
        self.general.clear()

    @property
    def shown(self) -> str:
        """The sentence shown, as shown (empty: none)."""
        if self._said is None:
            return ""
        known = self._fields.get(self._said[0] or "")
        return (known[1] if known is not None else self.general).text()

    def retranslate(self) -> None:
        if self._said is not None:
            self._show()

    def _show(self) -> None:
        assert self._said is not None
        key, message = self._said
        text = sentence(message)
        known = self._fields.get(key or "")
        if known is None:
            self.general.setText(text)
            return
        field, line = known
        line.setText(text)
        line.show()
        field.setAccessibleDescription(text)
