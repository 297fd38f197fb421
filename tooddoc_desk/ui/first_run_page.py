"""What each page of the first run has: a heading, a few words on what it is for, its fields
with their problem lines (`problems`), and a line for a problem about the page as a whole."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from tooddoc_desk.services.first_run import SetupRefused, Step
from tooddoc_desk.ui.form_problems import FormProblems, problem_line
from tooddoc_desk.ui.i18n import FollowsLanguage


class FirstRunPage(FollowsLanguage, QWidget):
    step: Step

    def __init__(self) -> None:
        super().__init__()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.problem = problem_line()
        self.problems = FormProblems(self.problem)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.intro)

    def add(self, part: QWidget | QLayout, stretch: int = 0) -> None:
        if isinstance(part, QLayout):
            self._layout.addLayout(part, stretch)
        else:
            self._layout.addWidget(part, stretch)

    def end(self) -> None:
        """Called last by each page's constructor: the page's problem line, under the rest."""
        self._layout.addStretch(1)
        self._layout.addWidget(self.problem)

    def refuse(self, refusal: SetupRefused) -> None:
        self.problems.say(refusal.field, refusal.message)
        if self.problem.text():
            self.problem.show()

    def clear_problems(self) -> None:
        self.problems.clear()
        self.problem.hide()

    def title(self) -> str:
        """The page's name, in the window's language (the step line says it too)."""
        return self.heading.text()

    def focus_first(self) -> None:
        """Puts the focus where typing starts on this page."""
        raise NotImplementedError
