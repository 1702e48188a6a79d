"""Digest Markdown -> `Digest`: pure functions, no MkDocs.

The parser reads every format generation (see FORMAT.md): entries are a level-3
heading linking to arXiv, an optional bold Japanese title, an author line, bullets,
optional commentary and `**Comment:**` paragraphs, and a metadata paragraph that
starts with `**トピック:**`. It never raises on input: what it cannot read becomes a
`Diagnostic` and stays out of `Digest.spans`, so the page keeps it as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from .model import Diagnostic, Digest, Entry, Paper, Published, Topic, is_arxiv_category

HEADING = re.compile(r"^###[ \t]+\[(?P<title>.+)\]\((?P<url>[^\s()]+)\)[ \t]*$")
ANY_HEADING = re.compile(r"^#{1,6}(?:[ \t]|$)")
# At most three spaces in: four make an indented code block (CommonMark).
SEPARATOR = re.compile(r"^ {0,3}(?:-[ \t]*){3,}$")
FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
# `****` is an empty Japanese title: the summarizer returned none (FORMAT.md).
BOLD_LINE = re.compile(r"^\*\*(?P<text>.*)\*\*[ \t]*$")
# A translated title the summarizer put in italics, before the bullets.
ITALIC_LINE = re.compile(r"^\*(?!\*).*(?<!\*)\*[ \t]*$")
BULLET = re.compile(r"^[-*+][ \t\u3000](?P<text>.*)$")  # LLM output uses U+3000 too
COMMENT = "**Comment:**"
META_START = "**トピック:**"
META_KEY = re.compile(r"\*\*(トピック|カテゴリ|投稿日時|投稿日):\*\*")
# Slugs become folder names; no dots, so none can pass for a file (`sitemap.xml`).
SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]*$")
TOPIC_LINK = re.compile(r"\[(?P<name>[^\]]*)\]\((?P<target>[^)\s]*)\)")
CATEGORY_SEP = re.compile(r",\s+")
PUBLISHED = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[ T](?P<time>\d{2}:\d{2}))?$")
ARXIV_URL = re.compile(
    r"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})"
    r"(?:v\d+)?(?:\.pdf)?/?$"
)
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
DATE_STEM = re.compile(r"(\d{4}-\d{2}-\d{2})")


def normalize(text: str) -> str:
    """What MkDocs hands plugins: no BOM, `\\n` line endings."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def looks_like_digest(text: str, page: str) -> bool:
    """A cheap test on `normalize()`d text that lets other pages skip the parser.

    A digest has a metadata line, or is a dated page with a paper heading. A page of
    notes with arXiv-linked headings is neither, and is left to MkDocs.
    """
    if META_START in text:
        return True
    heading = "\n### [" in text or text.lstrip("\ufeff").startswith("### [")
    return heading and DATE_STEM.match(page.rpartition("/")[2]) is not None


def code_lines(lines: list[str], start: int = 0, comments: bool = True) -> set[int]:
    """0-based indexes of lines inside fenced code blocks or (with `comments`) HTML comments.

    What stands there is an example or hidden text, never an entry: headings,
    separators and metadata in it are not read. Indented code needs no care here,
    since every part of an entry starts within three spaces of the margin.
    """
    hidden: set[int] = set()
    fence = ""
    comment = False
    for i in range(start, len(lines)):
        line = lines[i]
        opening = FENCE.match(line)
        if fence:
            hidden.add(i)
            closing = opening and opening.group("fence")
            if closing and closing[0] == fence[0] and len(closing) >= len(fence):
                fence = "" if not line.strip()[len(closing) :].strip() else fence
        elif comment:
            hidden.add(i)
            comment = "-->" not in line
        elif opening:
            hidden.add(i)
            fence = opening.group("fence")
        elif comments and line.lstrip().startswith("<!--"):
            hidden.add(i)
            comment = "-->" not in line.split("<!--", 1)[1]
    return hidden


def read_page(text: str, page: str) -> Digest | None:
    """The digest a page holds, or None for a page with no entry and nothing wrong.

    The one rule both front ends use: the plugin (through the parse cache) and the CLI.
    """
    text = normalize(text)
    if not looks_like_digest(text, page):
        return None
    digest = parse_digest(text, page)
    return digest if digest.entries or digest.diagnostics else None


def arxiv_id(url: str) -> str | None:
    """The version-less arXiv id of an abstract, PDF or HTML URL."""
    m = ARXIV_URL.match(url.strip())
    return m.group("id") if m else None


