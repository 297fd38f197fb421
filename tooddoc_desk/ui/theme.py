"""The window follows the system's light or dark colour scheme, at start and when it changes.

The scheme comes from Qt's style hints (the desktop's setting); TOODDOC_COLOR_SCHEME=light or
dark overrides it, for a desktop that does not say. One application style sheet gives each tone
(ui/palette.py) its colour; a widget takes a tone with `set_tone(widget, "error")`, so that a
change of scheme recolours every widget at once. When the system is dark but Qt's platform
theme gave a light palette (no desktop theme plug-in), the dark palette is set too.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from tooddoc_desk.ui.palette import DARK, LIGHT, Palette

log = logging.getLogger(__name__)

SCHEME_VARIABLE = "TOODDOC_COLOR_SCHEME"
TONES = ("error", "ok", "warning", "info", "problem", "notice", "danger")


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Gives `widget` the colours of `tone` (None: its ordinary ones), now and in either scheme."""
    if tone is not None and tone not in TONES:
        raise ValueError(f"no such tone: {tone}")
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def style_sheet(palette: Palette) -> str:
    """The application's style sheet for `palette`: the tones only (widgets keep their own
    sizes and weights)."""
    p = palette
    return (
        f'*[tone="error"] {{ color: {p.error}; }}\n'
        f'*[tone="ok"] {{ color: {p.ok}; }}\n'
        f'*[tone="warning"] {{ color: {p.warning}; }}\n'
        f'*[tone="info"] {{ color: {p.info}; }}\n'
        f'*[tone="problem"] {{ background: {p.problem_ground}; color: {p.problem_text}; }}\n'
        f'*[tone="notice"] {{ background: {p.notice_ground}; color: {p.notice_text};'
        f" border: 1px solid {p.notice_border}; }}\n"
        f'*[tone="notice"] QLabel {{ color: {p.notice_text}; background: transparent;'
        " border: none; }\n"
        f'QPushButton[tone="danger"] {{ background: {p.danger_ground}; color: {p.danger_text};'
        " border: none; border-radius: 3px; }\n"
        f'QPushButton[tone="danger"]:disabled {{ background: {p.button};'
        f" color: {p.disabled_text}; }}\n"
    )


def qt_palette(palette: Palette) -> QPalette:
    """A whole QPalette from `palette` (for when the platform gives none of the right scheme)."""
    result = QPalette()
    roles = {
        QPalette.ColorRole.Window: palette.window,
        QPalette.ColorRole.WindowText: palette.text,
        QPalette.ColorRole.Base: palette.base,
        QPalette.ColorRole.AlternateBase: palette.alternate_base,
        QPalette.ColorRole.Text: palette.text,
        QPalette.ColorRole.PlaceholderText: palette.placeholder,
        QPalette.ColorRole.Button: palette.button,
        QPalette.ColorRole.ButtonText: palette.text,
        QPalette.ColorRole.ToolTipBase: palette.base,
        QPalette.ColorRole.ToolTipText: palette.text,
        QPalette.ColorRole.Highlight: palette.highlight,
        QPalette.ColorRole.HighlightedText: palette.highlighted_text,
        QPalette.ColorRole.Link: palette.link,
        QPalette.ColorRole.BrightText: palette.error,
        QPalette.ColorRole.Light: palette.button,
        QPalette.ColorRole.Midlight: palette.button,
        QPalette.ColorRole.Mid: palette.alternate_base,
        QPalette.ColorRole.Dark: palette.window,
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        result.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(palette.disabled_text))
    return result


def _looks_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class Theme(QObject):
    """Applies the light or dark palette to the application and follows the system's scheme."""

    changed = Signal()

    def __init__(self, app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
        super().__init__(app)
        self._app = app
        self._own_palette = False
        self.palette = LIGHT
        forced = os.environ.get(SCHEME_VARIABLE, "").strip().lower()
        if scheme is None and forced in ("light", "dark"):
            scheme = Qt.ColorScheme.Dark if forced == "dark" else Qt.ColorScheme.Light
        self._forced = scheme
        app.styleHints().colorSchemeChanged.connect(self._system_changed)
        self.apply(scheme if scheme is not None else app.styleHints().colorScheme())

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        if self._forced is None:
            self.apply(scheme)

    def apply(self, scheme: Qt.ColorScheme) -> None:
        """Uses the dark palette for Dark, the light one otherwise (Unknown included)."""
        palette = DARK if scheme == Qt.ColorScheme.Dark else LIGHT
        app = self._app
        if (palette is DARK and (self._own_palette or not _looks_dark(app.palette()))) or (
            palette is LIGHT and (self._own_palette or _looks_dark(app.palette()))
        ):
            self._use_own_palette(palette)
        app.setStyleSheet(style_sheet(palette))
        changed = palette is not self.palette
        self.palette = palette
        log.info("colour scheme: %s", palette.name)
        if changed:
            self.changed.emit()

    def _use_own_palette(self, palette: Palette) -> None:
        if not self._own_palette:
            fusion = QStyleFactory.create("Fusion")
            if fusion is not None:
                self._app.setStyle(fusion)  # the platform's style may not honour a palette
            self._own_palette = True
        self._app.setPalette(qt_palette(palette))


def follow_system(app: QApplication) -> Theme:
    """The theme of the app, following the system (call once the QApplication exists)."""
    return Theme(app)
