"""The command line (docs/CONTRACT.md): `article-bot run|chat|ask|quote|who|quotes|speakers`."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TextIO

from bot.i18n import t
from bot.logs import configure_logging
from bot.render import (
    answer_to_dict,
    answer_to_text,
    quotes_to_dict,
    speaker_label,
    speakers_to_dict,
    speakers_to_text,
)
from bot.settings import Settings, SettingsError, load_settings
from bot.smalltalk import classify
from index import ArticleError, Engine, Mode
from index.language import detect_language

log = logging.getLogger(__name__)

COMMANDS = ("run", "chat", "ask", "quote", "who", "quotes", "speakers")
USAGE_ERROR = 2
# The console chat's commands, as a private chat has them (/article comes with article loading).
CONSOLE_COMMANDS = ("start", "help", "quote", "who", "speakers")
NO_TOKEN = (
    "The setting TELEGRAM_BOT_TOKEN is not set, and `article-bot run` needs the token "
    "from @BotFather (in .env or the environment; `article-bot chat` is the console chat)."
)


class UsageError(Exception):
    """A bad command line; the message is one sentence."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad command line in one sentence instead of usage + error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message[0].upper() + message[1:].rstrip(".") + ".")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--article",
        metavar="PATH",
        type=Path,
        default=argparse.SUPPRESS,
        help="another article file (default: ARTICLE_PATH, else the bundled one)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine output"
    )
    parser = _Parser(
        prog="article-bot",
        description="Answers questions about one news article: the paragraph, the quotation "
        "and who said it.",
        parents=[common],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser(
        "run", parents=[common], help="the Telegram bot (exit status 2 when no token is set)"
    )
    commands.add_parser("chat", parents=[common], help="console conversation")
    for mode, text in (
        ("ask", "free-text question, as typed to the bot in a private chat"),
        ("quote", "as /quote: the best quotation and its speaker"),
        ("who", "as /who: who said it"),
    ):
        sub = commands.add_parser(mode, parents=[common], help=text)
        sub.add_argument(
            "question", nargs="*", help="the question (default: one per line on standard input)"
        )
    commands.add_parser("quotes", parents=[common], help="every quotation with its speaker")
    commands.add_parser("speakers", parents=[common], help="who is quoted, how often")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `article-bot` and `python -m bot`; returns the exit status."""
    try:
        return _main(sys.argv[1:] if argv is None else list(argv))
    except (UsageError, SettingsError, ArticleError) as error:
        print(f"article-bot: {error}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`article-bot quotes | head`): nothing left to say.
        sys.stderr.close()
        return 0


def _main(argv: list[str]) -> int:
    parser = build_parser()
    if not argv:
        parser.print_help()
        return 0
    if argv[0] not in COMMANDS and not argv[0].startswith("-"):
        raise UsageError(
            f"Unknown command '{argv[0]}'; choose one of {', '.join(COMMANDS)} "
            "(article-bot --help lists them)."
        )
    args = parser.parse_args(argv)
    if args.command is None:
        raise UsageError(f"Name a command: {', '.join(COMMANDS)}.")
    settings = load_settings()
    if args.command == "run" and settings.token is None:
        # A service or a container without its .env must fail, not chat with an empty stdin.
        raise SettingsError(NO_TOKEN)
    configure_logging(settings.log_level, settings.log_format)
    as_json: bool = getattr(args, "json", False)
    article: Path | None = getattr(args, "article", None) or settings.article_path
    engine = Engine.from_path(article)
    command: str = args.command
    if command == "run":
        return _run(settings, engine)
    if command == "chat":
        if settings.token is None:  # `make run` without a token comes here: say why
            print(t(engine.article.language, "chat_no_token"), file=sys.stderr)
        return chat(engine, sys.stdin, sys.stdout, limit=settings.max_results)
    if command == "quotes":
        _print_quotes(engine, as_json)
        return 0
    if command == "speakers":
        _print_speakers(engine, as_json)
        return 0
    mode: Mode = command  # type: ignore[assignment]
    words: list[str] = args.question
    questions: Iterable[str] = [" ".join(words)] if words else _lines(sys.stdin)
    for question in questions:
        _print_answer(engine, mode, question, as_json, settings.max_results)
    return 0


def _run(settings: Settings, engine: Engine) -> int:
    from bot.app import run_bot  # only the Telegram path needs python-telegram-bot loaded

    return run_bot(settings, engine)


def _lines(stream: TextIO) -> Iterable[str]:
    for line in stream:
        yield line.rstrip("\r\n")


def _emit(payload: dict[str, Any]) -> None:
    print(json.dumps(payload, ensure_ascii=False), flush=True)


def _print_answer(engine: Engine, mode: Mode, question: str, as_json: bool, limit: int) -> None:
    answer = engine.answer(mode, question, limit=limit)
    language = answer.language
    if as_json:
        payload = answer_to_dict(answer)
        if not question.strip():
            payload["hint"] = _empty_hint(language)
        _emit(payload)
    elif not question.strip():
        print(_empty_hint(language), flush=True)
    else:
        print(answer_to_text(answer, engine, language), flush=True)


def _empty_hint(language: str) -> str:
    return t(language, "empty_question", example=t(language, "example_question"))


def _print_quotes(engine: Engine, as_json: bool) -> None:
    if as_json:
        _emit(quotes_to_dict(engine))
        return
    language = engine.article.language
    for quote in engine.quotes():
        who = speaker_label(quote, language)
        said_by = t(language, "said_by", speaker=who)
        # Paragraphs are counted from 1 for people, as in the replies ("§ 8/15").
        print(f"§ {quote.paragraph + 1} [{quote.kind}] «{quote.text}» {said_by}")


def _print_speakers(engine: Engine, as_json: bool) -> None:
    if as_json:
        _emit(speakers_to_dict(engine))
    else:
        print(speakers_to_text(engine, engine.article.language))


def chat(engine: Engine, stdin: TextIO, stdout: TextIO, limit: int = 3) -> int:
    """The console conversation: the same answers as a private chat with the bot."""
    interactive = stdin.isatty()
    console = Console(engine, limit)
    print(console.intro(), file=stdout, flush=True)
    while True:
        if interactive:
            print("> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            if interactive:
                print(file=stdout)
            return 0
        text = line.strip()
        if text in ("/quit", "/exit", "/q"):
            return 0
        print(console.reply(text) + "\n", file=stdout, flush=True)


def chat_reply(engine: Engine, text: str, limit: int = 3) -> str:
    """The reply to one console line (a question or a /command), as a first line."""
    return Console(engine, limit).reply(text)


@dataclass
class Console:
    """One console conversation; it speaks the article's language until the user writes in
    another (a bare /who in a French article's console answers in French)."""

    engine: Engine
    limit: int = 3
    language: str = field(default="")

    def __post_init__(self) -> None:
        self.language = self.language or self.engine.article.language

    def intro(self) -> str:
        article = self.engine.article
        return t(
            self.language,
            "chat_intro",
            source=article.source,
            paragraphs=len(article.paragraphs),
            language=article.language,
        )

    def _follow(self, text: str) -> str:
        """The language of ``text`` when it has words enough to tell; the conversation's also."""
        if any(char.isalpha() for char in text):
            self.language = detect_language(text, default=self.language)
        return self.language

    def reply(self, text: str) -> str:
        """The reply to one line, in the conversation's language."""
        text = text.strip()
        if not text:
            return _empty_hint(self.language)
        if text.startswith("/"):
            return self._command(text)
        talk = classify(text)
        if talk is not None:
            return self._small_talk(talk.kind, talk.language or self.language)
        answer = self.engine.answer("ask", text, limit=self.limit)
        self.language = answer.language or self._follow(text)
        return answer_to_text(answer, self.engine, self.language)

    def _command(self, text: str) -> str:
        command, _, rest = text.partition(" ")
        name = command[1:].split("@", 1)[0].lower()
        rest = rest.strip()
        language = self._follow(rest) if rest else self.language
        if name == "speakers":
            return speakers_to_text(self.engine, language)
        if name == "start":
            return self.intro()
        if name == "help":
            return t(language, "help") + "\n" + t(language, "chat_leave")
        if name in ("quote", "who"):
            if not rest:
                return t(language, f"usage_{name}")
            mode: Mode = "quote" if name == "quote" else "who"
            answer = self.engine.answer(mode, rest, limit=self.limit)
            return answer_to_text(answer, self.engine, answer.language or language)
        listed = ", ".join(f"/{known}" for known in CONSOLE_COMMANDS)
        return t(language, "unknown_command", command="/" + name[:32], commands=listed)

    def _small_talk(self, kind: str, language: str) -> str:
        if kind == "greeting":
            example = t(self.engine.article.language, "example_question")
            return t(language, "smalltalk_greeting", example=example)
        return t(language, "smalltalk_thanks" if kind == "thanks" else "smalltalk_other")
