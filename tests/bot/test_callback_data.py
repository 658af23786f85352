"""Callback data: every state fits Telegram's 64 bytes and comes back unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.callback_data import (
    MAX_ASKER,
    MAX_ITEMS,
    MAX_PARAGRAPH,
    MAX_SLOT,
    ButtonState,
    Item,
    decode,
    encode,
    fingerprint,
)
from index import Engine

items = st.lists(
    st.builds(
        Item,
        st.integers(0, MAX_PARAGRAPH),
        st.none() | st.integers(0, MAX_SLOT),
    ),
    min_size=1,
    max_size=MAX_ITEMS,
).map(tuple)

states = items.flatmap(
    lambda chosen: st.builds(
        ButtonState,
        st.text("0123456789abcdef", min_size=6, max_size=6),
        st.sampled_from(["show", "context", "more"]),
        st.sampled_from(["ask", "quote", "who"]),
        # Users, anonymous chats (negative ids, -100… for supergroups) and anyone (0).
        st.integers(-MAX_ASKER, MAX_ASKER) | st.sampled_from([10**13, -1001234567890, 0]),
        st.integers(0, len(chosen) - 1),
        st.just(chosen),
    )
)


@given(states)
def test_every_state_fits_in_64_bytes_and_round_trips(state: ButtonState) -> None:
    data = encode(state)
    assert 1 <= len(data.encode("utf-8")) <= 64
    assert decode(data) == state


def test_the_largest_state_fits() -> None:
    state = ButtonState(
        "ffffff", "context", "who", -MAX_ASKER, MAX_ITEMS - 1,
        tuple(Item(MAX_PARAGRAPH, MAX_SLOT) for _ in range(MAX_ITEMS)),
    )
    assert len(encode(state).encode()) <= 64


@given(st.text())
def test_any_text_decodes_to_a_state_or_none_without_raising(data: str) -> None:
    state = decode(data)
    if state is not None:
        assert decode(encode(state)) == state


@pytest.mark.parametrize(
    "state",
    [
        ButtonState("abcdef", "show", "ask", 0, 0, ()),  # no result
        ButtonState("abcdef", "show", "ask", 0, 1, (Item(1, None),)),  # position past the end
        ButtonState("abcdef", "show", "ask", 0, 0, (Item(MAX_PARAGRAPH + 1, None),)),
        ButtonState("abcdef", "show", "ask", 0, 0, (Item(1, MAX_SLOT + 1),)),
        ButtonState("abcdef", "show", "ask", MAX_ASKER + 1, 0, (Item(1, None),)),
        ButtonState("ABCDEF", "show", "ask", 0, 0, (Item(1, None),)),  # not a fingerprint
        ButtonState("abcdef", "show", "ask", 0, 0, tuple(Item(1, 0) for _ in range(11))),
    ],
    ids=["empty", "position", "paragraph", "slot", "asker", "fingerprint", "eleven"],
)
def test_a_state_beyond_64_bytes_is_refused_when_encoding(state: ButtonState) -> None:
    with pytest.raises(ValueError):
        encode(state)


def test_the_fingerprint_follows_the_article_text(engine: Engine) -> None:
    same = Engine.from_path(None)
    edited = Engine.from_text("\n\n".join(p.text for p in engine.article.paragraphs) + " !")
    assert fingerprint(same.article) == fingerprint(engine.article)
    assert fingerprint(edited.article) != fingerprint(engine.article)
    assert len(fingerprint(engine.article)) == 6
