"""Import path kept for ``gradio.components.timer``."""

from wasmui.components.state import Timer

__all__ = ["Timer"]
