"""One module per kind of page the plugin renders: digests, listings, the overview."""
