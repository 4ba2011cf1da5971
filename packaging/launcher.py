"""Entry point of the bundled program: the same as the ``passerelle`` command."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
