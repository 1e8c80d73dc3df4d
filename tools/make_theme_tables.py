"""Record Gradio 6.31's theme facts: the data module wasmui's themes compute from, and golden CSS.

Run with a Python that has the real ``gradio`` installed (not wasmui's alias):

    python tools/make_theme_tables.py wasmui/theme_data.py tests/core/golden/themes.json

``wasmui/theme_data.py`` gets facts only (names and values): the named hues and size
scales, every theme variable with the expression ``Base.set()`` gives it, the variables
``set()`` resets when not passed; ``wasmui/theme_presets.py`` and
``wasmui/theme_presets_character.py`` beside it, per built-in theme its constructor defaults
and the variables it overrides (``theme_presets.THEMES`` holds all of them). ``tests/core/golden/themes.json`` gets the CSS variable maps
(light and dark) of ``theme._get_theme_css()`` for each built-in theme and for the
``CASES`` below, which ``tests/core/test_theme_golden.py`` replays on wasmui.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import sys
from typing import Any

# The built-in themes, in two generated modules: the plain ones (Gradio's classic looks, each
# resolvable by `theme="name"`, the theme gallery test's) and the character ones (each built around
# its own display font, overriding the most variables): one module for all would be too long.
PLAIN_THEMES = ["Base", "Default", "Soft", "Glass", "Monochrome", "Ocean", "Origin", "Citrus"]
CHARACTER_THEMES = ["Cyberpunk", "Ember", "Mario", "Neon"]
THEMES = PLAIN_THEMES + CHARACTER_THEMES

# (name, expression using `gr`) giving a theme; replayed on wasmui.
CASES: list[tuple[str, str]] = [
    ("base_red_lg", "gr.themes.Base(primary_hue='red', neutral_hue='slate', spacing_size='lg', radius_size='none', text_size='lg')"),
    ("soft_emerald", "gr.themes.Soft(primary_hue=gr.themes.colors.emerald, secondary_hue='pink')"),
    ("default_set_button", "gr.themes.Default().set(button_primary_background_fill='*secondary_500', "
                           "button_primary_background_fill_dark='#123456', body_background_fill='linear-gradient(*primary_50, white)')"),
    ("soft_set_reset", "gr.themes.Soft().set(loader_color='#FF0000', slider_color='#FF0000')"),
    ("custom_color_size", "gr.themes.Base(primary_hue=gr.themes.Color(c50='#000001', c100='#000002', c200='#000003', "
                          "c300='#000004', c400='#000005', c500='#000006', c600='#000007', c700='#000008', c800='#000009', "
                          "c900='#00000a', c950='#00000b'), radius_size=gr.themes.Size(xxs='1px', xs='2px', sm='3px', "
                          "md='4px', lg='5px', xl='6px', xxl='7px'))"),
    ("fonts", "gr.themes.Default(font=[gr.themes.GoogleFont('Inconsolata'), 'Arial', 'sans-serif'], "
              "font_mono=gr.themes.Font('Courier New'))"),
    ("font_string", "gr.themes.Glass(font='Georgia')"),
    ("monochrome_set_dark", "gr.themes.Monochrome().set(block_background_fill_dark='*neutral_800', "
                            "input_background_fill='*primary_100')"),
]


def css_maps(css: str) -> dict[str, dict[str, str]]:
    """``{"light": {var: value}, "dark": {var: value}}`` of a theme's CSS (font-face rules left out)."""
    out: dict[str, dict[str, str]] = {}
    for selector, key in ((":root {", "light"), (":root.dark, :root .dark {", "dark")):
        start = css.index(selector) + len(selector)
        body = css[start:css.index("\n}", start)]
        out[key] = dict(m.groups() for m in re.finditer(r"^\s*--([\w-]+): (.*);$", body, re.M))
    return out


def golden_maps(css: str) -> dict[str, Any]:
    """The light map, the dark map's variables (always all of them) and where dark differs."""
    maps = css_maps(css)
    light, dark = maps["light"], maps["dark"]
    return {"light": light, "dark_names": sorted(dark), "dark_changes": {k: v for k, v in dark.items() if light.get(k) != v}}


def set_defaults(base: Any) -> tuple[dict[str, str], dict[str, str]]:
    """Every variable ``Base.set()`` assigns with its default, and those it reads under another name."""
    log: list[tuple[str, ...]] = []

    class Probe(base):  # type: ignore[misc, valid-type]
        def __getattribute__(self, key: str) -> Any:
            if not key.startswith("_") and key != "set":
                log.append(("get", key))
            return object.__getattribute__(self, key)

        def __setattr__(self, key: str, value: Any) -> None:
            log.append(("set", key, value))
            object.__setattr__(self, key, value)

    base.set(object.__new__(Probe))
    defaults: dict[str, str] = {}
    resets: dict[str, str] = {}
    looked = None
    for entry in log:
        if entry[0] == "get":
            looked = entry[1]
            continue
        defaults[entry[1]] = entry[2]
        if looked != entry[1]:
            resets[entry[1]] = str(looked)
        looked = None
    return defaults, resets


def font_spec(font: Any) -> Any:
    """A font argument as data: a plain string, or ``[kind, name, weights]``."""
    from gradio.themes.utils import fonts

    if isinstance(font, str):
        return font
    if isinstance(font, fonts.Font):
        kind = "google" if isinstance(font, fonts.GoogleFont) else "local" if isinstance(font, fonts.LocalFont) else "font"
        return [kind, font.name, list(getattr(font, "weights", ()) or ())]
    return [font_spec(f) for f in font]


