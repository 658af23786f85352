"""Whether a message is for us: every text in a private chat; in groups only what addresses us.

Pure functions of a message and the bot's identity, so that a table of cases tests them.
"""

from __future__ import annotations

import re
from enum import Enum

from telegram import Chat, Message, MessageEntity


class Addressed(Enum):
    """Why a message is for us."""

    PRIVATE = "private"
    COMMAND = "command"
    REPLY = "reply"
    MENTION = "mention"


def entity_text(message: Message, entity: MessageEntity) -> str:
    """The text an entity covers; "" when its UTF-16 range is outside the text or splits a pair.

    python-telegram-bot's parse_entity raises UnicodeDecodeError on such a range.
    """
    encoded = (message.text or "").encode("utf-16-le")
    start, end = entity.offset * 2, (entity.offset + entity.length) * 2
    if start < 0 or end > len(encoded):
        return ""
    try:
        return encoded[start:end].decode("utf-16-le")
    except UnicodeDecodeError:
        return ""


def command_target(message: Message) -> tuple[str, str | None] | None:
    """(command, @target or None) when the message starts with a bot command, else None."""
    entity = next(iter(message.entities), None)
    if entity is None or entity.type != MessageEntity.BOT_COMMAND or entity.offset != 0:
        return None
    command = entity_text(message, entity)[1:]
    name, _, target = command.partition("@")
    return name.lower(), (target or None)


def is_command_for(message: Message, username: str) -> bool:
    """A command bare (/quote) or addressed to us (/quote@ThisBot), not /quote@OtherBot."""
    found = command_target(message)
    if found is None:
        return False
    target = found[1]
    return target is None or target.lower() == username.lower()


def is_reply_to(message: Message, bot_id: int) -> bool:
    """A reply to one of our messages; in forum topics the topic's service message does not count.

    Every message in a forum topic is formally a reply to the topic's creation message, which may
    even be ours when the bot created the topic.
    """
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != bot_id:
        return False
    return replied.forum_topic_created is None


def mentions(message: Message, username: str, bot_id: int) -> bool:
    """The text mentions @username (any letter case) or links to the bot as a text mention."""
    wanted = "@" + username.lower()
    for entity in message.entities:
        if entity.type == MessageEntity.MENTION and entity_text(message, entity).lower() == wanted:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id:
            return True
    return False


def addressed(message: Message, bot_id: int, username: str) -> Addressed | None:
    """Why ``message`` is for us, or None when the bot must stay silent."""
    if message.chat.type == Chat.PRIVATE:
        return Addressed.PRIVATE
    if message.chat.type not in (Chat.GROUP, Chat.SUPERGROUP):
        return None
    if command_target(message) is not None:
        return Addressed.COMMAND if is_command_for(message, username) else None
    if is_reply_to(message, bot_id):
        return Addressed.REPLY
    if mentions(message, username, bot_id):
        return Addressed.MENTION
    return None


def strip_mention(text: str, username: str) -> str:
    """The question once every @username (any letter case) is taken out of it."""
    # "@Bot, qui ?" and "@Bot: qui ?" lose the punctuation that only served the address.
    without = re.sub(rf"@{re.escape(username)}\b[,:;]?", " ", text, flags=re.IGNORECASE)
    return " ".join(without.split())
