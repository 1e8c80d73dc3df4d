"""``gr.themes``: Gradio's themes, their hue/size/font helpers, and the CSS they give the page.

A theme is an object whose public attributes are CSS variables in Gradio's naming
(``button_primary_background_fill`` is ``--button-primary-background-fill``); a value may
refer to another variable (``"*primary_500"``), and a ``_dark`` twin sets dark mode.
The variable names, their default expressions and each built-in theme's choices are
Gradio 6.31's (``wasmui/theme_data.py``, recorded from a real install), so
``theme._get_theme_css()`` gives the same variables as Gradio and an app's ``css=``
written against them keeps working.

Fonts: a browser-only app makes no request outside its own site, so ``GoogleFont`` never
loads from Google and ``LocalFont`` files are not shipped: the family name goes into the
``--font`` stack and the browser uses it when installed, else the next entry (the
built-in themes end with ``ui-sans-serif, system-ui, sans-serif``).
"""

from __future__ import annotations

import functools
import json
import re
import warnings
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any, ClassVar

from wasmui import theme_data, theme_presets
from wasmui.browser_limits import BrowserOnlyError
from wasmui.version import GRADIO_VERSION

_SHADES = ("c50", "c100", "c200", "c300", "c400", "c500", "c600", "c700", "c800", "c900", "c950")
_STEPS = ("xxs", "xs", "sm", "md", "lg", "xl", "xxl")
_REF = re.compile(r"(\*)([\w_]+)(\b)")
# Gradio's Font.__str__ leaves these generic families unquoted.
_GENERIC = ("sans-serif", "serif", "monospace", "cursive", "fantasy")


class Color:
    """A hue with eleven shades (``gr.themes.Color(c50=..., ..., c950=..., name=...)``)."""

    all: ClassVar[list[Color]] = []

    def __init__(self, c50: str, c100: str, c200: str, c300: str, c400: str, c500: str, c600: str, c700: str,
                 c800: str, c900: str, c950: str, name: str | None = None) -> None:
        self.c50, self.c100, self.c200, self.c300, self.c400, self.c500 = c50, c100, c200, c300, c400, c500
        self.c600, self.c700, self.c800, self.c900, self.c950 = c600, c700, c800, c900, c950
        self.name = name
        Color.all.append(self)

    def expand(self) -> list[str]:
        """The eleven shades, lightest first."""
        return [getattr(self, s) for s in _SHADES]


class Size:
    """A size scale (``xxs`` … ``xxl``)."""

    all: ClassVar[list[Size]] = []

    def __init__(self, xxs: str, xs: str, sm: str, md: str, lg: str, xl: str, xxl: str,
                 name: str | None = None) -> None:
        self.xxs, self.xs, self.sm, self.md, self.lg, self.xl, self.xxl = xxs, xs, sm, md, lg, xl, xxl
        self.name = name
        Size.all.append(self)

    def expand(self) -> list[str]:
        """The seven steps, smallest first."""
        return [getattr(self, s) for s in _STEPS]


