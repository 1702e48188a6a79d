"""mkdocs-digest: weekly arXiv paper digests as a paper site, at build time."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mkdocs-digest")
except PackageNotFoundError:  # run from a checkout that was not installed
    __version__ = "0.0.0"
