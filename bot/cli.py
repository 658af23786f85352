"""The command line (docs/CONTRACT.md): `article-bot run|chat|ask|quote|who|quotes|speakers|fetch`.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import html
import json
import logging
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TextIO

from bot.chat_articles import ArticleSettings, card_html, refusal
from bot.fetch import Fetched, Fetcher, FetchError, FetchLimits
from bot.i18n import t
from bot.logs import configure_logging
from bot.render import (
    answer_to_dict,
    answer_to_text,
    article_to_html,
    quotes_to_dict,
    speaker_label,
    speakers_to_dict,
    speakers_to_text,
)
from bot.settings import Settings, SettingsError, load_settings
from bot.smalltalk import classify
from bot.store import StoreError
from index import Article, ArticleError, Engine, Mode, load_article
from index.language import detect_language
from index.sources import SourceError, from_bytes

log = logging.getLogger(__name__)

COMMANDS = ("run", "chat", "ask", "quote", "who", "quotes", "speakers", "fetch")
# Files read as plain text by index.article (its own checks and messages); others by their kind.
TEXT_SUFFIXES = (".txt", ".md", ".text", "")
USAGE_ERROR = 2
# The console chat's commands, as a private chat has them.
CONSOLE_COMMANDS = ("start", "help", "article", "quote", "who", "speakers")
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
        metavar="SOURCE",
        default=argparse.SUPPRESS,
        help="another article: a file (.txt, .md, .html, .pdf, .docx) or an http(s) link "
        "(default: ARTICLE_PATH, else the bundled one)",
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
    fetch = commands.add_parser(
        "fetch", parents=[common],
        help="extract an article (URL, .html, .pdf, .docx, .txt) and print it",
    )
    fetch.add_argument("source", metavar="SOURCE", help="an http(s) link or a file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `article-bot` and `python -m bot`; returns the exit status."""
    try:
        return _main(sys.argv[1:] if argv is None else list(argv))
    except (UsageError, SettingsError, ArticleError, FetchError, StoreError) as error:
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
    for name in ("httpx", "httpcore"):  # one line per request would bury the output
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger().level))
    as_json: bool = getattr(args, "json", False)
    command: str = args.command
    if command == "fetch":
        _print_article(load_source(args.source, settings), args.source, as_json)
        return 0
    article: str | Path | None = getattr(args, "article", None) or settings.article_path
    engine = Engine(load_source(article, settings))
    if command == "run":
        return _run(settings, engine)
    if command == "chat":
        if settings.token is None:  # `make run` without a token comes here: say why
            print(t(engine.article.language, "chat_no_token"), file=sys.stderr)
        return chat(engine, sys.stdin, sys.stdout, limit=settings.max_results, settings=settings)
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


def is_link(source: str) -> bool:
    return re.match(r"(?i)^https?://", source.strip()) is not None


def load_source(source: str | Path | None, settings: Settings) -> Article:
    """The article of ``source``: None (the bundled one), a link, or a file of any kind.

    Every way it can fail raises ArticleError or FetchError with one sentence.
    """
    if source is None:
        return load_article(None)
    text = str(source)
    if is_link(text):
        fetched = asyncio.run(_fetch(text, settings))
        return from_bytes(fetched.data, text, content_type=fetched.content_type,
                          url=fetched.url, charset=fetched.charset)
    path = Path(text)
    if path.suffix.lower() in TEXT_SUFFIXES or path.is_dir() or not path.exists():
        return load_article(path)  # its checks and sentences: missing, directory, binary …
    try:
        size = path.stat().st_size
        if size > settings.document_max_bytes:
            raise ArticleError(f"The article file {text} is {size:,} bytes; the limit is "
                               f"{settings.document_max_bytes:,} bytes.")
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ArticleError(f"The article file {text} cannot be read ({reason}).") from None
    article = from_bytes(data, path.name, name=path.name)
    return dataclasses.replace(article, path=str(path))


async def _fetch(link: str, settings: Settings) -> Fetched:
    fetcher = Fetcher(FetchLimits.of(settings))
    try:
        return await fetcher.fetch(link)
    finally:
        await fetcher.aclose()


def article_to_dict(article: Article, source: str) -> dict[str, Any]:
    """The `fetch --json` object of docs/CONTRACT.md (unknown metadata null)."""
    return {
        "source": source,
        "title": article.title,
        "site": article.site,
        "author": article.author,
        "date": article.date,
        "language": article.language,
        "paragraphs": [p.text for p in article.paragraphs],
    }


def _print_article(article: Article, source: str, as_json: bool) -> None:
    if as_json:
        _emit(article_to_dict(article, source))
        return
    head = [("Title", article.title), ("Site", article.site), ("Author", article.author),
            ("Date", article.date), ("Language", article.language),
            ("Paragraphs", str(len(article.paragraphs)))]
    print("\n".join(f"{name}: {value}" for name, value in head if value), end="\n\n")
    # Paragraphs as an article file numbers them: a blank line between two.
    print("\n\n".join(p.text for p in article.paragraphs), flush=True)


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


def chat(
    engine: Engine, stdin: TextIO, stdout: TextIO, limit: int = 3, settings: Settings | None = None
) -> int:
    """The console conversation: the same answers as a private chat with the bot."""
    interactive = stdin.isatty()
    console = Console(engine, limit, settings=settings)
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


def _plain(html_text: str) -> str:
    """Telegram HTML as console text: tags dropped, entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


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
    #: what `/article SOURCE` reads links and files with (the defaults when None)
    settings: Settings | None = None

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
        if name == "article":
            return self._article(rest, language)
        if name in ("quote", "who"):
            if not rest:
                return t(language, f"usage_{name}")
            mode: Mode = "quote" if name == "quote" else "who"
            answer = self.engine.answer(mode, rest, limit=self.limit)
            return answer_to_text(answer, self.engine, answer.language or language)
        listed = ", ".join(f"/{known}" for known in CONSOLE_COMMANDS)
        return t(language, "unknown_command", command="/" + name[:32], commands=listed)

    def _article(self, source: str, language: str) -> str:
        """`/article SOURCE`: a file or a link becomes the conversation's article (its card), or
        one sentence says why not and the article stays."""
        if not source:  # as in a chat: the card of the article being read
            return _plain(
                card_html(self.engine, language) + "\n\n" + article_to_html(self.engine, language)
            )
        settings = self.settings or Settings()
        try:
            engine = Engine(load_source(source, settings))
        except (ArticleError, FetchError) as error:
            refused = refusal(error, language, ArticleSettings.of(settings)) if isinstance(
                error, FetchError | SourceError
            ) else html.escape(str(error))
            return _plain(refused)
        self.engine = engine
        return _plain(card_html(engine, language))

    def _small_talk(self, kind: str, language: str) -> str:
        if kind == "greeting":
            example = t(self.engine.article.language, "example_question")
            return t(language, "smalltalk_greeting", example=example)
        return t(language, "smalltalk_thanks" if kind == "thanks" else "smalltalk_other")
