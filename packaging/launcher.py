"""Entry point of the bundled program: the same as the ``passerelle`` command."""

import multiprocessing
import sys

from desktop_app.cli import main

if __name__ == "__main__":
    # The desk's search runs in a child process (desktop_app/services/desk/search/process.py):
    # in the bundle that child is this program again, which must serve it and not start a desk.
    multiprocessing.freeze_support()
    sys.exit(main())
