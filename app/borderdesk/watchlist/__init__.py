"""The local copy of the watchlists: storage, indexes, name matching, signed bundles."""
