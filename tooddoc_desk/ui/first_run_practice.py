"""The first run's first page: the practice's name, as patients see it, and the language of the
app and of the patients' messages (the window speaks it at once)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit

from tooddoc_desk.config import Settings
from tooddoc_desk.core.language import Language
from tooddoc_desk.services.first_run import Step
from tooddoc_desk.ui.first_run_page import FirstRunPage
from tooddoc_desk.ui.i18n import choose_language, install_language

DEFAULT_NAME = Settings().practice_name


class PracticePage(FirstRunPage):
    step = Step.PRACTICE

    def __init__(self, current: Settings) -> None:
        super().__init__()
        named = current.practice_name != DEFAULT_NAME
        self.name = QLineEdit(current.practice_name if named else "")
        self.name.setPlaceholderText("Cabinet Dr Peeters")
        self.language = QComboBox()
        for language in Language:
            self.language.addItem(language.label, language)
        self.language.setCurrentIndex(list(Language).index(current.language))
        self.name_label, self.language_label = QLabel(), QLabel()
        form = QFormLayout()
        self.problems.row(form, self.name_label, self.name, "practice_name")
        self.problems.row(form, self.language_label, self.language, "language")
        self.add(form)
        self.end()
        self.language.currentIndexChanged.connect(self._speak)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("The practice"))
        self.intro.setText(
            self.tr(
                "Welcome. Five short steps set the app up: the practice, the people who use "
                "the app, the hub patients connect through, how invites leave, and the recovery "
                "key of the consultation store, which you will write down at the end."
            )
        )
        self.name_label.setText(self.tr("Name shown to patients"))
        self.name.setAccessibleName(self.tr("Name shown to patients"))
        self.language_label.setText(self.tr("Language of the app and of the invites"))
        self.language.setAccessibleName(self.tr("Language of the app and of the invites"))
        self.problems.retranslate()

    def chosen_language(self) -> Language:
        return Language(self.language.currentData())

    def _speak(self) -> None:
        install_language(choose_language(self.chosen_language()))

    def settings(self, current: Settings) -> Settings:
        return replace(
            current, practice_name=self.name.text().strip(), language=self.chosen_language()
        )

    def focus_first(self) -> None:
        self.name.setFocus()
