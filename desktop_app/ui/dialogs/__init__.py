"""The desk's dialogs: start, sign-in, supervisor override, staff accounts, walk-in, settings.

Each offers a classmethod ``ask()`` that shows it modally and returns the answer, so a test
(or the desk window's tests) can replace it.
"""
