"""Quality measurement for `make eval`: search (hit@1, MRR, no-answer) and attribution.

Reads the project's own test corpus (``tests/corpus``), the bundled article's gold files
(``tests/data``) and, when present, the shared real articles (``../shared/eval/real``); the
real articles are read from there and never copied into the project.
"""
