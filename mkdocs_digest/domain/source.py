"""Page text as MkDocs hands it to plugins, and where code stands in it. No MkDocs."""

from __future__ import annotations

import re

# At most three spaces in: four make an indented code block (CommonMark).
FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
# What every fence or comment opening holds: most pages have none, and skip the walk.
OPENINGS = ("```", "~~~", "<!--")


def normalize(text: str) -> str:
    """What MkDocs hands plugins: no BOM, `\\n` line endings."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def code_lines(lines: list[str], start: int = 0, comments: bool = True) -> set[int]:
    """0-based indexes of lines inside fenced code blocks or (with `comments`) HTML comments.

    What stands there is an example or hidden text, never an entry: headings,
    separators and metadata in it are not read. Indented code needs no care here,
    since every part of an entry starts within three spaces of the margin.
    """
    hidden: set[int] = set()
    text = "\n".join(lines[start:])
    if not any(opening in text for opening in OPENINGS):
        return hidden
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
