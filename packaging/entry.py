"""The frozen application's entry point (see borderdesk.spec): the ``borderdesk`` command."""

import multiprocessing

from borderdesk.__main__ import run

if __name__ == "__main__":
    # The camera's reading runs in a process of its own (borderdesk.desk.camera_process),
    # started by running this program again: this hands that run to multiprocessing.
    multiprocessing.freeze_support()
    run()
