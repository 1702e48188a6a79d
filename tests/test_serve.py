"""A real `mkdocs serve` on a copy of the example site, edited while it runs.

Each step edits docs/, then polls the server over HTTP until the change shows (or
a bounded wait runs out), and checks that the server process is still alive.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import EXAMPLE

WAIT = 90  # seconds for one rebuild to show; a rebuild takes about two


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, process: subprocess.Popen[bytes], base: str, log: Path) -> None:
        self.process, self.base, self.log_file = process, base, log

    @property
    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str) -> BeautifulSoup | None:
        """The page at `path`, or None when the server answers 404."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return BeautifulSoup(response.read().decode("utf-8"), "html.parser")
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise

    def until(self, what: str, check: Callable[[], bool]) -> None:
        """Poll until `check()` holds; fail if the server dies or time runs out."""
        deadline = time.monotonic() + WAIT
        while True:
            assert self.process.poll() is None, f"mkdocs serve died:\n{self.log}"
            try:
                if check():
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass  # not up yet, or restarting its build
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for: {what}\n{self.log[-3000:]}")
            time.sleep(0.3)


@pytest.fixture(params=["", "--dirty"], ids=["serve", "serve-dirty"])
def server(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Server]:
    """`mkdocs serve`, and `--dirty` (only what an edit changes is rendered again)."""
    site = tmp_path / "example-site"
    shutil.copytree(EXAMPLE, site, ignore=shutil.ignore_patterns("site"))
    port = free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(site / "mkdocs.yml")]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "-a", f"127.0.0.1:{port}", *filter(None, [request.param])],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    served = Server(process, f"http://127.0.0.1:{port}/", log)
    try:
        served.until("the first build", lambda: served.get("") is not None)
        yield served
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def card_ids(page: BeautifulSoup | None) -> list[str]:
    return [card["id"] for card in page.select("article.digest-card")] if page else []


def listed(page: BeautifulSoup | None) -> list[str]:
    return [a.get_text() for a in page.select("a.digest-listing__title")] if page else []


NEW_ENTRY = """
- - -

### [A Paper Added While Serving](http://arxiv.org/abs/2599.09901)

**配信中に追加した論文**

New Author

- 追加した要点
"""
NEW_METADATA = (
    "\n**トピック:** [差分プライバシー](../../dp), [連合学習](../../fl), "
    "**カテゴリ:** cs.LG, **投稿日時:** 2024-04-13 09:00\n"
)


def test_serve_follows_edits_and_survives_a_malformed_entry(server: Server) -> None:
    docs = Path(server.log_file.parent / "example-site" / "docs")

    # 1. Add a paper to a digest: its card, and both of its topics list it.
    dp_week = docs / "dp" / "2024-04-12.md"
    dp_week.write_text(dp_week.read_text() + NEW_ENTRY + NEW_METADATA)
    server.until(
        "the added paper on its digest and topic pages",
        lambda: (
            "arxiv-2599.09901" in card_ids(server.get("dp/2024-04-12/"))
            and "A Paper Added While Serving" in listed(server.get("dp/"))
            and "A Paper Added While Serving" in listed(server.get("fl/"))
        ),
    )

    # 2. Move a paper from one topic to another.
    sd_week = docs / "sd" / "2024-04-12.md"
    moved = "Procedural Scenes for Robot Grasping at Scale"
    assert moved in listed(server.get("sd/")) and moved not in listed(server.get("dp/"))
    sd_week.write_text(
        sd_week.read_text().replace(
            "**トピック:** [合成データ](../../sd), **カテゴリ:** cs.RO",
            "**トピック:** [差分プライバシー](../../dp), **カテゴリ:** cs.RO",
        )
    )

    def moved_to_dp() -> bool:
        card = server.get("sd/2024-04-12/").select_one("#arxiv-2599\\.00202")
        chips = [chip.get_text() for chip in card.select("a.digest-chip")]
        return (
            chips == ["差分プライバシー"]
            and moved in listed(server.get("dp/"))
            and moved not in listed(server.get("sd/"))
        )

    server.until("the moved paper under its new topic only", moved_to_dp)

    # 3. Delete a digest: its page, its papers' listings and the links to it go.
    def links_to_deleted_week() -> list[str]:
        card = server.get("dp/2024-04-12/").select_one("#arxiv-2599\\.00201")
        pager = server.get("sd/2024-04-05/").select_one("nav.digest-pager")
        hrefs = [a["href"] for a in [*card.select(".digest-card__also a"), *pager.select("a")]]
        return [href for href in hrefs if "sd/2024-04-12" in href or href == "../2024-04-12/"]

    assert len(links_to_deleted_week()) == 2  # "also in" and the pager's next week
    sd_week.unlink()
    server.until(
        "the deleted digest gone from every page",
        lambda: (
            server.get("sd/2024-04-12/") is None
            and moved not in listed(server.get("dp/"))
            and links_to_deleted_week() == []
        ),
    )

    # 4. Save an entry without its metadata line: a warning, and a card without
    # topics that no topic page lists yet.
    fl_week = docs / "fl" / "2024-04-05.md"
    second = "A Second Paper Added While Serving"
    half_written = fl_week.read_text() + NEW_ENTRY.replace("2599.09901", "2599.09902").replace(
        "A Paper Added While Serving", second
    )
    fl_week.write_text(half_written)
    line = half_written.split("\n").index(f"### [{second}](http://arxiv.org/abs/2599.09902)")
    warning = f"fl/2024-04-05.md:{line + 1}: entry 2599.09902 has no"

    def card_without_topics() -> bool:
        card = server.get("fl/2024-04-05/").select_one("#arxiv-2599\\.09902")
        return (
            warning in server.log
            and card is not None
            and "追加した要点" in card.get_text()
            and card.select("a.digest-chip") == []
            and second not in listed(server.get("fl/"))
        )

    server.until("a warning and the entry carded without topics", card_without_topics)
    assert "WARNING" in next(ln for ln in server.log.splitlines() if warning in ln)

    # 5. Fix it: the card gets its topics and the topic pages list it.
    warnings_before_fix = server.log.count(warning)
    fl_week.write_text(half_written + NEW_METADATA)

    def fixed() -> bool:
        card = server.get("fl/2024-04-05/").select_one("#arxiv-2599\\.09902")
        chips = [chip.get_text() for chip in card.select("a.digest-chip")]
        return chips == ["差分プライバシー", "連合学習"] and second in listed(server.get("fl/"))

    server.until("the fixed entry with its topics, listed", fixed)
    assert server.log.count(warning) == warnings_before_fix  # no warning after the fix
    assert server.process.poll() is None

    # Plain serve renders every page on each save: it says once, over five rebuilds,
    # how to get the fast loop; `--dirty` has nothing to say.
    advice = [line for line in server.log.splitlines() if "mkdocs serve --dirty" in line]
    dirty = "--dirty" in server.process.args
    assert len(advice) == (0 if dirty else 1), advice
    assert dirty or advice[0].startswith("INFO")
