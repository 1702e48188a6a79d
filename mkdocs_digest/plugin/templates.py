"""The theme's templates, compiled once per `mkdocs serve` session.

MkDocs makes a new Jinja environment for the theme at every build, so each rebuild
under `mkdocs serve` compiled again every template it rendered: Material's base.html
and its partials, about a fifth of a second per rebuild of the bench's site, more than
the plugin's own share of it. A bytecode cache given to each new environment keeps
their compiled code for the next. Jinja checks a template's source against the
checksum stored with its code, so an edited override (`custom_dir`) compiles anew.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket


class KeptTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, per template and per environment settings."""

    def __init__(self) -> None:
        self._code: dict[tuple[object, str], bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(_key(bucket))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[_key(bucket)] = bucket.bytecode_to_string()


def _key(bucket: Bucket) -> tuple[object, str]:
    # Jinja keys code by template name and file only; what it compiles to also
    # depends on the environment's syntax and extensions, which a changed config or
    # another plugin can change between builds.
    env = bucket.environment
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else id(env.autoescape)
    settings = (
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        autoescape,
        tuple(sorted(env.extensions)),
    )
    return settings, bucket.key
