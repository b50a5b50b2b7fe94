"""``python -m borderdesk.cli``: the same as the ``borderdesk`` command."""

from . import run

run()
