"""Help › Keyboard shortcuts (F1): every shortcut of the window, in its language. The window is
usable without a mouse: Tab and Shift+Tab go through every control in reading order."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.ui.i18n import FollowsLanguage
from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP

CONTEXT = "ShortcutsDialog"
NEW_CONSULTATION = "Ctrl+T"
LOCK = "Ctrl+L"
HELP = "F1"

# (keys, what they do): keys in Qt's portable form, shown in the system's own words
SHORTCUTS: tuple[tuple[str, str], ...] = (
    (
        NEW_CONSULTATION,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Type a new patient's number or address"),
    ),
    ("Return", QT_TRANSLATE_NOOP("ShortcutsDialog", "Send the link (in the patient's field)")),
    (LOCK, QT_TRANSLATE_NOOP("ShortcutsDialog", "Lock the screen")),
    ("Ctrl+D", QT_TRANSLATE_NOOP("ShortcutsDialog", "Mute or unmute your microphone (in a call)")),
    ("Ctrl+E", QT_TRANSLATE_NOOP("ShortcutsDialog", "Turn your camera off or on (in a call)")),
    ("Ctrl+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next tab: Today, Call, History, Users")),
    ("Ctrl+Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous tab")),
    ("Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next control")),
    ("Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous control")),
    ("Space", QT_TRANSLATE_NOOP("ShortcutsDialog", "Press the button that has the focus")),
    ("Return", QT_TRANSLATE_NOOP("ShortcutsDialog", "Send a chat message (in the chat)")),
    ("Shift+Return", QT_TRANSLATE_NOOP("ShortcutsDialog", "New line in a chat message")),
    (HELP, QT_TRANSLATE_NOOP("ShortcutsDialog", "This list of shortcuts")),
)


def keys_text(keys: str) -> str:
    """`keys` as the system writes them (Ctrl on Linux and Windows, ⌘ on macOS)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class ShortcutsDialog(FollowsLanguage, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(len(SHORTCUTS), 2)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(520, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        for row, (keys, doing) in enumerate(SHORTCUTS):
            key_item = QTableWidgetItem(keys_text(keys))
            key_item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, 0, key_item)
            self.table.setItem(row, 1, QTableWidgetItem(QCoreApplication.translate(CONTEXT, doing)))
        self.table.resizeColumnToContents(0)
