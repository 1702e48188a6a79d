"""The site files made in a second process while MkDocs renders the pages
(plugin/background.py): the same site as when made in process, and a failed second
process never loses a file. Each build runs in its own interpreter, as `mkdocs build`
does: pytest's own threads would (rightly) keep the plugin from forking."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from mkdocs_digest.plugin import build

from .conftest import EXAMPLE, ROOT, Built

# `mkdocs build -v` of the example site, with `how` run first to change the plugin.
BUILD = """
import sys
from mkdocs_digest.plugin import background, build
background._cpus = lambda: 2  # the machine's count is not what these tests are about
{how}
sys.argv = ["mkdocs", "build", "-v", "-f", sys.argv[1], "-d", sys.argv[2]]
from mkdocs.__main__ import cli
cli()
"""
IN_PROCESS = "background.can_fork = lambda: False"
# The second process fails as it starts to make the files: the build makes them itself.
CHILD_FAILS = """
import os
parent, write = os.getpid(), build.Build._write_site_files
def failing(self, site_dir):
    if os.getpid() != parent:
        raise RuntimeError("the second process fails")
    return write(self, site_dir)
build.Build._write_site_files = failing
"""
SECOND_PROCESS = "the site files are made in a second process"


def built_with(how: str, site: Path) -> str:
    code = BUILD.format(how=textwrap.dedent(how))
    command = [sys.executable, "-c", code, str(EXAMPLE / "mkdocs.yml"), str(site)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stderr


def contents(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_build_makes_the_site_files_in_a_second_process(tmp_path: Path) -> None:
    log = built_with("", tmp_path / "site")
    assert SECOND_PROCESS in log


def test_the_second_process_writes_the_site_the_build_would(tmp_path: Path) -> None:
    assert SECOND_PROCESS in built_with("", tmp_path / "forked")
    log = built_with(IN_PROCESS, tmp_path / "site")
    assert SECOND_PROCESS not in log
    by_fork, in_process = contents(tmp_path / "forked"), contents(tmp_path / "site")
    assert any(path.startswith("assets/mkdocs_digest/search/") for path in in_process)
    assert sorted(by_fork) == sorted(in_process)
    assert [p for p in by_fork if by_fork[p] != in_process[p]] == []


def test_a_site_of_many_papers_makes_its_site_files_in_process(tmp_path: Path) -> None:
    """Past SECOND_PROCESS_PAPERS the second process would cost more memory than the
    build without the plugin has to spare (plugin/build.py)."""
    log = built_with("build.SECOND_PROCESS_PAPERS = 10", tmp_path / "site")
    assert SECOND_PROCESS not in log
    assert (tmp_path / "site" / "papers.json").is_file()


def test_a_failed_second_process_loses_no_file(example_site: Built, tmp_path: Path) -> None:
    log = built_with(CHILD_FAILS, tmp_path / "site")
    assert SECOND_PROCESS in log
    assert "the second process fails" in log  # told at debug level, then made in process
    assert contents(tmp_path / "site") == contents(example_site.site)


def test_no_second_process_on_one_cpu() -> None:
    code = """
from mkdocs_digest.plugin import background
background._cpus = lambda: 2
assert background.can_fork()
background._cpus = lambda: 1
assert not background.can_fork() and background.start(lambda: 1, "job") is None
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_no_second_process_beside_another_thread() -> None:
    code = """
import threading
from mkdocs_digest.plugin import background
background._cpus = lambda: 2
assert background.can_fork()
stop = threading.Event()
threading.Thread(target=stop.wait).start()
assert background.start(lambda: 1, "job") is None
stop.set()
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_the_job_runs_in_another_process_and_its_answer_comes_back() -> None:
    code = """
import os
from mkdocs_digest.plugin import background
background._cpus = lambda: 2
job = background.start(lambda: (os.getpid(), "answer"), "job")
pid, answer = job.result()
assert pid != os.getpid() and answer == "answer"
dead = background.start(lambda: os._exit(3), "dead")
assert dead.result() is None
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_the_pages_render_with_the_model_frozen_and_nothing_stays_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """plugin/heap.py: the collector leaves the build's objects alone while pages
    render, and has them all back when the build ends, or fails."""
    written, frozen = build.Build.written, []

    def recording(self: build.Build, output: str, page: Page) -> str:
        frozen.append(gc.get_freeze_count())
        return written(self, output, page)

    monkeypatch.setattr(build.Build, "written", recording)
    mkdocs_build(load_config(str(EXAMPLE / "mkdocs.yml"), site_dir=str(tmp_path / "a")))
    assert frozen and min(frozen) > 10_000  # the model, the memos, the pages
    assert gc.get_freeze_count() == 0

    def failing(self: build.Build, output: str, page: Page) -> str:
        raise RuntimeError("a page fails")

    monkeypatch.setattr(build.Build, "written", failing)
    with pytest.raises(RuntimeError, match="a page fails"):
        mkdocs_build(load_config(str(EXAMPLE / "mkdocs.yml"), site_dir=str(tmp_path / "b")))
    assert gc.get_freeze_count() == 0
