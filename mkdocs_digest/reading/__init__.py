"""Reading a docs folder from the file system, as MkDocs reads it, for the front ends
that run without MkDocs (`check`, `export`, `generate`). No MkDocs."""
