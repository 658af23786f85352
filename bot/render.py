"""How an Answer looks: JSON for machines, plain text for the console (HTML for Telegram)."""

from __future__ import annotations

from typing import Any

from bot.i18n import t
from index import Answer, Engine, Quote, Result


def quote_to_dict(quote: Quote | None) -> dict[str, Any] | None:
    if quote is None:
        return None
    speaker = quote.speaker
    return {
        "text": quote.text,
        "speaker": speaker.name if speaker else None,
        "kind": quote.kind,
        "role": speaker.role if speaker else None,
        "cue": quote.cue,
    }


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    """The `--json` answer object of CONTRACT.md (keys may be added, never changed)."""
    return {
        "query": answer.query,
        "mode": answer.mode,
        "found": answer.found,
        "language": answer.language,
        "results": [
            {
                "paragraph": result.paragraph,
                "score": round(result.score, 4),
                "passage": result.passage,
                "quote": quote_to_dict(result.quote),
            }
            for result in answer.results
        ],
    }


def quotes_to_dict(engine: Engine) -> dict[str, Any]:
    """The `--json` quotations object of CONTRACT.md."""
    article = engine.article
    return {
        "article": {
            "language": article.language,
            "paragraphs": len(article.paragraphs),
            "source": article.source,
        },
        "quotes": [
            {"paragraph": quote.paragraph, **(quote_to_dict(quote) or {})}
            for quote in engine.quotes()
        ],
    }


def speakers_to_dict(engine: Engine) -> dict[str, Any]:
    return {
        "article": {"language": engine.article.language, "source": engine.article.source},
        "speakers": [
            {
                "speaker": entry.speaker.name,
                "role": entry.speaker.role,
                "organisation": entry.speaker.is_organisation,
                "quotes": entry.count,
            }
            for entry in engine.speakers()
        ],
    }


def speaker_label(quote: Quote | None, language: str) -> str | None:
    """"Speaker, role" as the reply shows it, or None when the paragraph holds no quotation."""
    if quote is None:
        return None
    if quote.speaker is None:
        return t(language, "unknown_speaker")
    if quote.speaker.role and quote.speaker.role.lower() not in quote.speaker.name.lower():
        return f"{quote.speaker.name}, {quote.speaker.role}"
    return quote.speaker.name


def result_to_text(result: Result, engine: Engine, language: str) -> str:
    """One result as console text: the passage, who said the quote, its place in the article."""
    lines = [result.passage]
    if result.quote is not None:
        lines.append(f"  «{result.quote.text}»")
        lines.append("  " + t(language, "said_by", speaker=speaker_label(result.quote, language)))
    total = len(engine.article.paragraphs)
    lines.append("  " + t(language, "place", number=result.paragraph + 1, total=total))
    return "\n".join(lines)


def answer_to_text(answer: Answer, engine: Engine, language: str) -> str:
    """The console reply: the best result (as the bot replies), or the not-found line."""
    if not answer.found:
        return t(language, "not_found")
    return result_to_text(answer.results[0], engine, language)


def speakers_to_text(engine: Engine, language: str) -> str:
    entries = engine.speakers()
    if not entries:
        return t(language, "speakers_none")
    lines = [t(language, "speakers_title")]
    for entry in entries:
        label = entry.speaker.name
        if entry.speaker.role:
            label += f", {entry.speaker.role}"
        plural = "s" if entry.count > 1 else ""
        lines.append("• " + t(language, "speaker_line", speaker=label, count=entry.count,
                                plural=plural))
    return "\n".join(lines)
