"""The MkDocs adapter: events only wire MkDocs to the core.

on_config registers the Markdown extension, templates and assets; on_files reads the
digests, makes the site's model (site_model.py) and adds the generated pages, before
other plugins record the pages and again, if need be, after they added theirs; on_nav
puts the compact nav in place and tells a dirty build what to render
(plugin/incremental.py); on_page_markdown swaps entries for card placeholders and
fills listing pages, which the extension turns into HTML. Cards and topic weeks are
converted lean (rendering/lean_page.py): search indexes them so; on_page_context
renders them in full for the theme, and on_post_page puts the lean page back and adds
the page's `<head>` parts. on_post_build writes the site files. A `Build`
(plugin/build.py) does each event's work.
"""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.config.base import ConfigErrors, ConfigWarnings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from . import heap
from .build import (
    Build,
    Kept,
    configure,
    files_first,
    files_last,
    log,
    serve_advice,
    site_labels,
)
from .config import DigestConfig, core_options


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.kept = Kept.for_command("build", dirty=False)

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        self.written = dict(options)  # as written: core_options judges it in on_config
        return super().load_config(options, config_file_path)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes `mkdocs serve` keep this instance, and what it
        # keeps (parse cache, memo), across rebuilds.
        self.kept = Kept.for_command(command, dirty)
        advice = serve_advice(command, dirty)
        if advice:
            log.info(advice)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.options = core_options(self.written)
        self.kept.reading(self.options)
        self.store = configure(config, self.options)
        self.labels = site_labels(config, self.options)
        return config

    @event_priority(50)  # early: plugins that record the pages (redirects) see ours
    def _files_first(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.config.enabled:
            self.first = files_first(config, lambda: self._build(files, config))
        return None

    @event_priority(-110)  # last: after plugins that add pages or remake the list (i18n)
    def _files_last(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.config.enabled:
            self.build = files_last(self.first, files, lambda: self._build(files, config))
        return None

    on_files = CombinedEvent(_files_first, _files_last)

    def _build(self, files: Files, config: MkDocsConfig) -> Build:
        options, labels, store = self.options, self.labels, self.store
        return Build(files, config, options=options, labels=labels, store=store, kept=self.kept)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        return self.build.nav(nav, config, files) if self.config.enabled else None

    def on_env(
        self, env: jinja2.Environment, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if self.config.enabled and self.kept.templates is not None:
            env.bytecode_cache = self.kept.templates  # serve: the theme compiled once
        return None

    @event_priority(100)  # first: other plugins (mkdocs-macros) never see digest text
    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return self.build.markdown(markdown, page) if self.config.enabled else None

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.config.enabled:
            self.build.pages.converted(page)
        return None

    @event_priority(-100)  # after search plugins indexed the lean page
    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.config.enabled:
            self.build.full_page(page)
        return None

    @event_priority(-50)  # late: after other plugins changed the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        return self.build.written(output, page) if self.config.enabled else None

    @event_priority(50)  # before search plugins write their index
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.config.enabled:
            self.build.finish(config)

    def on_build_error(self, *, error: Exception) -> None:
        heap.release(self.kept.memo.keep)  # a failed build's objects are the collector's again
