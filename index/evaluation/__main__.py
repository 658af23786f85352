"""`python -m index.evaluation [--verbose] [--shared DIR] [--only search|quotes]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from index.evaluation import quotes, search


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index.evaluation", description=__doc__)
    parser.add_argument("--verbose", "-v", action="store_true", help="question by question")
    parser.add_argument(
        "--shared", type=Path, default=Path("../shared/eval"), help="the shared eval folder"
    )
    parser.add_argument("--only", choices=["search", "quotes"], help="one half of the report")
    args = parser.parse_args(argv)
    if args.only in (None, "search"):
        search.report(args.shared, verbose=args.verbose)
    if args.only in (None, "quotes"):
        quotes.report(args.shared, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
