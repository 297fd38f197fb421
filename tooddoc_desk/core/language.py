"""The languages a patient can be addressed in."""

from enum import StrEnum


class Language(StrEnum):
    FR = "fr"
    NL = "nl"
    EN = "en"
    DE = "de"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Language.FR: "Français",
    Language.NL: "Nederlands",
    Language.EN: "English",
    Language.DE: "Deutsch",
}
