"""Per-chat flood control."""

from __future__ import annotations

from bot.flood import FloodControl


def test_replies_then_one_warning_then_silence_until_the_window_passes() -> None:
    flood = FloodControl(limit=2, window=60.0)
    verdicts = [flood.verdict(1, now) for now in (0.0, 1.0, 2.0, 3.0)]
    assert verdicts == ["reply", "reply", "warn", "drop"]
    assert flood.verdict(2, 3.0) == "reply"  # another chat is not affected
    assert flood.verdict(1, 63.5) == "reply"  # every earlier attempt has left the window
