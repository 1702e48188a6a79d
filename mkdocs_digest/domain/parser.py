"""Digest Markdown -> `Digest`: pure functions, no MkDocs.

The parser reads every format generation (see docs/FORMAT.md): entries are a level-3
heading linking to arXiv, an optional bold Japanese title, an author line, bullets,
optional commentary and `**Comment:**` paragraphs, and a metadata paragraph that
starts with `**トピック:**`. It never raises on input: what it cannot read becomes a
`Diagnostic` and stays out of `Digest.spans`, so the page keeps it as written.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from .entries import EntryReader, warning
from .fields import DEFAULT, FieldNames
from .model import Diagnostic, Digest
from .source import code_lines, normalize

FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

DATE_STEM = re.compile(r"(\d{4}-\d{2}-\d{2})")

# libyaml's loader when PyYAML was built with it: every digest has front matter, and the
# pure-Python loader was a fifth of the parse. The same safe schema either way.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def looks_like_digest(text: str, page: str, names: FieldNames = DEFAULT) -> bool:
    """A cheap test on `normalize()`d text that lets other pages skip the parser.

    A digest has a metadata line, or is a dated page with a paper heading. A page of
    notes with arXiv-linked headings is neither, and is left to MkDocs.
    """
    if names.in_text(text):
        return True
    heading = "\n### [" in text or text.lstrip("\ufeff").startswith("### [")
    return heading and DATE_STEM.match(page.rpartition("/")[2]) is not None


def read_page(text: str, page: str, names: FieldNames = DEFAULT) -> Digest | None:
    """The digest a page holds, or None for a page with no entry and nothing wrong.

    The one rule both front ends use: the plugin (through the parse cache) and the CLI.
    """
    text = normalize(text)
    if not looks_like_digest(text, page, names):
        return None
    digest = parse_digest(text, page, names)
    return digest if digest.entries or digest.diagnostics else None


def parse_digest(text: str, page: str, names: FieldNames = DEFAULT) -> Digest:
    """Parse a whole page, front matter included; line numbers are the file's.

    `names` are the field labels to read (Japanese and English by default)."""
    text, stray = _remove_stray_boms(normalize(text), page)
    meta, body_start, diagnostics = _front_matter(text, page)
    diagnostics[:0] = stray
    lines = text.split("\n")
    title = meta.get("title")  # an empty `title:` is none: the heading names the page
    digest = Digest(
        page=page,
        title=str(title) if title is not None and str(title).strip() else _h1(lines, body_start),
        date=_page_date(meta.get("date"), page, diagnostics),
        diagnostics=diagnostics,
    )
    EntryReader(digest, lines, body_start, names).read()
    return digest


def _h1(lines: list[str], start: int) -> str | None:
    """The page's first `# Title` outside code: its title, as MkDocs takes it."""
    code = code_lines(lines, start)
    for i in range(start, len(lines)):
        if i not in code and lines[i].startswith("# "):
            return lines[i][2:].strip().rstrip("#").strip() or None
    return None


def _remove_stray_boms(text: str, page: str) -> tuple[str, list[Diagnostic]]:
    """U+FEFF inside a page (files joined with their BOMs) hides headings; drop it."""
    if "\ufeff" not in text:
        return text, []
    lines = text.split("\n")
    found = [
        warning(page, n, "stray byte order mark (U+FEFF), as left by joining files; ignored")
        for n, line in enumerate(lines, start=1)
        if "\ufeff" in line
    ]
    return text.replace("\ufeff", ""), found


def split_front_matter(text: str) -> tuple[str, str]:
    """(the front matter block with its fences, or '', and the rest of the page)."""
    m = FRONT_MATTER.match(text)
    return (m.group(0), text[m.end() :]) if m else ("", text)


def _front_matter(text: str, page: str) -> tuple[dict[str, object], int, list[Diagnostic]]:
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, 0, []
    body_start = text[: m.end()].count("\n")
    try:
        data = yaml.load(m.group(1), Loader=YAML_LOADER)  # a safe loader, C or Python
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        return {}, body_start, [warning(page, line, f"front matter is not valid YAML: {problem}")]
    except Exception as error:
        # YAML's constructors raise ValueError and others on values such as
        # `date: 2024-13-45`. MkDocs drops such front matter too; we must not raise.
        line = _unconstructible_line(m.group(1)) + 1
        return {}, body_start, [warning(page, line, f"front matter cannot be read: {error}")]
    if not isinstance(data, dict):
        return {}, body_start, [warning(page, 1, "front matter is not a mapping")]
    return data, body_start, []


def _unconstructible_line(source: str) -> int:
    """The 1-based line of the front matter whose value YAML parses but cannot build."""
    for number, line in enumerate(source.split("\n"), start=1):
        try:
            yaml.safe_load(line)
        except yaml.YAMLError:
            continue  # a line that is only valid YAML together with others
        except Exception:
            return number
    return 0


def _page_date(value: object, page: str, diagnostics: list[Diagnostic]) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is not None:
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            diagnostics.append(warning(page, 1, f"front matter date {str(value)!r} is not a date"))
    stem = page.rpartition("/")[2]
    m = DATE_STEM.match(stem)
    if m:
        try:
            return dt.date.fromisoformat(m.group(1))
        except ValueError:
            return None
    return None
