"""The frozen application's entry point (see borderdesk.spec): the ``borderdesk`` command."""

from borderdesk.__main__ import run

if __name__ == "__main__":
    run()