class Font:
    """A CSS font family (a font the system has, or a generic family)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name if self.name in _GENERIC else f"'{self.name}'"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Font) and self.name == other.name and self.stylesheet() == other.stylesheet()

    def __hash__(self) -> int:
        return hash(self.name)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"

    def stylesheet(self) -> dict[str, Any]:
        """No stylesheet: the browser uses the family when it has it (else the next in the stack)."""
        return {"url": None, "css": None}


class GoogleFont(Font):
    """A Google font, by name only: the app never fetches from Google (the next font in the stack is
    used unless the visitor has this one installed)."""

    def __init__(self, name: str, weights: Iterable[int] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = tuple(weights)


class LocalFont(Font):
    """A font Gradio ships with its frontend; wasmui does not ship font files, so this names the family
    for the visitor's installed copy (else the next font in the stack)."""

    def __init__(self, name: str, weights: Iterable[int] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = tuple(weights)


def _font_from_spec(spec: Any) -> Font | str:
    if isinstance(spec, str):
        return spec
    kind, name, weights = spec
    if kind == "google":
        return GoogleFont(name, weights)
    return LocalFont(name, weights) if kind == "local" else Font(name)


def _named_color(name: str, shades: list[str]) -> Color:
    return Color(**dict(zip(_SHADES, shades)), name=name)


def _named_size(name: str, steps: list[str]) -> Size:
    return Size(**dict(zip(_STEPS, steps)), name=name)


colors = SimpleNamespace(Color=Color, **{name: _named_color(name, v) for name, v in theme_data.HUES.items()})
colors.primary, colors.secondary, colors.neutral = colors.orange, colors.blue, colors.gray
sizes = SimpleNamespace(Size=Size, **{name: _named_size(name, v) for name, v in theme_data.SIZES.items()})
fonts = SimpleNamespace(Font=Font, GoogleFont=GoogleFont, LocalFont=LocalFont)
utils = SimpleNamespace(colors=colors, sizes=sizes, fonts=fonts)


def _hue(value: Color | str) -> Color:
    if not isinstance(value, str):
        return value
    for color in Color.all:
        if color.name == value:
            return color
    raise ValueError(f"Color shortcut {value} not found.")


def _size(value: Size | str, prefix: str) -> Size:
    if not isinstance(value, str):
        return value
    for size in Size.all:
        if size.name in (value, f"{prefix}_{value}"):
            return size
    raise ValueError(f"Size shortcut {value} not found.")


def _font_list(value: Any) -> list[Font | str]:
    items = [value] if isinstance(value, (Font, str)) else list(value)
    return [f if isinstance(f, (Font, str)) else LocalFont(f) for f in items]


class ThemeClass:
    """What every theme is: CSS variables as attributes (light, and ``_dark`` twins)."""

    def __init__(self) -> None:
        self._stylesheets: list[str] = []
        self.name: str | None = None
        self._font_css: list[str] = []
        self.custom_css = ""

    # -- CSS -------------------------------------------------------------------
    def _variables(self) -> tuple[dict[str, str], dict[str, str]]:
        """``(light, dark)``: every variable (CSS name without ``--``) and its CSS value.

        A ``_dark`` twin set to None means "same as light".
        """
        light: dict[str, str] = {}
        dark: dict[str, str] = {}
        for attr, raw in vars(self).items():
            if attr.startswith("_"):
                continue
            if raw is None:
                if not attr.endswith("_dark"):
                    raise ValueError(f"Cannot set '{attr}' to None - only dark mode variables can be None.")
                continue
            value = _REF.sub(functools.partial(_css_ref, attr, raw), str(raw))
            name = attr.replace("_", "-")
            if name.endswith("-dark"):
                dark[name[:-5]] = value
            else:
                light[name] = value
        for name, value in light.items():
            dark.setdefault(name, value)
        return light, dark

    def _get_theme_css(self) -> str:
        """The theme as Gradio writes it: ``:root { … }`` and ``:root.dark, :root .dark { … }``.

        Gradio also writes ``--<name_with_underscores>: None`` in the dark block for each dark
        twin set to None (a variable nothing reads); kept so the stylesheets are equal.
        """
        light, dark = self._variables()
        unused = {attr[:-5]: "None" for attr, raw in vars(self).items()
                  if raw is None and attr.endswith("_dark") and not attr.startswith("_")}
        return theme_css(light, {**unused, **dark}, font_css="\n".join(self._font_css), custom_css=self.custom_css)

    def _get_computed_value(self, prop: str, depth: int = 0) -> str:
        """``prop``'s value with every ``*reference`` replaced (``_dark`` names follow dark mode)."""
        if depth > 100:
            warnings.warn(f"Cannot resolve '{prop}' - circular reference detected.", stacklevel=2)
            return ""
        if prop.endswith("_dark"):
            raw = getattr(self, prop, None) or getattr(self, prop[:-5], "")
        else:
            raw = getattr(self, prop, "")
        suffix = "_dark" if prop.endswith("_dark") else ""
        return _REF.sub(lambda m: self._get_computed_value(m.group(2) + suffix, depth + 1), str(raw))

    # -- files -----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The theme as Gradio's ``{"theme": {...}, "gradio_version": ...}`` dict."""
        schema: dict[str, Any] = {"theme": {}, "gradio_version": GRADIO_VERSION}
        for prop, value in vars(self).items():
            if (not prop.startswith("_") or prop.startswith("_font") or prop == "_stylesheets") \
                    and isinstance(value, (list, str)):
                schema["theme"][prop] = [_font_json(f) for f in value] if prop in ("_font", "_font_mono") else value
        return schema

    @classmethod
    def from_dict(cls, theme: dict[str, Any]) -> ThemeClass:
        """A theme from ``to_dict()`` output (variables missing there come from ``Base``)."""
        new = cls() if cls is not ThemeClass else Base()
        for prop, value in theme["theme"].items():
            if prop in ("_font", "_font_mono") and isinstance(value, list):
                value = [_font_from_json(f) for f in value]
            setattr(new, prop, value)
        base = Base()
        for attr, value in vars(base).items():
            if not attr.startswith("_") and not hasattr(new, attr):
                setattr(new, attr, value)
        return new

    def dump(self, filename: str) -> None:
        """Write ``to_dict()`` as JSON."""
        with open(filename, "w", encoding="utf-8") as f:
            json.dump(self.to_dict(), f)

    @classmethod
    def load(cls, path: str) -> ThemeClass:
        """Read a theme written by ``dump``."""
        with open(path, encoding="utf-8") as f:
            return cls.from_dict(json.load(f))

    @classmethod
    def from_hub(cls, repo_name: str, token: str | None = None) -> ThemeClass:
        """``gradio/<built-in>`` is the built-in theme; other Hub themes cannot be fetched offline."""
        builtin = builtin_theme(repo_name.split("@", 1)[0].removeprefix("gradio/"))
        if builtin is not None and repo_name.startswith("gradio/"):
            return builtin
        warnings.warn(f"Theme {repo_name!r} is on the Hugging Face Hub and a browser-only app makes no outside "
                      "requests; using the default theme (save it with .dump('theme.json') where Gradio runs and "
                      "load the file with gr.themes.Base.load instead).", UserWarning, stacklevel=2)
        return Default()

    def push_to_hub(self, *args: Any, **kwargs: Any) -> None:
        """Publishing needs the Hub: refused."""
        raise BrowserOnlyError("Theme.push_to_hub is not available in a browser-only wasmui app: it uploads to the "
                               "Hugging Face Hub; use .dump('theme.json') and share the file.")


def _css_ref(attr: str, value: Any, match: re.Match[str]) -> str:
    word = match.group(2)
    if word.endswith("_dark"):
        raise ValueError(f"Cannot refer '{attr}' to '{value}' - dark variable references are automatically used "
                         "for dark mode attributes, so do not use the _dark suffix in the value.")
    if attr.endswith("_dark") and attr[:-5] == word:
        raise ValueError(f"Cannot refer '{attr}' to '{value}' - if dark and light mode values are the same, "
                         "set dark mode version to None.")
    return f"var(--{word.replace('_', '-')})"


def _font_json(font: Font | str) -> Any:
    if not isinstance(font, Font):
        return font
    kind = "google" if isinstance(font, GoogleFont) else "local" if isinstance(font, LocalFont) else "font"
    return {"__gradio_font__": True, "name": font.name, "class": kind, "weights": getattr(font, "weights", None)}


def _font_from_json(value: Any) -> Any:
    if isinstance(value, dict) and value.get("__gradio_font__"):
        kind = {"google": "google", "local": "local"}.get(value.get("class", ""), "font")
        return _font_from_spec([kind, value["name"], value.get("weights") or (400, 600)])
    return value


def theme_css(light: dict[str, str], dark: dict[str, str], *, font_css: str = "", custom_css: str = "",
              light_selector: str = ":root", dark_selector: str = ":root.dark, :root .dark") -> str:
    """Variables as a stylesheet (Gradio's selectors unless told otherwise)."""
    body = "\n".join(f"  --{k}: {v};" for k, v in light.items())
    dark_body = "\n".join(f"  --{k}: {v};" for k, v in dark.items())
    css = f"{font_css}\n{light_selector} {{\n{body}\n}}\n\n{dark_selector} {{\n{dark_body}\n}}"
    return f"{css}\n\n{custom_css}" if custom_css else css


class Base(ThemeClass):
    """A theme: ``gr.themes.Base(primary_hue="blue", radius_size="lg", font=...)``."""

    def __init__(self, *, primary_hue: Color | str = colors.blue, secondary_hue: Color | str = colors.blue,
                 neutral_hue: Color | str = colors.zinc, text_size: Size | str = sizes.text_md,
                 spacing_size: Size | str = sizes.spacing_md, radius_size: Size | str = sizes.radius_md,
                 font: Any = (LocalFont("IBM Plex Sans"), "ui-sans-serif", "system-ui", "sans-serif"),
                 font_mono: Any = (LocalFont("IBM Plex Mono"), "ui-monospace", "Consolas", "monospace")) -> None:
        super().__init__()
        self.name = "base"
        hues = {"primary": _hue(primary_hue), "secondary": _hue(secondary_hue), "neutral": _hue(neutral_hue)}
        for prefix, hue in hues.items():
            for shade in _SHADES:
                setattr(self, f"{prefix}_{shade[1:]}", getattr(hue, shade))
        scales = {"spacing": _size(spacing_size, "spacing"), "radius": _size(radius_size, "radius"),
                  "text": _size(text_size, "text")}
        for prefix, scale in scales.items():
            for step in _STEPS:
                setattr(self, f"{prefix}_{step}", getattr(scale, step))
        self._font = _font_list(font)
        self._font_mono = _font_list(font_mono)
        self.font = ", ".join(str(f) for f in self._font)
        self.font_mono = ", ".join(str(f) for f in self._font_mono)
        # GoogleFont URLs and LocalFont files are left out on purpose (see the module docstring).
        self._stylesheets = []
        self._font_css = []
        self._hue_names = {k: v.name for k, v in hues.items()}
        self.set()

    @property
    def primary_hue(self) -> str | None:
        """The primary hue's name (a wasmui convenience; the shades are ``primary_50`` …)."""
        return self._hue_names["primary"]

    def set(self, **variables: Any) -> Base:
        """Set theme variables (``button_primary_background_fill="*primary_200"``, ``…_dark`` twins).

        As in Gradio, a value that is not given keeps the theme's current one, except the
        four ``background_fill_primary/secondary(_dark)``, which go back to their default.
        """
        unknown = sorted(set(variables) - set(theme_data.DEFAULTS))
        if unknown:
            raise TypeError(f"Theme.set() got unexpected keyword argument(s) {', '.join(map(repr, unknown))}: "
                            "not Gradio theme variables")
        for name, default in theme_data.DEFAULTS.items():
            given = variables.get(name)
            if given:
                value = given
            else:
                value = getattr(self, theme_data.RESETS.get(name, name), default)
            setattr(self, name, value)
        return self


Theme = Base


class _BuiltinTheme(Base):
    """A built-in theme: Gradio's constructor defaults for it, then its variable choices."""

    def __init__(self, **kwargs: Any) -> None:
        table = next(theme_presets.THEMES[c.__name__] for c in type(self).__mro__
                     if c.__module__ == __name__ and c.__name__ in theme_presets.THEMES)
        unknown = sorted(set(kwargs) - set(table["args"]))
        if unknown:
            raise TypeError(f"{type(self).__name__}() got unexpected keyword argument(s) {unknown}")
        args = dict(table["args"])
        for key in ("font", "font_mono"):
            args[key] = [_font_from_spec(s) for s in args[key]]
        args.update(kwargs)
        super().__init__(**args)
        self.name = table["name"]
        Base.set(self, **table["overrides"])


class Default(_BuiltinTheme):
    """Gradio's default theme (orange accent, zinc neutrals)."""


class Soft(_BuiltinTheme):
    """Soft theme (indigo, rounded, soft shadows)."""


class Glass(_BuiltinTheme):
    """Glass theme (slate gradients, small text)."""


class Monochrome(_BuiltinTheme):
    """Monochrome theme (black and white, square corners)."""


class Ocean(_BuiltinTheme):
    """Ocean theme (emerald and sky gradients)."""


class Origin(_BuiltinTheme):
    """Origin theme (Gradio 4's look)."""


class Citrus(_BuiltinTheme):
    """Citrus theme (amber on stone)."""


class Cyberpunk(_BuiltinTheme):
    """Cyberpunk theme (fuchsia and cyan on slate)."""


class Ember(_BuiltinTheme):
    """Ember theme (orange on stone)."""


class Mario(_BuiltinTheme):
    """Mario theme's variables (Gradio's extra page CSS for it is not reproduced)."""


class Neon(_BuiltinTheme):
    """Neon theme (lime and cyan)."""


_BUILTIN: dict[str, type[Base]] = {t.__name__.lower(): t for t in
                                   (Base, Default, Soft, Glass, Monochrome, Ocean, Origin, Citrus, Cyberpunk, Ember,
                                    Mario, Neon)}
# The names Gradio's `theme="..."` resolves without the Hub.
_BY_NAME = ("base", "default", "monochrome", "soft", "glass", "origin", "citrus", "ocean", "mario")


def builtin_theme(name: str) -> Base | None:
    """A fresh built-in theme by its name (``"soft"``), or None."""
    cls = _BUILTIN.get(name.lower())
    return cls() if cls is not None else None


def get_theme(theme: ThemeClass | str | None) -> ThemeClass:
    """``theme=`` as Gradio resolves it: None is Default, a name is a built-in (``"soft"``,
    ``"gradio/soft"``); another Hub name warns and gives Default."""
    if theme is None:
        return Default()
    if isinstance(theme, str):
        if theme.lower() in _BY_NAME:
            found = builtin_theme(theme)
            assert found is not None
            return found
        return ThemeClass.from_hub(theme)
    return theme


def body_css(theme: ThemeClass) -> dict[str, str]:
    """Gradio's ``config.body_css``: the page background and text colour, resolved."""
    return {key: theme._get_computed_value(key) for key in
            ("body_background_fill", "body_text_color", "body_background_fill_dark", "body_text_color_dark")}


_BUILDER = ("Gradio's theme builder (gr.themes.builder(), gradio.themes.builder_app) is Gradio's own app and is not "
            "part of wasmui: build the theme where Gradio runs and .dump('theme.json') it, or write it with "
            "gr.themes.Base(...).set(...) here.")


def builder(*args: Any, **kwargs: Any) -> None:
    """Gradio's theme-builder app: not available (one sentence says what to do instead)."""
    raise BrowserOnlyError(_BUILDER)


def __getattr__(name: str) -> Any:
    # `from gradio.themes.builder_app import demo` resolves here (gradio.themes.* is this module).
    if name == "demo":
        raise BrowserOnlyError(_BUILDER)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
