"""The compact nav plan (structure/nav.py) as MkDocs' Navigation objects."""

from __future__ import annotations

import html
from collections.abc import Iterable

from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from ..structure.nav import NavPlan


class Places:
    """Where a page left out of the compact nav shows while it is rendered: in its
    series' section, marked current, so the theme opens the section (and its tab)."""

    def __init__(self, sections: dict[str, tuple[Section, Page | None]]) -> None:
        self.sections = sections  # page source -> its section, and the section's archive

    def enter(self, page: Page) -> None:
        if page.file.src_uri not in self.sections:
            return
        section, archive = self.sections[page.file.src_uri]
        # Among the weeks, before "older weeks".
        at = section.children.index(archive) if archive in section.children else None
        section.children.insert(len(section.children) if at is None else at, page)
        page.parent = section
        page.active = True  # and its section, and the section's ancestors

    def leave(self, page: Page) -> None:
        if page.file.src_uri not in self.sections:
            return
        section, _ = self.sections[page.file.src_uri]
        # MkDocs makes the page inactive after this, when it no longer has a parent:
        # done here, so that its section is not left open for the next page.
        page.active = False
        if page in section.children:
            section.children.remove(page)
        page.parent = None


NO_PLACES = Places({})


def compact_nav(plan: NavPlan, nav: Navigation, files: Files) -> tuple[Navigation, Places]:
    """The automatic nav with the plugin's pages replaced by the plan, and where the
    pages it leaves out show while rendered.

    The site's other pages keep their place, the home page first.
    """

    def page(uri: str) -> Page | None:
        file = files.get_file_from_path(uri)
        return file.page if file is not None else None

    kept = _without(nav.items, plan.managed)
    home = [item for item in kept if isinstance(item, Page) and item.is_homepage]
    rest = [item for item in kept if item not in home]
    items: list[StructureItem] = list(home)
    items += [p for p in map(page, plan.top) if p is not None]
    built: list[tuple[Section, Page | None] | None] = []
    series: list[StructureItem] = []
    for section in plan.sections:
        listed = [p for p in map(page, section.pages) if p is not None]
        for child in listed:
            _title_in_section(child, plan.titles.get(child.file.src_uri))
        children: list[StructureItem] = list(listed)
        if children and section.latest:
            # After the listing; a site-relative path, which themes make page-relative.
            title = plan.titles.get(section.latest, section.latest)
            children.insert(1, Link(html.escape(title), section.latest))
        if children:
            # Themes print nav titles unescaped, and a topic name is digest text.
            made = Section(html.escape(section.title), children)
            built.append((made, page(section.archive) if section.archive else None))
            series.append(made)
        else:
            built.append(None)
    if plan.group and series:  # one tab for them all
        items.append(Section(html.escape(plan.group), series))
    else:
        items += series
    items += rest
    places = {}
    for uri, n in plan.places.items():
        target, shown = built[n], page(uri)
        if target is not None and shown is not None:
            places[uri] = target
            _title_in_section(shown, plan.titles.get(uri))
    return _navigation(items, files), Places(places)


def _title_in_section(page: Page, title: str | None) -> None:
    """The page's title in the nav, where the section names what the page's own title
    repeats: Material prints `typeset.title` there (its typeset plugin's field), and
    the page keeps its own title in its heading and <title>."""
    if title is not None:
        page.typeset = {"title": html.escape(title)}  # type: ignore[attr-defined]


def _without(items: Iterable[StructureItem], managed: frozenset[str]) -> list[StructureItem]:
    kept: list[StructureItem] = []
    for item in items:
        if isinstance(item, Page) and item.file.src_uri in managed:
            continue
        if isinstance(item, Section):
            item.children = _without(item.children, managed)
            if not item.children:
                continue
        kept.append(item)
    return kept


def _navigation(items: list[StructureItem], files: Files) -> Navigation:
    pages = list(_pages(items))
    for file in files.documentation_pages():  # pages left out of the nav have no place
        if file.page is not None:
            file.page.parent = None
            file.page.previous_page = file.page.next_page = None
    for item in items:
        item.parent = None
    _link_parents(items)
    for before, current, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        current.previous_page, current.next_page = before, after
    return Navigation(items, pages)


def _link_parents(items: Iterable[StructureItem]) -> None:
    for item in items:
        if isinstance(item, Section):
            for child in item.children:
                child.parent = item
            _link_parents(item.children)


def _pages(items: Iterable[StructureItem]) -> Iterable[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item.children)
