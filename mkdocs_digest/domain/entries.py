"""The entries of a digest page -> `Entry`s, source spans and diagnostics. No MkDocs.

Entries are a level-3 heading linking to arXiv, an optional bold Japanese title, an
author line, bullets, optional commentary and `**Comment:**` paragraphs, and a
metadata paragraph (see metadata.py). What cannot be read becomes a `Diagnostic`
and stays out of `Digest.spans`, so the page keeps it as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fields import DEFAULT, FieldNames
from .lines import (
    ANY_HEADING,
    BOLD_LINE,
    BULLET,
    HEADING,
    HEADING_START,
    IMAGE,
    ITALIC_LINE,
    LANDMARK,
    OXFORD_AND,
    RAW_TAG,
    SEPARATOR,
    arxiv_id,
    without_code_spans,
)
from .metadata import MetadataReader
from .model import FIELD_LIMIT, Diagnostic, Digest, Entry, Paper, Topic
from .source import code_lines


def warning(page: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(page, line, "warning", message)


def error(page: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(page, line, "error", message)


@dataclass
class _Block:
    """A paragraph of consecutive non-blank lines: `lines[start:end]`, 0-based."""

    start: int
    end: int


class EntryReader:
    """Walks the body of one page and fills `digest` with entries and spans."""

    def __init__(
        self, digest: Digest, lines: list[str], body_start: int, names: FieldNames = DEFAULT
    ) -> None:
        self.digest = digest
        self.names = names
        self.lines = lines
        self.body_start = body_start
        self.taken: set[int] = set()  # lines of every entry read, carded or reported
        self.code = code_lines(lines, body_start)  # examples and comments: never read
        self.metadata = MetadataReader(self._warn, names)
        self.seen_ids: dict[str, int] = {}

    def read(self) -> None:
        i = self.body_start
        for h in self._lines_matching(HEADING_START):
            m = HEADING.match(self.lines[h]) if h >= i else None
            if m and arxiv_id(m.group("url")):
                i = self._read_entry(h, m)
        separators = self._report_orphan_metadata()
        self._drop_separators(separators)
        self.digest.spans.sort()
        self.digest.unread.sort()
        self._report_around()

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
                f"entry {paper_id} has no '{self.names.metadata_label}' line; "
                "carded without topics, categories or date",
            )
            end = self._prev_nonblank(j) + 1
        else:
            text = "\n".join(self.lines[meta.start : meta.end])
            topics, categories, published = self.metadata.read(text, meta.start + 1)
            trailing, end = self._read_trailing(meta.end, paper_id)
            commentary += trailing
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
        self._report_long_fields(paper, start + 1)
        self._add(paper, start, end, meta_line)
        return max(end, start + 1)

    def _report_long_fields(self, paper: Paper, line: int) -> None:
        fields = {
            "title": paper.title,
            "Japanese title": paper.title_ja or "",
            "commentary": paper.commentary or "",
            "comment": paper.comment or "",
        }
        fields |= {f"bullet {n}": bullet for n, bullet in enumerate(paper.summary, 1)}
        for name, text in fields.items():
            if len(text) > FIELD_LIMIT:
                self._warn(
                    line,
                    f"the {name} of entry {paper.arxiv_id} is {len(text):,} characters long "
                    f"(more than {FIELD_LIMIT:,}): shown as written, without Markdown",
                )

    def _read_title_ja(self, j: int) -> tuple[str | None, int]:
        bold = BOLD_LINE.match(self._line(j))
        if bold and not self.names.is_label_line(self._line(j)):
            text = bold.group("text")
            return (text if text.strip() else None), self._skip_blank(j + 1)
        return None, j

    def _read_authors(self, j: int) -> tuple[tuple[str, ...], int]:
        line = self._line(j)
        if not self._is_plain(j) or BULLET.match(line) or ITALIC_LINE.match(line):
            return (), j
        names = (a.strip() for a in self._line(j).split(","))
        # "A, B, and C": the Oxford comma leaves "and C", which names C.
        authors = tuple(OXFORD_AND.sub("", a) for a in names if a)
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
            if self.names.starts_metadata(text):
                return commentary, comment, block, j
            comment_text = self.names.comment_text(text)
            if comment_text is not None:
                comment = comment_text.strip() or None
            else:
                commentary.append(text.strip())
            j = self._skip_blank(block.end)
        return commentary, comment, None, j

    def _read_trailing(self, end: int, paper_id: str) -> tuple[list[str], int]:
        """Paragraphs after the metadata line that a separator closes: the entry's own
        (a remark the model appended), shown as its commentary. Returns them and the
        entry's new end; none when a heading, the page's end or metadata comes first."""
        paragraphs: list[str] = []
        j = self._skip_blank(end)
        last = end
        while j < len(self.lines) and not self._ends_entry(j):
            block = self._block(j)
            text = "\n".join(self.lines[block.start : block.end])
            if self.names.starts_metadata(text):
                return [], end  # an entry without its heading: reported on its own
            paragraphs.append(text.strip())
            last = block.end
            j = self._skip_blank(block.end)
        if not paragraphs or j >= len(self.lines) or not SEPARATOR.match(self.lines[j]):
            return [], end
        self._warn(
            self._skip_blank(end) + 1,
            f"text after the '{self.names.metadata_label}' line of entry {paper_id}, before "
            "its separator; shown as the entry's commentary",
        )
        return paragraphs, last

    def _add(self, paper: Paper, start: int, end: int, meta_line: int | None) -> None:
        count = self.seen_ids.get(paper.arxiv_id, 0) + 1
        self.seen_ids[paper.arxiv_id] = count
        anchor = paper.anchor
        if count > 1:
            first = next(e for e in self.digest.entries if e.paper.arxiv_id == paper.arxiv_id)
            self.digest.diagnostics.append(
                warning(
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

    # -- around entries ----------------------------------------------------------

    def _report_orphan_metadata(self) -> list[int]:
        """A metadata line no entry took means an entry whose heading was unreadable.

        Returns the separator lines, which this walk passes anyway."""
        separators: list[int] = []
        region = self.body_start  # where the entry that owns a metadata line begins
        heading: int | None = None
        for i in self._lines_matching(LANDMARK):
            line = self.lines[i]
            if SEPARATOR.match(line):
                separators.append(i)
                region, heading = i + 1, None
            elif ANY_HEADING.match(line):
                region = heading = i
            elif self.names.starts_metadata(line) and i not in self.taken:
                if heading is not None:
                    where, what = heading, "heading does not link to an arXiv abstract"
                else:
                    where, what = i, "metadata line without a paper heading"
                self.digest.diagnostics.append(
                    error(self.digest.page, where + 1, f"{what}; entry left as written")
                )
                start = self._skip_blank(region)
                while start in self.taken:
                    start += 1
                self._keep(start, self._block(i).end)
        return separators

    def _keep(self, start: int, end: int) -> None:
        """Lines of an entry that cannot be carded: shown as written, but made safe."""
        self.taken.update(range(start, end))
        if end > start:
            self.digest.unread.append((start + 1, end + 1))

    def _drop_separators(self, separators: list[int]) -> None:
        """Separators next to an entry go with it (entries end before them)."""
        starts = {e.line - 1 for e in self.digest.entries}
        ends = {e.end - 2 for e in self.digest.entries}
        for i in separators:
            before = self._prev_nonblank(i)
            after = self._skip_blank(i + 1)
            if before in ends or after in starts:
                self.digest.spans.append((i + 1, i + 2))

    def _report_around(self) -> None:
        """What the text around entries cannot have rendered (a digest page is
        untrusted throughout), said where it stands: raw HTML and images, shown as
        text, and a paragraph too long for Markdown, shown as written. Only on a page
        with entries: any other page is the site's own, rendered by the site."""
        if not self.digest.entries and not self.digest.unread:
            return
        covered = {
            line
            for start, end in (*self.digest.spans, *self.digest.unread)
            for line in range(start - 1, end - 1)
        }
        first, size = 0, 0
        for i in range(self.body_start, len(self.lines) + 1):
            line = self._line(i)
            if line.strip() and i not in covered and i not in self.code:
                if size == 0:
                    first = i
                size += len(line) + 1
                self._report_markup(i, line)
                continue
            if size > FIELD_LIMIT:
                self._warn(
                    first + 1,
                    f"a paragraph of {size:,} characters outside the entries (more than "
                    f"{FIELD_LIMIT:,}) is shown as written, without Markdown",
                )
            size = 0

    def _report_markup(self, i: int, line: str) -> None:
        if "<" not in line and "![" not in line:  # nearly every line
            return
        text = without_code_spans(line)
        tag = RAW_TAG.search(text)
        if tag:
            self._warn(
                i + 1,
                f"raw HTML {tag.group(0)[:40]!r} outside the entries is shown as text: "
                "a digest page is untrusted throughout",
            )
        if IMAGE.search(text):
            self._warn(
                i + 1,
                "an image outside the entries is shown as its Markdown, not loaded: "
                "a digest page is untrusted throughout",
            )

    # -- small helpers -----------------------------------------------------------

    def _lines_matching(self, pattern: re.Pattern[str]) -> list[int]:
        """Indexes of the body's lines outside code that start with `pattern`."""
        match, code = pattern.match, self.code
        return [
            i
            for i in range(self.body_start, len(self.lines))
            if match(self.lines[i]) and i not in code
        ]

    def _warn(self, line: int, message: str) -> None:
        self.digest.diagnostics.append(warning(self.digest.page, line, message))

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