def theme_tables(gr: Any) -> dict[str, Any]:
    from gradio.themes.utils import colors, sizes

    defaults, resets = set_defaults(gr.themes.Base)
    themes: dict[str, Any] = {}
    for name in THEMES:
        cls = getattr(gr.themes, name)
        args = {}
        for pname, param in inspect.signature(cls.__init__).parameters.items():
            if pname == "self":
                continue
            value = param.default
            args[pname] = font_spec(value) if pname.startswith("font") else value.name
        theme = cls()
        overrides = {k: v for k, v in vars(theme).items() if k in defaults and v != defaults[k]}
        themes[name] = {"name": theme.name, "args": args, "overrides": overrides}
    return {
        "hues": {c.name: [getattr(c, s) for s in ("c50", "c100", "c200", "c300", "c400", "c500", "c600", "c700",
                                                  "c800", "c900", "c950")] for c in colors.Color.all},
        "sizes": {s.name: [s.xxs, s.xs, s.sm, s.md, s.lg, s.xl, s.xxl] for s in sizes.Size.all},
        "defaults": defaults,
        "resets": resets,
        "themes": themes,
    }


def packed(value: Any, indent: int, width: int = 110) -> str:
    """``value`` as Python source, several items per line (the tables hold ~2,000 short items)."""
    flat = repr(value)
    if not isinstance(value, (dict, list)) or indent + len(flat) <= width:
        return flat
    pad = " " * (indent + 1)
    items = ([f"{k!r}: {packed(v, indent + 1 + len(repr(k)) + 2, width)}" for k, v in value.items()]
             if isinstance(value, dict) else [packed(v, indent + 1, width) for v in value])
    lines: list[str] = []
    for item in items:
        if lines and "\n" not in item and "\n" not in lines[-1] and len(lines[-1]) + len(item) + 2 <= width:
            lines[-1] += f" {item},"
        else:
            lines.append(f"{pad}{item},")
    open_, close = ("{", "}") if isinstance(value, dict) else ("[", "]")
    return open_ + "\n".join(lines)[indent + 1:] + close


def write_data(tables: dict[str, Any], path: str, version: str) -> None:
    """The variable system into ``path``; the built-in themes into ``theme_presets*.py`` beside it."""
    def module(doc: str, values: dict[str, Any], tail: str = "", imports: str = "") -> str:
        header = f'"""Gradio {version}\'s {doc}\n"""\n\nfrom typing import Any\n\n{imports}'
        body = "".join(f"{k}: dict[str, Any] = {packed(v, 0)}\n\n" for k, v in values.items())
        return header + body + tail

    def themes(names: list[str]) -> dict[str, Any]:
        return {n: tables["themes"][n] for n in names}

    def overrides(names: list[str]) -> str:
        counts = [len(tables["themes"][n]["overrides"]) for n in names]
        return f"{min(counts)}-{max(counts)}"

    data = module("theme facts (generated by tools/make_theme_tables.py; do not edit).\n\n"
                  "HUES: shades c50..c950 of each named hue. SIZES: xxs..xxl of each named scale.\n"
                  "DEFAULTS: every theme variable and the expression Base.set() gives it.\n"
                  "RESETS: variables set() puts back to their default unless passed (Gradio reads\n"
                  "them under another name).", {k.upper(): tables[k] for k in ("hues", "sizes", "defaults", "resets")})
    presets = module("built-in themes (generated by tools/make_theme_tables.py; do not edit).\n\n"
                     "THEMES: per built-in theme its constructor defaults (fonts as [kind, name,\n"
                     "weights]) and the variables it overrides: the plain themes here\n"
                     f"(PLAIN_THEMES: {', '.join(PLAIN_THEMES)}),\n"
                     "the character ones from theme_presets_character.", {"PLAIN_THEMES": themes(PLAIN_THEMES)},
                     tail="THEMES: dict[str, Any] = {**PLAIN_THEMES, **CHARACTER_THEMES}\n\n",
                     imports="from wasmui.theme_presets_character import CHARACTER_THEMES\n\n")
    character = module("character themes (generated by tools/make_theme_tables.py; do not edit).\n\n"
                       f"CHARACTER_THEMES: {', '.join(CHARACTER_THEMES)}, each built around its own\n"
                       f"display font and overriding {overrides(CHARACTER_THEMES)} variables, in the same form as\n"
                       "theme_presets.THEMES (which holds them too).", {"CHARACTER_THEMES": themes(CHARACTER_THEMES)})
    folder = os.path.dirname(path)
    for target, text in ((path, data), (os.path.join(folder, "theme_presets.py"), presets),
                         (os.path.join(folder, "theme_presets_character.py"), character)):
        with open(target, "w", encoding="utf-8") as f:
            f.write(text.rstrip() + "\n")


def main(data_out: str, golden_out: str) -> None:
    import gradio as gr

    write_data(theme_tables(gr), data_out, gr.__version__)
    golden: dict[str, Any] = {"gradio_version": gr.__version__, "themes": {}, "cases": {}}
    for name in THEMES:
        theme = getattr(gr.themes, name)()
        # Mario's extra page CSS (written against Gradio's own DOM) is not reproduced by wasmui.
        theme.custom_css = ""
        golden["themes"][name] = golden_maps(theme._get_theme_css())
    for name, expr in CASES:
        theme = eval(expr, {"gr": gr})  # noqa: S307 - our own expressions
        golden["cases"][name] = {"expr": expr, **golden_maps(theme._get_theme_css()),
                                 "stylesheets": theme._stylesheets}
    with open(golden_out, "w", encoding="utf-8") as f:
        json.dump(golden, f, indent=0, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
