"""`python -m index.evaluation [--verbose] [--shared DIR] [--only search|quotes] [--no-external]
[--json OUT]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from index.evaluation import external, quotes, search


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index.evaluation", description=__doc__)
    parser.add_argument("--verbose", "-v", action="store_true", help="question by question")
    parser.add_argument(
        "--shared", type=Path, default=Path("../shared/eval"), help="the shared eval folder"
    )
    parser.add_argument("--only", choices=["search", "quotes"], help="one half of the report")
    parser.add_argument(
        "--no-external", action="store_true", help="leave out the external sets (minutes)"
    )
    parser.add_argument("--json", type=Path, help="write the external sets' figures here")
    parser.add_argument(
        "--list-splits", action="store_true", help="print each external set's dev and held-out ids"
    )
    args = parser.parse_args(argv)
    if args.list_splits:
        for kind, names in (("qa", external.QA_SETS), ("quotes", external.QUOTE_SETS)):
            for name in names:
                folder = args.shared / "external" / kind / name
                for split, ids in external.split_ids(external.set_ids(folder)).items():
                    print(f"{name} {split} ({len(ids)}): {' '.join(ids)}")
        return 0
    if not args.shared.is_dir():
        print(f"(no shared eval folder at {args.shared}: only our own articles are scored)")
    if args.only in (None, "search"):
        search.report(args.shared, verbose=args.verbose)
    if args.only in (None, "quotes"):
        quotes.report(args.shared, verbose=args.verbose)
    figures: dict[str, Any] = {}
    if not args.no_external:
        figures = external.report(args.shared, only=args.only)
    if args.only in (None, "quotes") and args.shared.is_dir():
        sets = {name: figures[name] for name in external.QUOTE_SETS if name in figures}
        rows = quotes.side_by_side(args.shared, sets)
        figures["quotes_side_by_side"] = dict(rows)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
