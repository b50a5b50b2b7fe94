"""The desk's screens (PySide6). The only package that imports Qt."""
