"""The plugin's options as MkDocs reads them (unknown keys warn): the schema of
`Options` (options.py), its defaults taken from there; tests/test_boundaries.py
checks that the two name the same options with the same defaults and types."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError

from ..options import DEFAULTS, OptionError, Options
from ..words import LANGUAGES


class DigestConfig(Config):
    enabled = opt.Type(bool, default=DEFAULTS.enabled)

    # Labels: ja, en, zh, ko, de, fr or es; unset follows the theme's language.
    language = opt.Optional(opt.Choice(LANGUAGES))
    labels = opt.DictOfItems(opt.Type(str), default={})

    # Display names of topics and series by slug; unset, a topic is named by the
    # digests' own links and a series by its newest title without the date range.
    topic_names = opt.DictOfItems(opt.Type(str), default={})

    # Where generated pages go, relative to docs_dir. Unset: beside the series
    # folders, as the digests' own links expect (`sd/index.md`, `topics.md`).
    topic_page = opt.Optional(opt.Type(str))
    overview_page = opt.Optional(opt.Type(str))
    # Where the whole-site paper explorer goes; unset: papers/index.md beside the series.
    explorer_page = opt.Optional(opt.Type(str))

    # A user's page at a generated page's path keeps its text; the listing goes at
    # this marker, or at the end when the marker is absent.
    listing_marker = opt.Type(str, default=DEFAULTS.listing_marker)

    # Papers on one page of a topic or series listing, breaking between weeks; 0: all.
    per_page = opt.Type(int, default=DEFAULTS.per_page)

    # With the automatic nav (no `nav:` in mkdocs.yml): the overview, then a section
    # per series with its listing, its latest week (or latest `nav_weeks` digests) and
    # its archive, series in `nav_order` first (slugs), then `all`-like series, then
    # by name.
    compact_nav = opt.Type(bool, default=DEFAULTS.compact_nav)
    nav_weeks = opt.Type(int, default=DEFAULTS.nav_weeks)
    nav_order = opt.ListOfItems(opt.Type(str), default=[])

    # More labels for an entry's fields, beside the Japanese and English ones:
    # {topics: [...], categories: [...], published: [...], comment: [...]}.
    field_names = opt.DictOfItems(opt.ListOfItems(opt.Type(str)), default={})

    max_authors = opt.Type(int, default=DEFAULTS.max_authors)
    # Related papers of other weeks on each card (domain/related.py); 0: none.
    related = opt.Type(int, default=DEFAULTS.related)
    stylesheet = opt.Type(bool, default=DEFAULTS.stylesheet)

    # A schema.org `ScholarlyArticle` record per paper in each digest page's head.
    json_ld = opt.Type(bool, default=DEFAULTS.json_ld)

    # Atom feeds of the newest papers: `feed.xml` for the site, one beside each topic
    # page (`sd/feed.xml`). They need `site_url` (feed links are absolute).
    feeds = opt.Type(bool, default=DEFAULTS.feeds)
    feed_size = opt.Type(int, default=DEFAULTS.feed_size)

    # BibTeX (with a copy button) and a COinS span for Zotero on each card, and every
    # paper of a topic in `papers.bib` beside its page.
    citations = opt.Type(bool, default=DEFAULTS.citations)

    # The catalog as `papers.json` at the site's root (the `export` schema, with
    # each card's URL), linked from the overview.
    papers_json = opt.Type(bool, default=DEFAULTS.papers_json)

    # Collapse the whitespace runs theme templates indent with (not in pre, code,
    # textarea, script, style): a third of a Material page's bytes.
    compact_html = opt.Type(bool, default=DEFAULTS.compact_html)


def core_options(written: Mapping[str, Any]) -> Options:
    """The core's options from the `digest:` block as written, by the rules `check`
    and `generate` apply, for one verdict on every option: MkDocs' own validation
    reads a null as the default, and warns of an unknown key, where they refuse it."""
    try:
        return Options.from_mapping(written)
    except OptionError as problem:
        raise PluginError(f"digest plugin in mkdocs.yml: {problem}") from None
