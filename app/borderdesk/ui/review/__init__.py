"""The supervisor's review of the hit log (see :class:`ReviewWindow`)."""

from .window import ReviewWindow

__all__ = ["ReviewWindow"]
