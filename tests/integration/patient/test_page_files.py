"""The patient page's files themselves: small, every word in four languages, states documented."""

from __future__ import annotations

import re
from pathlib import Path

from tooddoc_desk.hub.config import default_patient_dir

PAGE = default_patient_dir()
FILES = ("index.html", "patient.css", "patient.js", "strings.js")
LANGUAGES = ("fr", "nl", "en", "de")


def read(name: str) -> str:
    return (PAGE / name).read_text("utf-8")


def strings_by_language() -> dict[str, set[str]]:
    text = read("strings.js")
    blocks = re.split(r"^  (fr|nl|en|de): \{$", text, flags=re.MULTILINE)
    found: dict[str, set[str]] = {}
    for language, body in zip(blocks[1::2], blocks[2::2], strict=True):
        found[language] = set(re.findall(r"^    (\w+): ", body, flags=re.MULTILINE))
    return found


def test_the_page_is_small() -> None:
    size = sum(len((PAGE / name).read_bytes()) for name in FILES)
    assert size < 150_000, f"the page's HTML, CSS and JavaScript weigh {size} bytes"


def test_every_word_is_there_in_four_languages() -> None:
    by_language = strings_by_language()
    assert set(by_language) == set(LANGUAGES)
    assert by_language["fr"] == by_language["nl"] == by_language["en"] == by_language["de"]
    used = set(re.findall(r'data-i18n(?:-label)?="(\w+)"', read("index.html")))
    used |= set(re.findall(r"\bt\('(\w+)'", read("patient.js")))
    assert used - by_language["en"] == set()


def test_every_state_the_page_enters_is_documented_at_the_top_of_patient_js() -> None:
    script = read("patient.js")
    header = script.split("'use strict';", 1)[0]
    documented = set(re.findall(r"^//   (\w+) ", header, flags=re.MULTILINE))
    entered = set(re.findall(r"setState\('(\w+)'", script))
    entered |= set(re.findall(r"\bend\('\w+', '(\w+)'", script))
    assert entered, "no state found: has patient.js changed shape?"
    assert entered | {"loading"} <= documented
    styled = set(re.findall(r'\.status\[data-state="(\w+)"', read("patient.css")))
    assert styled <= documented


def test_no_third_party_code_or_assets() -> None:
    html = read("index.html")
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith("../static/"), url
    for name in FILES:
        assert "http://" not in read(name).replace("http://ADDR", "")
        assert "https://" not in read(name)
    assert Path(PAGE / "icon.svg").exists()