def topic_slug(target: str) -> str:
    """`../../sd`, `sd`, `../sd/` and `../sd/index.md` all name the topic `sd`."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    if parts and parts[-1] in ("index.md", "index.html", "README.md"):
        parts.pop()
    if not parts:
        return ""
    return parts[-1].removesuffix(".md").removesuffix(".html")


def parse_digest(text: str, page: str) -> Digest:
    """Parse a whole page, front matter included; line numbers are the file's."""
    text, stray = _remove_stray_boms(normalize(text), page)
    meta, body_start, diagnostics = _front_matter(text, page)
    diagnostics[:0] = stray
    lines = text.split("\n")
    title = meta.get("title")
    digest = Digest(
        page=page,
        title=str(title) if title is not None else _h1(lines, body_start),
        date=_page_date(meta.get("date"), page, diagnostics),
        diagnostics=diagnostics,
    )
    _EntryReader(digest, lines, body_start).read()
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
        _warn(page, n, "stray byte order mark (U+FEFF), as left by joining files; ignored")
        for n, line in enumerate(lines, start=1)
        if "\ufeff" in line
    ]
    return text.replace("\ufeff", ""), found


def _front_matter(text: str, page: str) -> tuple[dict[str, object], int, list[Diagnostic]]:
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, 0, []
    body_start = text[: m.end()].count("\n")
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        return {}, body_start, [_warn(page, line, f"front matter is not valid YAML: {problem}")]
    except Exception as error:
        # YAML's constructors raise ValueError and others on values such as
        # `date: 2024-13-45`. MkDocs drops such front matter too; we must not raise.
        line = _unconstructible_line(m.group(1)) + 1
        return {}, body_start, [_warn(page, line, f"front matter cannot be read: {error}")]
    if not isinstance(data, dict):
        return {}, body_start, [_warn(page, 1, "front matter is not a mapping")]
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
            diagnostics.append(_warn(page, 1, f"front matter date {str(value)!r} is not a date"))
    stem = page.rpartition("/")[2]
    m = DATE_STEM.match(stem)
    if m:
        try:
            return dt.date.fromisoformat(m.group(1))
        except ValueError:
            return None
    return None


