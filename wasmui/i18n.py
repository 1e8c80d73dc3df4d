"""``gr.I18n``: translations for UI strings.

``i18n("key")`` returns an ``I18nData``: a ``str`` holding the English (else the
first available) translation, which is what the page shows today, plus the key.
Picking the browser's language in the shell is still to do (issue 11); the tables
are kept on the object for it.
"""

from __future__ import annotations

from typing import Any


class I18nData(str):
    """A translatable string: its text is the default translation, ``.key`` the lookup key."""

    key: str

    def __new__(cls, key: str, text: str | None = None) -> I18nData:
        obj = super().__new__(cls, key if text is None else text)
        obj.key = key
        return obj

    def to_dict(self) -> dict[str, Any]:
        """Gradio's translation marker."""
        return {"__type__": "translation_metadata", "key": self.key}


class I18n:
    """``gr.I18n(en={...}, fr={...})``: call it with a key wherever a label or text goes."""

    def __init__(self, **translations: dict[str, str]) -> None:
        self.translations_dict = {lang: dict(table) for lang, table in translations.items()}

    def __call__(self, key: str) -> I18nData:
        return I18nData(key, self.default_text(key))

    def default_text(self, key: str) -> str:
        """The English text for ``key``, else the first language that has it, else the key."""
        tables = [self.translations_dict.get("en", {}), *self.translations_dict.values()]
        for table in tables:
            if key in table:
                return table[key]
        return key

    @property
    def translations(self) -> dict[str, dict[str, str]]:
        """The tables by language code."""
        return self.translations_dict
