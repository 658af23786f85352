"""Article knowledge: loading, language analysis, BM25 search, quotations and the answer engine.

Pure Python: nothing here imports telegram, pydantic-settings or the ``bot`` package.
"""

from index.article import Article, ArticleError, Paragraph, load_article, parse_article
from index.engine import Answer, Engine, Mode, Result, SpeakerCount, Unsaid
from index.quotes import Quote, Speaker

__all__ = [
    "Answer",
    "Article",
    "ArticleError",
    "Engine",
    "Mode",
    "Paragraph",
    "Quote",
    "Result",
    "Speaker",
    "SpeakerCount",
    "Unsaid",
    "load_article",
    "parse_article",
]
