"""The fake server refuses what Telegram refuses, so that the end-to-end tests mean something."""

from __future__ import annotations

import pytest

from tests.bot.fake_telegram import BadRequest, check_text, entities_of, parse_html


@pytest.mark.parametrize(
    ("html", "visible"),
    [
        ("<b>bold</b> &amp; <i>it</i>", "bold & it"),
        ("<blockquote expandable>a <b>b</b></blockquote>", "a b"),
        ('<a href="https://x.org/?a=1&amp;b=2">x</a>', "x"),
        ('<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>', "st"),
        ('<pre><code class="language-python">x = 1</code></pre>', "x = 1"),
        ("&lt;&gt;&quot;&#39;&#x1F600;", "<>\"'😀"),
    ],
)
def test_accepted(html: str, visible: str) -> None:
    assert parse_html(html) == visible


@pytest.mark.parametrize(
    "html",
    [
        "a < b",
        "a & b",
        "a > b",
        "<b>unclosed",
        "<b><i>crossed</b></i>",
        "<script>x</script>",
        "<blockquote><blockquote>x</blockquote></blockquote>",
        '<span class="other">x</span>',
        "<a>no href</a>",
        "<code><b>x</b></code>",
        "&nbsp;",
        '<b class="x">x</b>',
    ],
)
def test_refused(html: str) -> None:
    with pytest.raises(BadRequest):
        parse_html(html)


@pytest.mark.parametrize(
    "text", ["", "   ", "<b> </b>", "x" * 4097, "😀" * 2049, "&amp;" * 4097]
)
def test_empty_or_too_long_is_refused(text: str) -> None:
    with pytest.raises(BadRequest):
        check_text(text, "HTML")


def test_the_limit_counts_utf16_units_after_parsing() -> None:
    check_text("😀" * 2048, "HTML")
    check_text("<b>" + "&amp;" * 4096 + "</b>", "HTML")


def test_entities_use_utf16_offsets() -> None:
    assert entities_of("😀 @ArticleTestBot /quote@Xyz") == [
        {"type": "mention", "offset": 3, "length": 15},
        {"type": "bot_command", "offset": 19, "length": 10},
    ]
