"""Debian's Chromium (headless, through Playwright) and a static server for built sites."""

from __future__ import annotations

import functools
import gzip
import io
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def require_chromium() -> ModuleType:
    """Playwright's sync API; skips the module without a browser, except in CI."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            raise RuntimeError("CI must run the browser tests: install Debian's chromium")
        pytest.skip("Debian's chromium is not installed", allow_module_level=True)
    return pytest.importorskip("playwright.sync_api")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


# What static hosts (GitHub Pages, Netlify, Cloudflare Pages) send compressed.
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".bib")


class _Compressing(_Quiet):
    """Text sent gzipped to a browser that accepts it, as static hosts send it."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.is_file() or path.suffix not in COMPRESSED:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def static_server(root: Path, compress: bool = False) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 at a free port; yields its base URL.
    `compress`: text gzipped, as static hosts send it."""
    handler = functools.partial(_Compressing if compress else _Quiet, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@contextmanager
def chromium(sync_api: ModuleType) -> Iterator[object]:
    # A launch without a user data dir runs on a fresh temporary profile.
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser, scheme: str = "light"):
    # A context per test: Material remembers the palette in localStorage.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    return context.new_page()
