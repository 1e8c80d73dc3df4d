"""``gr.Code``: a code editor (CodeMirror in the browser) whose value is a string."""

from __future__ import annotations

from typing import Any

from wasmui.components.base import Component, component_kwargs
from wasmui.exceptions import Error

LANGUAGES: tuple[str | None, ...] = (
    "python", "c", "cpp", "markdown", "latex", "json", "html", "css", "javascript", "jinja2",
    "typescript", "yaml", "dockerfile", "shell", "r", "sql", "sql-msSQL", "sql-mySQL", "sql-mariaDB",
    "sql-sqlite", "sql-cassandra", "sql-plSQL", "sql-hive", "sql-pgSQL", "sql-gql", "sql-gpSQL",
    "sql-sparkSQL", "sql-esper", None,
)


class Code(Component):
    """Source code with syntax highlighting; editable when it is an input."""

    CONFIG_PROPS = ("value", "language", "lines", "max_lines", "label", "interactive", "show_label", "container",
                    "scale", "min_width", "visible", "elem_id", "elem_classes", "key", "preserved_by_key", "wrap_lines",
                    "show_line_numbers", "autocomplete", "buttons")
    EVENTS = ["change", "input", "focus", "blur"]
    PYTHON_TYPE = "str"
    DEFAULT_BUTTONS = ("copy", "download")
    languages = list(LANGUAGES)

    def __init__(
        self,
        value: str | Any | None = None,
        language: str | None = None,
        *,
        every: Any = None,
        inputs: Any = None,
        lines: int = 5,
        max_lines: int | None = None,
        label: str | None = None,
        interactive: bool | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        wrap_lines: bool = False,
        show_line_numbers: bool = True,
        autocomplete: bool = False,
        buttons: list[Any] | None = None,
    ) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"Language {language} not supported.")
        self.language = language
        self.lines = lines
        self.max_lines = max(lines, max_lines) if max_lines is not None else None
        self.wrap_lines = wrap_lines
        self.show_line_numbers = show_line_numbers
        self.autocomplete = autocomplete
        self.buttons = buttons
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> str | None:
        if payload is None:
            return None
        if not isinstance(payload, str):
            raise Error(f"gr.Code expects a string, got {type(payload).__name__}.")
        return payload

    def postprocess(self, value: Any) -> str | None:
        """The code as a string, stripped of surrounding whitespace (as Gradio sends it)."""
        if value is None:
            return None
        if isinstance(value, tuple):
            raise Error("gr.Code does not take (filepath,) tuples: read the file and return its text.")
        return str(value).strip()

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> Any:
        return "print('Hello World')"

    def example_value(self) -> Any:
        return "print('Hello World')"
