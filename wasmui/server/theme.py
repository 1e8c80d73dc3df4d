"""A small default theme stylesheet: the CSS variables Gradio's frontend reads."""

from __future__ import annotations

_LIGHT = {
    "body-background-fill": "#ffffff",
    "body-text-color": "#1f2937",
    "body-text-color-subdued": "#6b7280",
    "background-fill-primary": "#ffffff",
    "background-fill-secondary": "#f9fafb",
    "border-color-primary": "#e5e7eb",
    "color-accent": "#f97316",
    "color-accent-soft": "#fff7ed",
    "button-primary-background-fill": "#f97316",
    "button-primary-text-color": "#ffffff",
    "button-secondary-background-fill": "#f3f4f6",
    "button-secondary-text-color": "#1f2937",
    "input-background-fill": "#ffffff",
    "block-background-fill": "#ffffff",
    "block-border-color": "#e5e7eb",
    "block-label-text-color": "#6b7280",
    "error-text-color": "#ef4444",
    "radius-lg": "8px",
    "radius-md": "6px",
    "radius-sm": "4px",
    "spacing-lg": "8px",
    "spacing-md": "6px",
    "spacing-sm": "4px",
    "font": "'Source Sans Pro', ui-sans-serif, system-ui, sans-serif",
    "font-mono": "'IBM Plex Mono', ui-monospace, Consolas, monospace",
    "text-md": "14px",
    "text-sm": "12px",
    "text-lg": "16px",
}

_DARK = {
    "body-background-fill": "#0b0f19",
    "body-text-color": "#f3f4f6",
    "body-text-color-subdued": "#9ca3af",
    "background-fill-primary": "#0b0f19",
    "background-fill-secondary": "#111827",
    "border-color-primary": "#374151",
    "button-secondary-background-fill": "#374151",
    "button-secondary-text-color": "#f3f4f6",
    "input-background-fill": "#1f2937",
    "block-background-fill": "#1f2937",
    "block-border-color": "#374151",
    "block-label-text-color": "#9ca3af",
}


def _block(selector: str, values: dict[str, str]) -> str:
    body = "\n".join(f"  --{name}: {value};" for name, value in values.items())
    return f"{selector} {{\n{body}\n}}\n"


def theme_css() -> str:
    """The stylesheet served at ``/theme.css``."""
    return _block(":root", _LIGHT) + _block(".dark", _DARK)
