"""``gr.Examples``: a table of example inputs that fill the inputs when clicked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from wasmui.components.base import Component
from wasmui.components.dataset import Dataset


def _load_rows(examples: Any, n_inputs: int) -> list[list[Any]]:
    """Examples as rows; a folder path reads ``log.csv`` like Gradio."""
    if isinstance(examples, (str, Path)):
        import csv

        log = Path(examples) / "log.csv"
        if not log.is_file():
            raise FileNotFoundError(f"No examples found at {examples}")
        with log.open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))[1:]
        return [r[:n_inputs] for r in rows]
    rows = list(examples or [])
    if n_inputs == 1 and rows and not isinstance(rows[0], (list, tuple)):
        return [[r] for r in rows]
    return [list(r) for r in rows]


class Examples:
    """Clickable examples for ``inputs``; ``run_on_click`` also runs ``fn``."""

    def __init__(
        self,
        examples: list[Any] | str,
        inputs: Component | list[Component],
        outputs: Component | list[Component] | None = None,
        fn: Callable[..., Any] | None = None,
        cache_examples: bool | str | None = None,
        examples_per_page: int = 10,
        label: str | None = "Examples",
        elem_id: str | None = None,
        run_on_click: bool = False,
        preprocess: bool = True,
        postprocess: bool = True,
        api_visibility: str = "undocumented",
        api_name: str | None = None,
        batch: bool = False,
        example_labels: list[str] | None = None,
        visible: bool = True,
        **kwargs: Any,
    ) -> None:
        self.inputs = inputs if isinstance(inputs, list) else [inputs]
        self.outputs = outputs if isinstance(outputs, list) else ([outputs] if outputs else [])
        self.fn = fn
        self.examples = _load_rows(examples, len(self.inputs))
        shown = [c for c in self.inputs if not c.stateful]
        self.dataset = Dataset(
            components=shown, samples=self.examples, type="index", label=label, samples_per_page=examples_per_page,
            elem_id=elem_id, visible=visible, sample_labels=example_labels,
        )
        self.load_input_event = self.dataset.click(
            self._load_example, inputs=[self.dataset], outputs=self.inputs, show_progress="hidden",
            postprocess=False, queue=False, api_name=api_name or "load_example", api_visibility=api_visibility,
        )
        if run_on_click and fn is not None:
            self.load_input_event.then(fn, self.inputs, self.outputs, api_visibility=api_visibility)

    def _load_example(self, index: int) -> Any:
        """The example row, postprocessed for each input component."""
        row = self.examples[index]
        values = []
        for comp, value in zip(self.inputs, row):
            values.append(value if comp.stateful else comp.postprocess(value))
        if len(values) == 1:
            return values[0]
        return values
