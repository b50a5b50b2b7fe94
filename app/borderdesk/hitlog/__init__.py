"""The append-only, hash-chained log of hits and dispositions."""
