"""The build's long-lived objects kept out of Python's cycle collector while the
pages render.

Once the nav is made, the model, the memos and MkDocs' files and pages live to the
end of the build, yet each full collection walks all of them again: a quarter of a
second each on the real-size site, once or twice in every `mkdocs serve` rebuild
and more often in a cold build. Frozen (`gc.freeze`), they are left out until the
build ends. A second process (plugin/background.py) gains the most: its collections
would write to the header of every object it shares with the parent, copying the
parent's memory page by page (Python's documentation of `gc.freeze` says so).

Frozen objects that become cyclic garbage wait for the build's end to be collected.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """What exists now lives to the build's end: no collection walks it."""
    gc.freeze()


def release() -> None:
    """The build is over (or failed): every object is the collector's again."""
    gc.unfreeze()
