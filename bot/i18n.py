"""The words the bot says, in French and English (other languages fall back to English)."""

from __future__ import annotations

from typing import Final

DEFAULT_LANGUAGE: Final = "en"

STRINGS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "not_found": "The article does not answer that. Try /speakers to see who is quoted.",
        "empty_question": "Ask me a question about the article, for example: {example}",
        "usage_quote": "Usage: /quote <words>, for example /quote Kazakhstan",
        "usage_who": "Usage: /who <words>, for example /who joke",
        "said_by": "— {speaker}",
        "unknown_speaker": "speaker not named",
        "place": "§ {number}/{total}",
        "speakers_title": "Who is quoted in the article:",
        "speakers_none": "Nobody is quoted in this article.",
        "speaker_line": "{speaker} ({count} quotation{plural})",
        "chat_intro": (
            "Console chat on {source} ({paragraphs} paragraphs, {language}). Ask a question, "
            "or /quote <words>, /who <words>, /speakers; /quit or Ctrl-D leaves."
        ),
        "chat_no_token": (
            "No TELEGRAM_BOT_TOKEN set: starting the console chat instead "
            "(put the token from @BotFather in .env to connect to Telegram)."
        ),
        "example_question": "Who said there would be nuclear weapons for everyone?",
    },
    "fr": {
        "not_found": "L’article ne répond pas à cela. Essayez /speakers pour voir qui est cité.",
        "empty_question": "Posez-moi une question sur l’article, par exemple : {example}",
        "usage_quote": "Usage : /quote <mots>, par exemple /quote Kazakhstan",
        "usage_who": "Usage : /who <mots>, par exemple /who blague",
        "said_by": "— {speaker}",
        "unknown_speaker": "auteur non nommé",
        "place": "§ {number}/{total}",
        "speakers_title": "Qui est cité dans l’article :",
        "speakers_none": "Personne n’est cité dans cet article.",
        "speaker_line": "{speaker} ({count} citation{plural})",
        "chat_intro": (
            "Discussion en console sur {source} ({paragraphs} paragraphes, {language}). Posez une "
            "question, ou /quote <mots>, /who <mots>, /speakers ; /quit ou Ctrl-D pour quitter."
        ),
        "chat_no_token": (
            "Aucun TELEGRAM_BOT_TOKEN : démarrage de la discussion en console "
            "(mettez le jeton de @BotFather dans .env pour vous connecter à Telegram)."
        ),
        "example_question": "Qui a dit qu’il y aurait des armes nucléaires pour tout le monde ?",
    },
}


def pick_language(code: str | None) -> str:
    """The UI language for a Telegram ``language_code`` such as ``fr-CA``; English otherwise."""
    if code:
        base = code.split("-")[0].split("_")[0].lower()
        if base in STRINGS:
            return base
    return DEFAULT_LANGUAGE


def t(ui: str, key: str, /, **values: object) -> str:
    """The string ``key`` in the UI language ``ui`` (else English), filled with ``values``."""
    table = STRINGS.get(ui, STRINGS[DEFAULT_LANGUAGE])
    template = table.get(key) or STRINGS[DEFAULT_LANGUAGE][key]
    return template.format(**values) if values else template
