"""The build's long-lived objects kept out of Python's cycle collector while the
pages render.

Once the nav is made, the model, the memos and MkDocs' files and pages live to the
end of the build, yet each full collection walks all of them again: a quarter of a
second each on the real-size site, once or twice in every `mkdocs serve` rebuild.
Frozen (`gc.freeze`), they are left out until the build ends. A second process
(plugin/background.py) is spared the same walk, which would write to the header of
every object it shares with the parent and copy the parent's memory page by page
(Python's documentation of `gc.freeze` says so). The model is not made with the
collector off: that held 40 MB of cyclic garbage (Markdown's) on the real-size site.

Frozen objects that become cyclic garbage (under `mkdocs serve`, the last build's
pages, freed as this one starts) wait for the build's end; serve then collects them
once it is idle, or the next build would freeze them again, and again.
"""

from __future__ import annotations

import gc
import threading

IDLE = 1.0  # seconds after a serve build before its garbage is collected


def settle() -> None:
    """What exists now lives to the build's end: no collection walks it."""
    gc.freeze()


def release(serving: bool) -> None:
    """The build is over (or failed): every object is the collector's again; under
    `serving`, the garbage among them collected once the build has been over a while."""
    gc.unfreeze()
    if serving:
        idle = threading.Timer(IDLE, gc.collect)
        idle.daemon = True
        idle.start()
