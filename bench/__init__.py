"""Benchmarks for `make bench`: the project side by side with its peers, in one run."""
