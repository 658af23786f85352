"""What a button under an answer carries: its whole state, in at most 64 bytes of callback data.

Nothing is kept in memory between a reply and a press, so that any instance of the bot, or the
same bot after a restart, answers the press. The question itself may be long, so it never travels:
the answer's ranked paragraphs do, each with which of its quotations the answer showed.

``v1|<fingerprint>|<action><mode>|<asker>|<position>|<items>`` where numbers are base 36, the
asker is the user who may press (0: anyone) and each item is two digits of paragraph number and
one of quotation slot (``z``: no quotation).
"""

from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass
from typing import Final, Literal

from index import Article, Mode

VERSION: Final = "v1"
MAX_BYTES: Final = 64  # Telegram's limit on callback_data
MAX_ITEMS: Final = 10  # MAX_RESULTS is at most 10
MAX_PARAGRAPH: Final = 36**2 - 1  # two base-36 digits
MAX_SLOT: Final = 34  # one base-36 digit, "z" meaning no quotation
MAX_ASKER: Final = 2**53  # Telegram: user and chat ids fit in 52 bits and a sign
FINGERPRINT_LENGTH: Final = 6

Action = Literal["show", "context", "more"]
_ACTIONS: Final[dict[Action, str]] = {"show": "s", "context": "c", "more": "m"}
_MODES: Final[dict[Mode, str]] = {"ask": "a", "quote": "q", "who": "w"}
_DIGITS: Final = string.digits + string.ascii_lowercase
_NO_QUOTE: Final = "z"


@dataclass(frozen=True)
class Item:
    """One result of the answer: its paragraph and which of the paragraph's quotations it shows."""

    paragraph: int
    slot: int | None


@dataclass(frozen=True)
class ButtonState:
    """What a press must do, on which answer, for whom."""

    fingerprint: str
    action: Action
    mode: Mode
    asker: int
    position: int
    items: tuple[Item, ...]

    @property
    def item(self) -> Item:
        return self.items[self.position]

    def to(self, action: Action, position: int | None = None) -> ButtonState:
        """The state of a button going from here to ``action`` (at ``position``)."""
        where = self.position if position is None else position
        return ButtonState(self.fingerprint, action, self.mode, self.asker, where, self.items)


def fingerprint(article: Article) -> str:
    """A short hash of the article's text: a button from another article or version differs."""
    digest = hashlib.sha256()
    for paragraph in article.paragraphs:
        digest.update(paragraph.text.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")
    return digest.hexdigest()[:FINGERPRINT_LENGTH]


def encode(state: ButtonState) -> str:
    """The callback data of ``state``; ValueError when a value is outside what 64 bytes hold."""
    if len(state.fingerprint) != FINGERPRINT_LENGTH or not _is_base36(state.fingerprint):
        raise ValueError(f"bad fingerprint {state.fingerprint!r}")
    if not 1 <= len(state.items) <= MAX_ITEMS or not 0 <= state.position < len(state.items):
        raise ValueError("position or number of items out of range")
    if abs(state.asker) > MAX_ASKER:
        raise ValueError("asker id out of range")
    items = "".join(_item(item) for item in state.items)
    asker = ("-" if state.asker < 0 else "") + _base36(abs(state.asker))
    data = "|".join(
        (
            VERSION,
            state.fingerprint,
            _ACTIONS[state.action] + _MODES[state.mode],
            asker,
            _base36(state.position),
            items,
        )
    )
    if len(data.encode()) > MAX_BYTES:  # the ranges above make this impossible
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def decode(data: str) -> ButtonState | None:
    """The state in callback data, or None when it is not ours or from another version."""
    parts = data.split("|")
    if len(parts) != 6 or parts[0] != VERSION or len(parts[2]) != 2:
        return None
    _, print_, codes, asker_text, position_text, items_text = parts
    action = next((a for a, code in _ACTIONS.items() if code == codes[0]), None)
    mode = next((m for m, code in _MODES.items() if code == codes[1]), None)
    negative = asker_text.startswith("-")
    asker_digits = asker_text[1:] if negative else asker_text
    if (
        action is None
        or mode is None
        or len(print_) != FINGERPRINT_LENGTH
        or not _is_base36(print_)
        or not _is_base36(asker_digits)
        or not _is_base36(position_text)
        or not _is_base36(items_text)
        or len(items_text) % 3
        or not 1 <= len(items_text) // 3 <= MAX_ITEMS
    ):
        return None
    asker = int(asker_digits, 36) * (-1 if negative else 1)
    position = int(position_text, 36)
    items = tuple(_parse_item(items_text[i : i + 3]) for i in range(0, len(items_text), 3))
    if position >= len(items) or abs(asker) > MAX_ASKER:
        return None
    return ButtonState(print_, action, mode, asker, position, items)


def _item(item: Item) -> str:
    if not 0 <= item.paragraph <= MAX_PARAGRAPH:
        raise ValueError(f"paragraph {item.paragraph} out of range")
    if item.slot is not None and not 0 <= item.slot <= MAX_SLOT:
        raise ValueError(f"quotation slot {item.slot} out of range")
    slot = _NO_QUOTE if item.slot is None else _DIGITS[item.slot]
    return _base36(item.paragraph).rjust(2, "0") + slot


def _parse_item(text: str) -> Item:
    slot = None if text[2] == _NO_QUOTE else int(text[2], 36)
    return Item(int(text[:2], 36), slot)


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = _DIGITS[digit] + digits
        if number == 0:
            return digits


def _is_base36(text: str) -> bool:
    return bool(text) and all(char in _DIGITS for char in text)
