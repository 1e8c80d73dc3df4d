"""``gr.I18n``: translations for UI strings, picked in the browser from its language.

``i18n("key")`` returns an ``I18nData``: a ``str`` holding Gradio's marker
``__i18n__{"__type__": "translation_metadata", "key": "key"}``, so it travels
wherever a string goes (a prop, a value, a function's return) and the page
translates it. ``launch(i18n=...)`` puts the tables in ``config.i18n_translations``;
the shell looks each key up in the browser's language (``navigator.languages``:
exact tag, then its base language), then English, then shows the key.
"""

from __future__ import annotations

import json
import re
from typing import Any

_MARKER = "__i18n__"


class I18nData(str):
    """A translatable string: the marker Gradio's frontend translates; ``.key`` the lookup key."""

    key: str

    def __new__(cls, key: str) -> I18nData:
        obj = super().__new__(cls, _MARKER + json.dumps({"__type__": "translation_metadata", "key": key}))
        obj.key = key
        return obj

    def to_dict(self) -> dict[str, Any]:
        """Gradio's translation marker as a dict (how non-value props carry it in the config)."""
        return {"__type__": "translation_metadata", "key": self.key}

    def tojson(self) -> dict[str, Any]:
        """Same as :meth:`to_dict`."""
        return self.to_dict()


class I18n:
    """``gr.I18n(en={...}, fr={...})``: call it with a key wherever a label or text goes."""

    def __init__(self, **translations: dict[str, str]) -> None:
        self.translations: dict[str, dict[str, str]] = {}
        for locale, table in translations.items():
            if not re.fullmatch(r"[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*", locale):
                raise ValueError(f"Invalid locale code {locale!r}: use codes such as 'en', 'fr', 'pt-BR'.")
            self.translations[locale] = dict(table)

    def __call__(self, key: str) -> I18nData:
        return I18nData(key)

    @property
    def translations_dict(self) -> dict[str, dict[str, str]]:
        """The tables by language code."""
        return self.translations

    def default_text(self, key: str) -> str:
        """The English text for ``key``, else the first language that has it, else the key."""
        for table in [self.translations.get("en", {}), *self.translations.values()]:
            if key in table:
                return table[key]
        return key


def config_value(value: Any, prop: str) -> Any:
    """A prop for the config as Gradio writes it: a translatable non-value prop becomes the marker dict."""
    if isinstance(value, I18nData) and prop != "value":
        return value.to_dict()
    return value
