"""The words the bot says, in French and English (other languages fall back to English)."""

from __future__ import annotations

from typing import Final

from bot.i18n_articles import ARTICLE_STRINGS

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
            "No TELEGRAM_BOT_TOKEN set: this is the console chat "
            "(put the token from @BotFather in .env to connect to Telegram)."
        ),
        "example_question": "Who said there would be nuclear weapons for everyone?",
        "start": (
            "Hello! I answer questions about one article: {source}.\n"
            "Ask me anything in words; I reply with the paragraph, the quotation and who said it.\n"
            "For example: {example}"
        ),
        "help": (
            "Ask a question in words, or use:\n"
            "/quote <words> – the best quotation and its speaker\n"
            "/who <words> – who said it, with the quotation\n"
            "/speakers – who is quoted in the article\n"
            "/article – source, date, byline and size of the article\n"
            "/help – this list"
        ),
        "help_group": (
            "Reply to me, mention @{username}, or use /quote, /who, /speakers, /article."
        ),
        "who_said": "Said by {speaker}:",
        "no_quote_here": "No quotation in this paragraph.",
        "article_title": "About the article",
        "article_source": "Source: {value}",
        "article_date": "Date: {value}",
        "article_byline": "Byline: {value}",
        "article_agency": "Agency: {value}",
        "article_size": "Size: {paragraphs} paragraphs, {words} words ({language})",
        "speakers_more": "… and {count} more",
        "text_only": "I only read text: ask me a question in words, or send /help.",
        "not_allowed": "Sorry, this bot only answers in the chats it was set up for.",
        "slow_down": "That is a lot of questions for this chat: I will answer again in a moment.",
        "error": "Sorry, something went wrong with that question. Please try again later.",
        "cmd_start": "Introduce the bot",
        "cmd_help": "List the commands",
        "cmd_quote": "Best quotation about some words",
        "cmd_who": "Who said it, with the quotation",
        "cmd_speakers": "Who is quoted in the article",
        "cmd_article": "Source, date, byline and size",
        "button_previous": "◀",
        "button_next": "Next ▶",
        "button_context": "Context",
        "button_more": "More from {speaker}",
        "button_back": "↩ Answer",
        "button_stale": "This answer is from an older version of the article: please ask again.",
        "button_not_yours": "Only the person who asked can use these buttons.",
        "more_title": "Other quotations from {speaker}:",
        "more_none": "The article quotes {speaker} nowhere else.",
        "more_unknown": "The article does not say who said this.",
        "inline_none": "Nothing in the article matches: ask me in a private chat",
        "smalltalk_greeting": "Hello! Ask me a question about the article, for example: {example}",
        "smalltalk_thanks": "You’re welcome! Ask me another question whenever you like.",
        "smalltalk_other": "Ask me a question about the article whenever you like, or send /help.",
        "unknown_command": "I don’t know {command}. My commands: {commands}",
        "chat_leave": "/quit or Ctrl-D leaves the console chat.",
        "unsaid_who": "The article does not seem to say who. Nearest passage:",
        "unsaid_when": "The article does not seem to say when. Nearest passage:",
        "unsaid_where": "The article does not seem to say where. Nearest passage:",
        "unsaid_how_many": "The article does not seem to give that number. Nearest passage:",
        "unsaid_why": "The article does not seem to say why. Nearest passage:",
        "unsaid_what": "I could not find that in the article. Nearest passage:",
        "unsaid_about": "{speaker} does not speak about {topic} in this article. "
                        "What {speaker} does say:",
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
            "Aucun TELEGRAM_BOT_TOKEN : voici la discussion en console "
            "(mettez le jeton de @BotFather dans .env pour vous connecter à Telegram)."
        ),
        "example_question": "Qui a dit qu’il y aurait des armes nucléaires pour tout le monde ?",
        "start": (
            "Bonjour ! Je réponds aux questions sur un article : {source}.\n"
            "Posez une question ; je réponds avec le paragraphe, la citation et son auteur.\n"
            "Par exemple : {example}"
        ),
        "help": (
            "Posez une question en mots, ou utilisez :\n"
            "/quote <mots> – la meilleure citation et son auteur\n"
            "/who <mots> – qui l’a dit, avec la citation\n"
            "/speakers – qui est cité dans l’article\n"
            "/article – source, date, signature et taille de l’article\n"
            "/help – cette liste"
        ),
        "help_group": (
            "Répondez-moi, mentionnez @{username}, ou utilisez /quote, /who, /speakers, /article."
        ),
        "who_said": "Dit par {speaker} :",
        "no_quote_here": "Pas de citation dans ce paragraphe.",
        "article_title": "À propos de l’article",
        "article_source": "Source : {value}",
        "article_date": "Date : {value}",
        "article_byline": "Signature : {value}",
        "article_agency": "Agence : {value}",
        "article_size": "Taille : {paragraphs} paragraphes, {words} mots ({language})",
        "speakers_more": "… et {count} de plus",
        "text_only": "Je ne lis que du texte : posez une question en mots, ou envoyez /help.",
        "not_allowed": "Désolé, ce bot ne répond que dans les discussions prévues pour lui.",
        "slow_down": "Beaucoup de questions ici : je répondrai de nouveau dans un instant.",
        "error": "Désolé, un problème est survenu avec cette question. Réessayez plus tard.",
        "cmd_start": "Présenter le bot",
        "cmd_help": "Lister les commandes",
        "cmd_quote": "Meilleure citation sur des mots",
        "cmd_who": "Qui l’a dit, avec la citation",
        "cmd_speakers": "Qui est cité dans l’article",
        "cmd_article": "Source, date, signature et taille",
        "button_previous": "◀",
        "button_next": "Suivant ▶",
        "button_context": "Contexte",
        "button_more": "Encore {speaker}",
        "button_back": "↩ Réponse",
        "button_stale": (
            "Cette réponse vient d’une ancienne version de l’article : reposez la question."
        ),
        "button_not_yours": "Seule la personne qui a posé la question peut utiliser ces boutons.",
        "more_title": "Autres citations de {speaker} :",
        "more_none": "L’article ne cite {speaker} nulle part ailleurs.",
        "more_unknown": "L’article ne dit pas qui l’a dit.",
        "inline_none": "Rien ne correspond : posez-moi la question en privé",
        "smalltalk_greeting": (
            "Bonjour ! Posez-moi une question sur l’article, par exemple : {example}"
        ),
        "smalltalk_thanks": "Avec plaisir ! Posez-moi une autre question quand vous voulez.",
        "smalltalk_other": (
            "Posez-moi une question sur l’article quand vous voulez, ou envoyez /help."
        ),
        "unknown_command": "Je ne connais pas {command}. Mes commandes : {commands}",
        "chat_leave": "/quit ou Ctrl-D pour quitter la discussion en console.",
        "unsaid_who": "L’article ne semble pas dire qui. Passage le plus proche :",
        "unsaid_when": "L’article ne semble pas dire quand. Passage le plus proche :",
        "unsaid_where": "L’article ne semble pas dire où. Passage le plus proche :",
        "unsaid_how_many": (
            "L’article ne semble pas donner ce nombre. Passage le plus proche :"
        ),
        "unsaid_why": "L’article ne semble pas dire pourquoi. Passage le plus proche :",
        "unsaid_what": "Je n’ai pas trouvé cela dans l’article. Passage le plus proche :",
        "unsaid_about": "{speaker} ne parle pas de « {topic} » dans cet article. "
                        "Ce que dit {speaker} :",
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


# "Any article, in any chat" keeps its words in bot.i18n_articles.
for _language, _table in ARTICLE_STRINGS.items():
    STRINGS[_language].update(_table)