def _warn(page: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(page, line, "warning", message)


def _error(page: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(page, line, "error", message)


@dataclass
class _Block:
    """A paragraph of consecutive non-blank lines: `lines[start:end]`, 0-based."""

    start: int
    end: int


class _EntryReader:
    """Walks the body of one page and fills `digest` with entries and spans."""

    def __init__(self, digest: Digest, lines: list[str], body_start: int) -> None:
        self.digest = digest
        self.lines = lines
        self.body_start = body_start
        self.taken: set[int] = set()  # lines of every entry read, carded or reported
        self.code = code_lines(lines, body_start)  # examples and comments: never read
        self.seen_ids: dict[str, int] = {}

    def read(self) -> None:
        i = self.body_start
        while i < len(self.lines):
            m = None if i in self.code else HEADING.match(self.lines[i])
            if m and arxiv_id(m.group("url")):
                i = self._read_entry(i, m)
            else:
                i += 1
        self._report_orphan_metadata()
        self._drop_separators()
        self.digest.spans.sort()
        self.digest.unread.sort()

    # -- one entry ---------------------------------------------------------------

    def _read_entry(self, start: int, heading: re.Match[str]) -> int:
        """Read the entry whose heading is line `start`; return the line after it."""
        url = heading.group("url")
        paper_id = arxiv_id(url) or ""
        title_ja, j = self._read_title_ja(self._skip_blank(start + 1))
        authors, j = self._read_authors(j)
        lead, j = self._read_lead(j)
        summary, j = self._read_bullets(j)
        commentary, comment, meta, j = self._read_paragraphs(j)
        commentary[:0] = lead
        topics: tuple[Topic, ...] = ()
        categories: tuple[str, ...] = ()
        published = None
        meta_line = None if meta is None else meta.start + 1
        if meta is None:
            self._warn(
                start + 1,
                f"entry {paper_id} has no '{META_START}' line; carded without topics, "
                "categories or date",
            )
            end = self._prev_nonblank(j) + 1
        else:
            topics, categories, published = self._read_metadata(meta)
            end = meta.end
        if not summary:
            self._warn(start + 1, f"entry {paper_id} has no summary bullets")
        paper = Paper(
            arxiv_id=paper_id,
            url=url,
            title=heading.group("title").strip(),
            title_ja=title_ja,
            authors=authors,
            summary=tuple(summary),
            commentary="\n\n".join(commentary) or None,
            comment=comment,
            topics=topics,
            categories=categories,
            published=published,
        )
        self._add(paper, start, end, meta_line)
        return max(end, start + 1)

    def _read_title_ja(self, j: int) -> tuple[str | None, int]:
        bold = BOLD_LINE.match(self._line(j))
        if bold and not self._line(j).startswith((COMMENT, META_START)):
            text = bold.group("text")
            return (text if text.strip() else None), self._skip_blank(j + 1)
        return None, j

    def _read_authors(self, j: int) -> tuple[tuple[str, ...], int]:
        line = self._line(j)
        if not self._is_plain(j) or BULLET.match(line) or ITALIC_LINE.match(line):
            return (), j
        authors = tuple(a.strip() for a in self._line(j).split(",") if a.strip())
        return authors, self._skip_blank(j + 1)

    def _read_lead(self, j: int) -> tuple[list[str], int]:
        """Italic paragraphs before the bullets (a translated title): commentary."""
        lead: list[str] = []
        while ITALIC_LINE.match(self._line(j)):
            block = self._block(j)
            lead.append("\n".join(self.lines[block.start : block.end]).strip())
            j = self._skip_blank(block.end)
        return lead, j

    def _read_paragraphs(self, j: int) -> tuple[list[str], str | None, _Block | None, int]:
        """Commentary and comment paragraphs, up to the metadata paragraph."""
        commentary: list[str] = []
        comment = None
        while j < len(self.lines) and not self._ends_entry(j):
            block = self._block(j)
            text = "\n".join(self.lines[block.start : block.end])
            if text.startswith(META_START):
                return commentary, comment, block, j
            if text.startswith(COMMENT):
                comment = text.removeprefix(COMMENT).strip() or None
            else:
                commentary.append(text.strip())
            j = self._skip_blank(block.end)
        return commentary, comment, None, j

    def _add(self, paper: Paper, start: int, end: int, meta_line: int | None) -> None:
        count = self.seen_ids.get(paper.arxiv_id, 0) + 1
        self.seen_ids[paper.arxiv_id] = count
        anchor = paper.anchor
        if count > 1:
            first = next(e for e in self.digest.entries if e.paper.arxiv_id == paper.arxiv_id)
            self.digest.diagnostics.append(
                _warn(
                    self.digest.page,
                    start + 1,
                    f"paper {paper.arxiv_id} appears again on this page (first at line "
                    f"{first.line})",
                )
            )
            anchor = f"{anchor}-{count}"
        self.digest.entries.append(
            Entry(paper, self.digest.page, start + 1, end + 1, anchor, meta_line)
        )
        self.digest.spans.append((start + 1, end + 1))
        self.taken.update(range(start, end))

    def _read_bullets(self, j: int) -> tuple[list[str], int]:
        bullets: list[str] = []
        while j < len(self.lines):
            m = BULLET.match(self.lines[j])
            if m and not SEPARATOR.match(self.lines[j]):
                bullets.append(m.group("text"))
                j += 1
            elif bullets and self.lines[j][:1] in (" ", "\t") and self.lines[j].strip():
                bullets[-1] += " " + self.lines[j].strip()  # lazy continuation line
                j += 1
            elif not self.lines[j].strip() and bullets:
                nxt = self._skip_blank(j)
                if nxt < len(self.lines) and BULLET.match(self.lines[nxt]):
                    j = nxt
                else:
                    return bullets, nxt
            else:
                break
        return bullets, j

    def _read_metadata(
        self, block: _Block
    ) -> tuple[tuple[Topic, ...], tuple[str, ...], Published | None]:
        text = "\n".join(self.lines[block.start : block.end])
        fields = dict(_metadata_fields(text))
        topics = self._read_topics(fields.get("トピック", ""), block.start + 1)
        # Only the comma before the next key is a separator: a category string can
        # itself end in a comma ("62F30,,") and must be kept as arXiv gave it.
        raw_categories = fields.get("カテゴリ", "").strip().removesuffix(",")
        categories = _categories(raw_categories)
        when = fields.get("投稿日時", fields.get("投稿日"))
        return topics, categories, self._published(when, block.start + 1)

    def _read_topics(self, field: str, line: int) -> tuple[Topic, ...]:
        """Topic links; each unusable one is reported once and the card goes without it."""
        if not field.strip(" \t\n,"):
            self._warn(line, "entry names no topic; carded without one")
            return ()
        topics: list[Topic] = []
        for link in TOPIC_LINK.finditer(field):
            slug, name = topic_slug(link.group("target")), link.group("name").strip()
            if _is_external(link.group("target")) or not (SLUG.match(slug) and name):
                self._warn(
                    line,
                    f"topic link {link.group(0)!r} needs a name and a relative target whose "
                    "last part is a plain slug (letters, digits, '-', '_'); ignored",
                )
            elif all(t.slug != slug for t in topics):
                topics.append(Topic(slug, name))
        for text in TOPIC_LINK.sub(",", field).split(","):
            if text.strip():
                self._warn(line, f"topic {text.strip()!r} is not a link to a topic page; ignored")
        return tuple(topics)

    def _published(self, raw: str | None, line: int) -> Published | None:
        if raw is None:
            return None
        value = raw.strip().rstrip(",").strip()
        m = PUBLISHED.match(value)
        try:
            if not m:
                raise ValueError
            moment = dt.datetime.fromisoformat(f"{m.group('date')} {m.group('time') or '00:00'}")
        except ValueError:
            self._warn(line, f"submission date {value!r} is not a valid date")
            return None
        return Published(moment, has_time=m.group("time") is not None)

    # -- around entries ----------------------------------------------------------

    def _report_orphan_metadata(self) -> None:
        """A metadata line no entry took means an entry whose heading was unreadable."""
        region = self.body_start  # where the entry that owns a metadata line begins
        heading: int | None = None
        for i in range(self.body_start, len(self.lines)):
            line = self.lines[i]
            if i in self.code:
                continue
            if SEPARATOR.match(line):
                region, heading = i + 1, None
            elif ANY_HEADING.match(line):
                region = heading = i
            elif line.startswith(META_START) and i not in self.taken:
                if heading is not None:
                    where, what = heading, "heading does not link to an arXiv abstract"
                else:
                    where, what = i, "metadata line without a paper heading"
                self.digest.diagnostics.append(
                    _error(self.digest.page, where + 1, f"{what}; entry left as written")
                )
                start = self._skip_blank(region)
                while start in self.taken:
                    start += 1
                self._keep(start, self._block(i).end)

    def _keep(self, start: int, end: int) -> None:
        """Lines of an entry that cannot be carded: shown as written, but made safe."""
        self.taken.update(range(start, end))
        if end > start:
            self.digest.unread.append((start + 1, end + 1))

    def _drop_separators(self) -> None:
        starts = {e.line - 1 for e in self.digest.entries}
        ends = {e.end - 2 for e in self.digest.entries}
        for i in range(self.body_start, len(self.lines)):
            if i in self.code or not SEPARATOR.match(self.lines[i]):  # entries end before them
                continue
            before = self._prev_nonblank(i)
            after = self._skip_blank(i + 1)
            if before in ends or after in starts:
                self.digest.spans.append((i + 1, i + 2))

    # -- small helpers -----------------------------------------------------------

    def _warn(self, line: int, message: str) -> None:
        self.digest.diagnostics.append(_warn(self.digest.page, line, message))

    def _line(self, i: int) -> str:
        return self.lines[i] if i < len(self.lines) else ""

    def _skip_blank(self, i: int) -> int:
        while i < len(self.lines) and not self.lines[i].strip():
            i += 1
        return i

    def _prev_nonblank(self, i: int) -> int:
        i -= 1
        while i >= self.body_start and not self.lines[i].strip():
            i -= 1
        return i

    def _is_plain(self, i: int) -> bool:
        line = self._line(i)
        return bool(line.strip()) and not self._ends_entry(i) and not line.startswith("**")

    def _ends_entry(self, i: int) -> bool:
        line = self._line(i)
        return i not in self.code and bool(SEPARATOR.match(line) or ANY_HEADING.match(line))

    def _block(self, i: int) -> _Block:
        """A paragraph; a code block in it runs on over blank lines to its fence."""
        end = i
        while (
            end < len(self.lines)
            and (self.lines[end].strip() or end in self.code)
            and not self._ends_entry(end)
        ):
            end += 1
        return _Block(i, max(end, i + 1))


def _categories(raw: str) -> tuple[str, ...]:
    """arXiv codes one by one; the text between them (a category's full name, MSC or
    ACM classes, which hold commas themselves) as one item, with its spaces folded."""
    found: list[str] = []
    run: list[str] = []
    for piece in (" ".join(p.split()) for p in CATEGORY_SEP.split(raw)):
        if not piece:
            continue
        if is_arxiv_category(piece):
            found += [", ".join(run)] if run else []
            found.append(piece)
            run = []
        else:
            run.append(piece)
    return tuple(found + ([", ".join(run)] if run else []))


def _is_external(target: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:|//", target))


def _metadata_fields(text: str) -> Iterator[tuple[str, str]]:
    parts = META_KEY.split(text)
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        yield key, value.strip()
