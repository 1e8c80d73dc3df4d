"""``gr.themes``: theme objects are accepted and named in the config.

The shell has its own light/dark theme; a theme's name travels in
``config.theme`` and its primary hue in ``config.theme_hue`` (best effort).
"""

from __future__ import annotations

from typing import Any


class Base:
    """A theme: ``gr.themes.Soft()``, ``gr.themes.Base(primary_hue="blue")``…"""

    name = "base"

    def __init__(self, *, primary_hue: Any = "orange", secondary_hue: Any = "blue", neutral_hue: Any = "gray",
                 text_size: Any = "md", spacing_size: Any = "md", radius_size: Any = "md", font: Any = None,
                 font_mono: Any = None, **kwargs: Any) -> None:
        self.primary_hue = getattr(primary_hue, "name", primary_hue)
        self.secondary_hue = getattr(secondary_hue, "name", secondary_hue)
        self.neutral_hue = getattr(neutral_hue, "name", neutral_hue)
        self.settings: dict[str, Any] = {}

    def set(self, **kwargs: Any) -> Base:
        """Override CSS variables (kept, applied best effort)."""
        self.settings.update(kwargs)
        return self

    @classmethod
    def from_hub(cls, repo_name: str) -> Base:
        """Hub themes cannot be fetched offline; falls back to the default theme."""
        return Default()


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


class _Hue:
    def __init__(self, name: str) -> None:
        self.name = name


class _Colors:
    """Named hues (``gr.themes.colors.blue``)."""

    def __getattr__(self, name: str) -> _Hue:
        return _Hue(name)


colors = _Colors()  # mirrors the ``gradio.themes.colors`` namespace
