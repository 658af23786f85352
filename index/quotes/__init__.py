"""Quotations and who said them (see ``extract.py`` for the procedure, ``data/`` for the rules)."""

from index.quotes.extract import Quote, QuoteKind, Speaker, extract_quotes

__all__ = ["Quote", "QuoteKind", "Speaker", "extract_quotes"]
