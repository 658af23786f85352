"""The words of "any article, in any chat": cards, the article list, and one sentence for every
refusal. Merged into ``bot.i18n.STRINGS`` (kept apart so that both grow without colliding)."""

from __future__ import annotations

from typing import Final

ARTICLE_STRINGS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "card_now_reading": "Now reading:",
        "card_untitled": "Untitled article",
        "card_paragraphs": "{count} paragraphs",
        "card_paragraph": "1 paragraph",
        "card_quotes": "{count} quotations",
        "card_quote": "1 quotation",
        "card_no_quotes": "No quotation found",
        "card_most_quoted": "Most quoted: {speakers}",
        "card_hint": "Ask me a question about it in words, or try {example}",
        "card_bundled": "the bundled article",
        "pasted_source": "pasted text",
        "articles_title": "Articles of this chat (tap one to read it):",
        "articles_none": (
            "This chat has sent no article yet: send me a link, a .txt, .html, .pdf or .docx "
            "file, or paste the text."
        ),
        "articles_bundled": "Bundled article",
        "forgotten": "Forgotten: {count} article(s) of this chat. Back to the bundled article.",
        "forgotten_none": "This chat has no article to forget.",
        "article_gone": "That article is no longer in this chat's list.",
        "help_articles": (
            "Send a link, a .txt/.html/.pdf/.docx file or paste an article to read it instead:\n"
            "/articles – the articles of this chat\n"
            "/forget – forget them all"
        ),
        "cmd_articles": "The articles of this chat",
        "cmd_forget": "Forget this chat's articles",
        "fetch_bad_url": "That is not a link I can read: send an http:// or https:// address.",
        "fetch_private_address": (
            "That link points to a private or local address, which I never fetch."
        ),
        "fetch_too_many_redirects": "That link redirects more than {limit} times, so I gave up.",
        "fetch_timeout": "The site did not answer within {seconds} seconds: try again later.",
        "fetch_too_big": "That page is over {megabytes} MB, too big to be an article.",
        "fetch_unsupported_type": (
            "That link serves {content_type}, not a web page, plain text or a PDF."
        ),
        "fetch_http_status": "The site answered {status} instead of the page.",
        "type_image": "an image ({mime})",
        "type_video": "a video ({mime})",
        "type_audio": "a sound file ({mime})",
        "type_word": "a Word document (send it to me as a file)",
        "type_archive": "an archive ({mime})",
        "fetch_unreachable": "I could not reach that site.",
        "source_empty": "That article is empty.",
        "source_no_article": "I found no article text in it.",
        "source_not_utf8": "That text file is not UTF-8: save it as UTF-8 and send it again.",
        "source_broken": "That file is damaged or not what its name says, so I cannot read it.",
        "source_encrypted": "That PDF is protected by a password, so I cannot read it.",
        "source_unsupported": (
            "I read articles from links, pasted text and .txt, .html, .pdf or .docx files, "
            "not from that."
        ),
        "source_too_big": "That article is too big for me (over 2 million characters).",
        "document_too_big": "That file is over {megabytes} MB, more than I take.",
        "document_unreadable": "Telegram did not give me that file: please send it again.",
        "intake_too_long": "That article has {count} paragraphs; I take at most {limit}.",
        "intake_timeout": "That article took over {seconds} seconds to read: try a shorter one.",
    },
    "fr": {
        "card_now_reading": "Article en cours :",
        "card_untitled": "Article sans titre",
        "card_paragraphs": "{count} paragraphes",
        "card_paragraph": "1 paragraphe",
        "card_quotes": "{count} citations",
        "card_quote": "1 citation",
        "card_no_quotes": "Aucune citation trouvée",
        "card_most_quoted": "Les plus cités : {speakers}",
        "card_hint": "Posez-moi une question en mots, ou essayez {example}",
        "card_bundled": "l’article fourni",
        "pasted_source": "texte collé",
        "articles_title": "Articles de cette discussion (touchez-en un pour le lire) :",
        "articles_none": (
            "Aucun article envoyé ici pour l’instant : envoyez-moi un lien, un fichier .txt, "
            ".html, .pdf ou .docx, ou collez le texte."
        ),
        "articles_bundled": "Article fourni",
        "forgotten": (
            "Oublié : {count} article(s) de cette discussion. Retour à l’article fourni."
        ),
        "forgotten_none": "Cette discussion n’a aucun article à oublier.",
        "article_gone": "Cet article n’est plus dans la liste de cette discussion.",
        "help_articles": (
            "Envoyez un lien, un fichier .txt/.html/.pdf/.docx ou collez un article pour le lire "
            "à la place :\n"
            "/articles – les articles de cette discussion\n"
            "/forget – les oublier tous"
        ),
        "cmd_articles": "Les articles de cette discussion",
        "cmd_forget": "Oublier les articles de cette discussion",
        "fetch_bad_url": (
            "Ce n’est pas un lien que je sais lire : envoyez une adresse http:// ou https://."
        ),
        "fetch_private_address": (
            "Ce lien mène à une adresse privée ou locale, que je ne consulte jamais."
        ),
        "fetch_too_many_redirects": "Ce lien redirige plus de {limit} fois : j’ai abandonné.",
        "fetch_timeout": "Le site n’a pas répondu en {seconds} secondes : réessayez plus tard.",
        "fetch_too_big": "Cette page dépasse {megabytes} Mo, trop pour un article.",
        "fetch_unsupported_type": (
            "Ce lien renvoie {content_type}, pas une page web, un texte ou un PDF."
        ),
        "fetch_http_status": "Le site a répondu {status} au lieu de la page.",
        "type_image": "une image ({mime})",
        "type_video": "une vidéo ({mime})",
        "type_audio": "un fichier son ({mime})",
        "type_word": "un document Word (envoyez-le-moi comme fichier)",
        "type_archive": "une archive ({mime})",
        "fetch_unreachable": "Je n’ai pas pu joindre ce site.",
        "source_empty": "Cet article est vide.",
        "source_no_article": "Je n’y ai trouvé aucun texte d’article.",
        "source_not_utf8": (
            "Ce fichier texte n’est pas en UTF-8 : enregistrez-le en UTF-8 et renvoyez-le."
        ),
        "source_broken": (
            "Ce fichier est abîmé ou n’est pas ce que dit son nom : je ne peux pas le lire."
        ),
        "source_encrypted": "Ce PDF est protégé par un mot de passe : je ne peux pas le lire.",
        "source_unsupported": (
            "Je lis les articles à partir de liens, de texte collé et de fichiers .txt, .html, "
            ".pdf ou .docx, pas de cela."
        ),
        "source_too_big": (
            "Cet article est trop long pour moi (plus de 2 millions de caractères)."
        ),
        "document_too_big": "Ce fichier dépasse {megabytes} Mo, plus que je n’accepte.",
        "document_unreadable": (
            "Telegram ne m’a pas transmis ce fichier : renvoyez-le, s’il vous plaît."
        ),
        "intake_too_long": (
            "Cet article compte {count} paragraphes ; j’en accepte au plus {limit}."
        ),
        "intake_timeout": (
            "La lecture de cet article a dépassé {seconds} secondes : essayez-en un plus court."
        ),
    },
}
