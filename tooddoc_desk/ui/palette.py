"""Every colour the window uses, in a light and a dark variant.

Widgets name a tone ("error", "ok", …: ui/theme.py applies it), never a colour. Each text
colour is chosen to read on its background at WCAG AA (a contrast ratio of at least 4.5:1),
which `contrast()` measures and the tests check for every pair in `text_pairs()`.

Two things keep one look in both themes on purpose: the video area (dark, like any video
player, so the picture's edges do not glare) and the QR code (black on white: phone cameras
read a dark code on a light ground, not the reverse; ui/link_code.py).
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Palette:
    name: str
    window: str  # the window's ground, where labels sit
    base: str  # fields and lists
    alternate_base: str
    text: str
    placeholder: str
    button: str
    disabled_text: str
    highlight: str
    highlighted_text: str
    link: str
    error: str  # a refusal, a failed send
    ok: str  # a number checked, a good connection
    warning: str  # a fair connection, reconnecting
    info: str  # a new chat line
    problem_ground: str  # the banner that says what went wrong
    problem_text: str
    notice_ground: str  # a patient waits, a second device asks, the recovery key
    notice_text: str
    notice_border: str
    danger_ground: str  # Hang up
    danger_text: str
    video_ground: str
    video_text: str
    brand_ground: str  # the app's mark
    brand_mark: str


LIGHT = Palette(
    name="light",
    window="#f3f3f3",
    base="#ffffff",
    alternate_base="#f5f7fa",
    text="#1a1a1a",
    placeholder="#5f6368",
    button="#e8e8e8",
    disabled_text="#6b6b6b",
    highlight="#1565c0",
    highlighted_text="#ffffff",
    link="#0b5cad",
    error="#b00020",
    ok="#1b6e20",
    warning="#8a5a00",
    info="#0b5cad",
    problem_ground="#fde7ea",
    problem_text="#8a0018",
    notice_ground="#fff3c4",
    notice_text="#4a3800",
    notice_border="#e0c060",
    danger_ground="#b00020",
    danger_text="#ffffff",
    video_ground="#14161a",
    video_text="#c8c8c8",
    brand_ground="#1565c0",
    brand_mark="#ffffff",
)

DARK = Palette(
    name="dark",
    window="#1f2024",
    base="#2a2c31",
    alternate_base="#303238",
    text="#e8e8ea",
    placeholder="#a0a3a8",
    button="#3a3c42",
    disabled_text="#8c8f94",
    highlight="#4a8fe7",
    highlighted_text="#0d0d0d",
    link="#8ab8ff",
    error="#ff8a9b",
    ok="#7fd88a",
    warning="#f2c462",
    info="#8ab8ff",
    problem_ground="#4a1a22",
    problem_text="#ffd5dc",
    notice_ground="#3b3216",
    notice_text="#ffe8a3",
    notice_border="#8a7430",
    danger_ground="#c0283c",
    danger_text="#ffffff",
    video_ground="#14161a",
    video_text="#c8c8c8",
    brand_ground="#1565c0",
    brand_mark="#ffffff",
)

PALETTES = (LIGHT, DARK)
MIN_TEXT_CONTRAST = 4.5  # WCAG 2.x AA, normal text


def text_pairs(palette: Palette) -> dict[str, tuple[str, str]]:
    """Each text colour with the ground it is read on."""
    on_window = ("text", "error", "ok", "warning", "info", "link", "placeholder")
    pairs = {f"{name} on window": (getattr(palette, name), palette.window) for name in on_window}
    pairs |= {f"{name} on base": (getattr(palette, name), palette.base) for name in on_window}
    pairs |= {
        "disabled text on window": (palette.disabled_text, palette.window),
        "text on button": (palette.text, palette.button),
        "text on alternate rows": (palette.text, palette.alternate_base),
        "highlighted text": (palette.highlighted_text, palette.highlight),
        "problem banner": (palette.problem_text, palette.problem_ground),
        "notice banner": (palette.notice_text, palette.notice_ground),
        "hang up": (palette.danger_text, palette.danger_ground),
        "video placeholder": (palette.video_text, palette.video_ground),
    }
    return pairs


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of "#rrggbb"."""
    if len(colour) != 7 or not colour.startswith("#"):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def colours(palette: Palette) -> dict[str, str]:
    return {f.name: getattr(palette, f.name) for f in fields(palette) if f.name != "name"}
