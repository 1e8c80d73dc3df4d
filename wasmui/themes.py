"""``gr.themes``: theme objects, and the hue/size/font helpers apps build them with.

Theme objects are accepted and named in the config (``config.theme``); their
``.set(...)`` overrides are kept on the object. Turning them into Gradio's CSS
variables in the page is issue 11's theme work.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

from wasmui.browser_limits import BrowserOnlyError

_SHADES = ("c50", "c100", "c200", "c300", "c400", "c500", "c600", "c700", "c800", "c900", "c950")


class Color:
    """A hue with eleven shades (``gr.themes.Color(c50=..., ..., c950=..., name=...)``)."""

    def __init__(self, c50: str = "", c100: str = "", c200: str = "", c300: str = "", c400: str = "", c500: str = "",
                 c600: str = "", c700: str = "", c800: str = "", c900: str = "", c950: str = "",
                 name: str | None = None) -> None:
        values = (c50, c100, c200, c300, c400, c500, c600, c700, c800, c900, c950)
        for shade, value in zip(_SHADES, values):
            setattr(self, shade, value)
        self.name = name

    def expand(self) -> list[str]:
        """The eleven shades, lightest first."""
        return [getattr(self, s) for s in _SHADES]


class Size:
    """A size scale (``xxs`` … ``xxl``)."""

    def __init__(self, xxs: str = "", xs: str = "", sm: str = "", md: str = "", lg: str = "", xl: str = "",
                 xxl: str = "", name: str | None = None) -> None:
        self.xxs, self.xs, self.sm, self.md, self.lg, self.xl, self.xxl = xxs, xs, sm, md, lg, xl, xxl
        self.name = name

    def expand(self) -> list[str]:
        """The seven steps, smallest first."""
        return [self.xxs, self.xs, self.sm, self.md, self.lg, self.xl, self.xxl]


class Font:
    """A CSS font family name (system fonts and generic families)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        generic = {"sans-serif", "serif", "monospace", "cursive", "fantasy", "system-ui",
                   "ui-sans-serif", "ui-serif", "ui-monospace"}
        return self.name if self.name in generic else f"'{self.name}'"

    def stylesheet(self) -> dict[str, Any]:
        """No stylesheet: the browser already has the font (or falls back)."""
        return {"url": None, "css": None}


class GoogleFont(Font):
    """A Google font. The app makes no request outside its site, so the next font in the stack is used."""

    def __init__(self, name: str, weights: Iterable[int] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = tuple(weights)


class LocalFont(Font):
    """A font whose files ship with the app."""

    def __init__(self, name: str, weights: Iterable[int] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = tuple(weights)


def _named_hues() -> SimpleNamespace:
    """``colors.red`` etc.: Gradio's hue names (shade values are the theme work's job)."""
    names = ("slate", "gray", "zinc", "neutral", "stone", "red", "orange", "amber", "yellow", "lime", "green",
             "emerald", "teal", "cyan", "sky", "blue", "indigo", "violet", "purple", "fuchsia", "pink", "rose")
    ns = SimpleNamespace(**{n: Color(name=n) for n in names}, Color=Color)
    ns.primary, ns.secondary, ns.neutral = ns.orange, ns.blue, ns.gray
    return ns


def _named_sizes() -> SimpleNamespace:
    names = ("radius_none", "radius_sm", "radius_md", "radius_lg", "radius_xxl", "spacing_sm", "spacing_md",
             "spacing_lg", "text_sm", "text_md", "text_lg")
    return SimpleNamespace(**{n: Size(name=n) for n in names}, Size=Size)


colors = _named_hues()
sizes = _named_sizes()
fonts = SimpleNamespace(Font=Font, GoogleFont=GoogleFont, LocalFont=LocalFont)
utils = SimpleNamespace(colors=colors, sizes=sizes, fonts=fonts)


def _name_of(value: Any) -> Any:
    return getattr(value, "name", value)


class ThemeClass:
    """What every theme is: a name and CSS variable values (light and ``_dark``)."""

    name = "base"

    def __init__(self) -> None:
        self.settings: dict[str, Any] = {}

    def set(self, **kwargs: Any) -> ThemeClass:
        """Override theme variables (``button_primary_background_fill="*primary_200"``…)."""
        self.settings.update(kwargs)
        return self

    def to_dict(self) -> dict[str, Any]:
        """The theme as Gradio's ``{"theme": {...}}`` dict."""
        return {"theme": dict(self.settings)}

    @classmethod
    def from_dict(cls, theme: dict[str, dict[str, str]]) -> ThemeClass:
        """A theme from ``to_dict()`` output."""
        obj = Base()
        obj.settings.update(theme.get("theme", {}))
        return obj

    def dump(self, filename: str) -> None:
        """Write ``to_dict()`` as JSON."""
        with open(filename, "w", encoding="utf-8") as f:
            json.dump(self.to_dict(), f, indent=2)

    @classmethod
    def load(cls, path: str) -> ThemeClass:
        """Read a theme written by ``dump``."""
        with open(path, encoding="utf-8") as f:
            return cls.from_dict(json.load(f))

    @classmethod
    def from_hub(cls, repo_name: str, token: str | None = None) -> ThemeClass:
        """Hub themes cannot be fetched offline: the default theme is used instead."""
        import warnings

        warnings.warn(f"Theme {repo_name!r} is on the Hugging Face Hub and a browser-only app makes no outside "
                      "requests; using the default theme (save it with .dump() and load the file instead).",
                      UserWarning, stacklevel=2)
        return Default()

    def push_to_hub(self, *args: Any, **kwargs: Any) -> None:
        """Publishing needs the Hub: refused."""
        raise BrowserOnlyError("Theme.push_to_hub is not available in a browser-only wasmui app: it uploads to the "
                               "Hugging Face Hub; use .dump('theme.json') and share the file.")


class Base(ThemeClass):
    """A theme: ``gr.themes.Soft()``, ``gr.themes.Base(primary_hue="blue")``…"""

    name = "base"

    def __init__(self, *, primary_hue: Any = "orange", secondary_hue: Any = "blue", neutral_hue: Any = "gray",
                 text_size: Any = "md", spacing_size: Any = "md", radius_size: Any = "md", font: Any = None,
                 font_mono: Any = None, **kwargs: Any) -> None:
        super().__init__()
        self.primary_hue = _name_of(primary_hue)
        self.secondary_hue = _name_of(secondary_hue)
        self.neutral_hue = _name_of(neutral_hue)
        self.text_size = _name_of(text_size)
        self.spacing_size = _name_of(spacing_size)
        self.radius_size = _name_of(radius_size)
        self.font = font
        self.font_mono = font_mono


Theme = Base


class Default(Base):
    """Gradio's default theme."""

    name = "default"


class Soft(Base):
    """Soft theme."""

    name = "soft"


class Monochrome(Base):
    """Monochrome theme."""

    name = "monochrome"


class Glass(Base):
    """Glass theme."""

    name = "glass"


class Origin(Base):
    """Origin theme."""

    name = "origin"


class Citrus(Base):
    """Citrus theme."""

    name = "citrus"


class Ocean(Base):
    """Ocean theme."""

    name = "ocean"


class Cyberpunk(Base):
    """Cyberpunk theme."""

    name = "cyberpunk"


class Ember(Base):
    """Ember theme."""

    name = "ember"


class Mario(Base):
    """Mario theme."""

    name = "mario"


class Neon(Base):
    """Neon theme."""

    name = "neon"
