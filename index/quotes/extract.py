"""The public entry of attribution, kept where the engine and the CLI import it from.

The procedure lives in stages (``pipeline.STAGES``): ``marks`` → ``clauses`` → ``mentions`` →
``coreference`` → ``canonical``; see ``pipeline.py``.
"""

from index.quotes.pipeline import STAGES, extract_quotes
from index.quotes.reading import Quote, QuoteKind, Speaker

__all__ = ["STAGES", "Quote", "QuoteKind", "Speaker", "extract_quotes"]
