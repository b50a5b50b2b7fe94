"""Where the supervisor's hit log review (``borderdesk.ui.review``) is mounted in the desk."""

from __future__ import annotations

from collections.abc import Callable


def review_factory(controller) -> Callable | None:
    """A function that opens the review window for the signed-in supervisor, or None."""
    try:
        from .review import ReviewWindow  # noqa: F401  (built beside this package)
    except ImportError:
        return None
    return lambda parent: ReviewWindow(controller.desk, parent=parent)
