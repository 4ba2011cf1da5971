"""One error vocabulary for everything the user can cause or the environment can break.

``AppError`` and its children are expected failures with a message for the user; anything
else is a bug. Messages are English templates marked for translation (context ``AppError``)
with named ``{placeholders}``; the GUI translates the template, then fills it in, so the
same error reads in French or English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Translate = Callable[[str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it (pure Python)."""
    del context
    return text


def _identity(text: str) -> str:
    return text


_language: list[Translate] = [_identity]


def use_language(translate: Translate | None) -> None:
    """How messages turned into text (``str(message)``, ``AppError.message``) are translated
    from now on: the command line sets the user's language here; ``None`` is English."""
    _language[0] = translate or _identity


class Message:
    """A translatable template with named parameters; parameters may be Messages too."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params

    def render(self, translate: Translate = _identity) -> str:
        """The message in the language ``translate`` gives (English by default)."""
        values = {
            key: value.render(translate) if isinstance(value, Message) else value
            for key, value in self.params.items()
        }
        template = translate(self.template)
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template

    def __str__(self) -> str:
        return self.render(_language[0])

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.params!r})"


LANGUAGE_MARK = QT_TRANSLATE_NOOP("AppError", "en")
"""Translated "fr" in French: how a :class:`Named` parameter knows the reader's language
from the translation it is rendered with (as Qt's own QT_LAYOUT_DIRECTION marker)."""


class Named(Message):
    """A name with a French and an English form (a session's) as a message parameter: it
    reads in the language the message is rendered in, as the desk shows names."""

    def __init__(self, name_fr: str, name_en: str) -> None:
        super().__init__(name_en)
        self.name_fr, self.name_en = name_fr, name_en

    def render(self, translate: Translate = _identity) -> str:
        """The French name when ``translate`` is French, else the English one."""
        return self.name_fr if translate(LANGUAGE_MARK) == "fr" else self.name_en

    def __repr__(self) -> str:
        return f"Named({self.name_fr!r}, {self.name_en!r})"


class AppError(Exception):
    """An expected failure whose message is shown to the user as is."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The message with its placeholders filled in, in the language set by
        :func:`use_language` (English unless the command line chose French)."""
        return self.render(_language[0])

    def render(self, translate: Translate = _identity) -> str:
        """The message in the language ``translate`` gives."""
        return Message(self.template, **self.params).render(translate)


class NotFound(AppError):
    """What was asked for does not exist (an event slug, a code, a file)."""


class Invalid(AppError):
    """The input is wrong: a bad file, a bad value, a missing column."""


class Conflict(AppError):
    """The action collides with the current state (already checked in, duplicate number)."""


class StorageUnavailable(AppError):
    """The database or a file cannot be reached or written (server down, disk full)."""
