"""The ``passerelle`` command: the desk GUI by default, headless subcommands otherwise.

Exit codes: 0 success; 1 a user-facing error (one clear line on stderr, nothing changed);
2 a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from desktop_app import __version__
from desktop_app.domain.errors import AppError, Translate, use_language

COMMAND_MODULES = (
    "desktop_app.commands.events",
    "desktop_app.commands.demo",
    "desktop_app.commands.members",
    "desktop_app.commands.price",
    "desktop_app.commands.badges",
    "desktop_app.commands.receipt",
    "desktop_app.commands.registrations",
    "desktop_app.commands.backup",
    "desktop_app.commands.checkin",
    "desktop_app.commands.walkin",
    "desktop_app.commands.pay",
    "desktop_app.commands.staff",
    "desktop_app.commands.search",
    "desktop_app.commands.sync",
    "desktop_app.commands.report",
    "desktop_app.commands.privacy",
    "desktop_app.commands.audit",
    "desktop_app.commands.leads",
)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    parser = argparse.ArgumentParser(
        prog="passerelle",
        description="Passerelle: registration desk for BIOQuébec and LSO partnered events."
        " Without a command, opens the desk application.",
    )
    parser.add_argument("--version", action="version", version=f"passerelle {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLite file or postgresql:// URL"
        " (default: $PASSERELLE_DB, else the embedded database)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the application on a fresh demo database in a temporary folder",
    )
    parser.add_argument("--lang", choices=("fr", "en"), help="interface language")
    parser.add_argument(
        "--leads",
        action="store_true",
        help="open a lead station (an exhibitor scans badges) instead of the desk",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="log more")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check offline, without a display, that this install works; exit 0 if it does",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def cli_language(chosen: str | None) -> str:
    """``--lang``, else ``PASSERELLE_LANG``, else the locale's language (LC_ALL, LC_MESSAGES,
    LANG, LANGUAGE): French when it is French, else English."""
    if chosen:
        return chosen
    for name in ("PASSERELLE_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def french() -> Translate:
    """Our French translations, read from the .ts the desk's .qm is built from: messages
    leave the services without their Qt context, so the table is keyed by English text
    (the AppError context wins when two contexts translate one text differently)."""
    import xml.etree.ElementTree as ElementTree

    from desktop_app.resources import as_path

    table: dict[str, str] = {}
    root = ElementTree.parse(as_path("translations", "passerelle_fr.ts")).getroot()
    for context in root.iter("context"):
        errors = context.findtext("name") == "AppError"
        for message in context.iter("message"):
            source, target = message.findtext("source"), message.find("translation")
            if source is None or target is None or target.get("type") == "unfinished":
                continue
            if target.text and (errors or source not in table):
                table[source] = target.text
    return lambda text: table.get(text, text)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``passerelle`` command."""
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        # Answered before the commands are registered: registering them imports SQLAlchemy.
        print(f"passerelle {__version__}")
        return 0
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is not None:  # the desk application switches languages itself
        use_language(french() if cli_language(args.lang) == "fr" else None)
    try:
        return _run(args)
    finally:
        use_language(None)


def _run(args: argparse.Namespace) -> int:
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.self_test:
            from desktop_app.selftest import main as self_test

            return self_test()
        if args.command is None:
            from desktop_app.ui.first_window import show_first_window

            show_first_window()  # on screen before the second the desk's modules take to load
            from desktop_app.app import run_gui  # imports Qt only when the GUI is wanted

            return run_gui(database=args.db, demo=args.demo, language=args.lang, leads=args.leads)
        handler = args.handler
        return int(handler(args))
    except AppError as error:
        sys.stderr.write(f"passerelle: {error.message}\n")
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if isinstance(error, BrokenPipeError):
            return _reader_left()
        from desktop_app.db.failures import storage_failure

        known = storage_failure(error)
        if known is None:
            raise  # a bug: its traceback is what the developers need
        logging.getLogger(__name__).info("storage failure", exc_info=error)
        sys.stderr.write(f"passerelle: {known.message}\n")
        return 1


def _reader_left() -> int:
    """`passerelle events list | head`: the reader left; say nothing more (Python docs'
    recipe: point stdout at devnull so the flush at exit does not fail again)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
