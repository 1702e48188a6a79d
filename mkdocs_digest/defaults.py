"""The defaults of the options that every front end reads: the MkDocs plugin
(plugin/config.py), `mkdocs-digest generate` and `check`. No MkDocs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Defaults:
    per_page: int = 100  # papers on one page of a listing; 0: all
    max_authors: int = 5
    feeds: bool = True
    feed_size: int = 50
    citations: bool = True
    papers_json: bool = True
    listing_marker: str = "<!-- digest:listing -->"


DEFAULTS = Defaults()
