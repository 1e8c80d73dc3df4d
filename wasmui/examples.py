"""``gr.Examples``: a table of example inputs that fill the inputs when clicked.

With ``cache_examples=True`` (or ``"lazy"``, or ``cache_mode="lazy"``) a click also shows
the example's output from a cache instead of running the function, with Gradio 6.31's
listeners (``load_example_input`` then ``load_example``, and for eager caching two page-load
listeners that show example ``preload``). Eager tables are computed as the app starts
(:meth:`Examples.cache_all`, a startup event, as Gradio does at launch); lazy ones the first time an example is
asked for. :func:`precompute` (run by ``wasmui build`` in CPython) fills it ahead of time
and, where the function answers the same twice, ships the answers in the config, so the
page shows a cached example before Python is ready in the browser.
"""

from __future__ import annotations

import asyncio
import csv
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from wasmui import events
from wasmui.components.base import Component
from wasmui.components.dataset import Dataset
from wasmui.context import Context
from wasmui.files import is_file_data
from wasmui.outputs import serve_files
from wasmui.processing import Completed, run_job


def _load_rows(examples: Any, n_inputs: int) -> list[list[Any]]:
    """Examples as rows; a folder path reads ``log.csv`` like Gradio."""
    if isinstance(examples, (str, Path)):
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


def cache_setting(cache_examples: Any, cache_mode: str | None, fn: Any, outputs: list[Any]) -> bool | str:
    """Gradio's resolution of ``cache_examples``/``cache_mode`` (and their environment
    variables) to False, True (eager) or ``"lazy"``."""
    if cache_examples is None:
        env = os.getenv("GRADIO_CACHE_EXAMPLES", "").lower()
        cache: bool | str = env in ("true", "lazy") and fn is not None and bool(outputs)
        if env == "lazy" and cache:
            cache = "lazy"
    elif cache_examples in (True, False, "lazy"):
        cache = cache_examples
    else:
        raise ValueError(f"The `cache_examples` parameter should be either True or False, not {cache_examples}")
    if cache and (fn is None or not outputs):
        raise ValueError("If caching examples, `fn` and `outputs` must be provided")
    env_mode = os.getenv("GRADIO_CACHE_MODE", "").lower()
    if cache_mode is None and env_mode in ("eager", "lazy"):
        cache_mode = env_mode
    if cache and cache_mode == "lazy":
        cache = "lazy"
    return cache


def _has_own_value(comp: Component) -> bool:
    """Whether the app passed ``comp`` a ``value`` (Gradio then skips the preload)."""
    return "value" in getattr(comp, "_constructor_args", {})


def _holds_files(value: Any) -> bool:
    if is_file_data(value):
        return True
    if isinstance(value, (list, tuple)):
        return any(_holds_files(v) for v in value)
    if isinstance(value, dict):
        return any(_holds_files(v) for v in value.values())
    return False


def static_key(payloads: list[Any]) -> str:
    """The key of ``static_results``: the input payloads as the shell's ``JSON.stringify``."""
    return json.dumps(payloads, separators=(",", ":"), ensure_ascii=False)


class Examples:
    """Clickable examples for ``inputs``; ``run_on_click`` also runs ``fn``; cached examples
    show their outputs without running it again."""

    def __init__(
        self,
        examples: list[Any] | str,
        inputs: Component | list[Component],
        outputs: Component | list[Component] | None = None,
        fn: Callable[..., Any] | None = None,
        cache_examples: bool | str | None = None,
        cache_mode: Literal["eager", "lazy"] | None = None,
        examples_per_page: int = 10,
        label: str | None = "Examples",
        elem_id: str | None = None,
        run_on_click: bool = False,
        preprocess: bool = True,
        postprocess: bool = True,
        api_visibility: str = "undocumented",
        api_name: str | None = "load_example",
        batch: bool = False,
        example_labels: list[str] | None = None,
        visible: bool = True,
        preload: int | Literal[False] = 0,
        **kwargs: Any,
    ) -> None:
        self.inputs = inputs if isinstance(inputs, list) else [inputs]
        self.outputs = outputs if isinstance(outputs, list) else ([outputs] if outputs else [])
        self.fn = fn
        self.preprocess, self.postprocess, self.batch = preprocess, postprocess, batch
        self.examples = _load_rows(examples, len(self.inputs))
        self.cache_examples = cache_setting(cache_examples, cache_mode, fn, self.outputs)
        self._cache: dict[int, list[Any]] = {}
        self._lock: asyncio.Lock | None = None
        shown = [c for c in self.inputs if not c.stateful]
        self.dataset = Dataset(
            components=shown, samples=self.examples, type="index", label=label, samples_per_page=examples_per_page,
            elem_id=elem_id, visible=visible, sample_labels=example_labels,
        )
        self.root = Context.root_block
        self.cache_event: events.Dependency | None = None
        self.preload_events: list[events.Dependency] = []
        self.preload_index = -1
        if self.cache_examples:
            self._wire_cached(api_name or "load_example", api_visibility, preload)
        else:
            self.click_event = self.load_input_event = self.dataset.click(
                self._load_example, inputs=[self.dataset], outputs=self.inputs, show_progress="hidden",
                postprocess=False, queue=False, api_name=api_name or "load_example", api_visibility=api_visibility,
            )
            if run_on_click and fn is not None:
                self.load_input_event.then(fn, self.inputs, self.outputs, api_visibility=api_visibility)
        if self.root is not None:
            self.root.example_sets.append(self)
            if self.cache_examples is True and visible:
                # Gradio caches eager tables at launch; here when the app starts serving (natively,
                # and in the browser once Python has booted). A hidden table (ChatInterface's) is
                # cached by its owner.
                self.root.extra_startup_events.append(self.cache_all)

    # -- listeners ---------------------------------------------------------------------
    def _wire_cached(self, api_name: str, api_visibility: str, preload: int | Literal[False]) -> None:
        load_input, load_output = self._listeners()
        self.click_event = self.dataset.click(
            load_input, inputs=[self.dataset], outputs=self.inputs, show_progress="hidden", postprocess=False,
            queue=False, api_visibility="undocumented")
        self.cache_event = self.load_input_event = self.click_event.then(
            load_output, inputs=[self.dataset], outputs=self.outputs, postprocess=False, api_name=api_name,
            api_visibility=api_visibility)
        if (preload is not False and self.cache_examples is True and self.root is not None
                and 0 <= preload < len(self.examples) and not any(_has_own_value(c) for c in self.inputs)):
            self.preload_index = preload
            state = Context.block_class("state")
            self.preload_events = [
                self.root.load(load_input, inputs=[state(preload)], outputs=self.inputs, show_progress="hidden",
                               postprocess=False, queue=False, api_visibility="undocumented"),
                self.root.load(load_output, inputs=[state(preload)], outputs=self.outputs, postprocess=False,
                               show_progress="hidden", api_visibility="undocumented"),
            ]

    def _listeners(self) -> tuple[Callable[[int], Any], Callable[[int], Any]]:
        """The two functions of a cached example click, named as Gradio's endpoints."""
        def load_example_input(index: int) -> Any:
            return _single(self.input_payloads(index))

        async def load_example_output(index: int) -> Any:
            return _single(await self.cached_outputs(index))

        return load_example_input, load_example_output

    def _load_example(self, index: int) -> Any:
        """The example row, postprocessed for each input component."""
        return _single(self.input_payloads(index))

    def input_payloads(self, index: int) -> list[Any]:
        """Example ``index`` as the payloads of its input components (State keeps the value)."""
        if not isinstance(index, int) or not 0 <= index < len(self.examples):
            raise IndexError(f"There is no example {index!r} (this table has {len(self.examples)}).")
        row = self.examples[index]
        return [value if comp.stateful else comp.postprocess(value) for comp, value in zip(self.inputs, row)]

    # -- the cache ---------------------------------------------------------------------
    async def cached_outputs(self, index: int) -> list[Any]:
        """The output payloads of example ``index``: from the cache, else computed once."""
        if index not in self._cache:
            async with self.lock:  # two clicks on a new example run the function once
                if index not in self._cache:
                    self._cache[index] = await self.compute(index)
        return self._cache[index]

    async def cache_all(self) -> int:
        """Gradio's eager caching (``cache_examples=True``, ``cache_mode="eager"``): every example
        computed once, in order, holding the table's lock (a click meanwhile waits, as Gradio
        serves only once the cache is made); returns how many were computed. One that fails is
        left for its click to show the error."""
        done = 0
        async with self.lock:
            for i in range(len(self.examples)):
                if i in self._cache:
                    continue
                try:
                    self._cache[i] = await self.compute(i)
                    done += 1
                except Exception:  # noqa: BLE001 - the click on this example reports it
                    continue
        return done

    @property
    def lock(self) -> asyncio.Lock:
        """Held while this table computes (made on first use: it belongs to the running loop)."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        return self._lock

    async def compute(self, index: int) -> list[Any]:
        """Run the function on example ``index`` (preprocess, fn, postprocess) and return the
        output payloads; a generator's last output counts, as in Gradio."""
        root = self.root
        if root is None or self.fn is None:
            raise ValueError("Cannot cache examples if not in a Blocks context.")
        payloads = self.input_payloads(index)
        serve_files(payloads, root, "")  # example files become files the app owns
        fn = events.BlockFunction(
            id=events.next_fn_id(root), fn=self.fn, inputs=list(self.inputs), outputs=list(self.outputs),
            targets=[], api_name="cache_examples", preprocess=self.preprocess, postprocess=self.postprocess,
            queue=False, api_visibility="private")
        if self.batch:
            fn.fn = _unbatched(self.fn)
        root.fns[fn.id] = fn  # removed again below, as Gradio removes its caching event
        try:
            session = root.sessions.get("wasmui-examples-cache")
            data: list[Any] = []
            async for event in run_job(root, fn.id, payloads, session):
                if isinstance(event, Completed):
                    data = event.data
            return data
        finally:
            root.fns.pop(fn.id, None)

    def static_tables(self, outputs: dict[int, list[Any]]) -> None:
        """Ships what is known before Python runs: every example's input payloads, and the
        ``outputs`` given per example index, on the listeners that show them."""
        inputs = {i: self.input_payloads(i) for i in range(len(self.examples))}
        inputs = {i: v for i, v in inputs.items() if not _holds_files(v)}
        outputs = {i: v for i, v in outputs.items() if not _holds_files(v)}
        self.click_event.block_fn.static_results = {static_key([i]): v for i, v in inputs.items()} or None
        if self.cache_event is not None:
            self.cache_event.block_fn.static_results = {static_key([i]): v for i, v in outputs.items()} or None
        for dep, table in zip(self.preload_events, (inputs, outputs)):
            if self.preload_index in table:
                dep.block_fn.static_results = {static_key([None]): table[self.preload_index]}


def _single(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def _unbatched(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A batch function called on one example: each argument a list of one, each output the first item."""
    def call(*args: Any) -> Any:
        result = fn(*[[a] for a in args])
        if isinstance(result, (list, tuple)) and len(result) == 1:
            return result[0][0] if isinstance(result[0], (list, tuple)) else result[0]
        return [r[0] for r in result]
    return call


async def precompute(blocks: Any, budget_s: float = 30.0) -> dict[str, int]:
    """Fill the cache of every eagerly cached example table of ``blocks`` (``wasmui build``,
    in CPython) and ship the answers that are deterministic (the same on two runs) and hold
    no files; non-cached tables ship their input payloads. Stops after ``budget_s``."""
    start = time.monotonic()
    counts = {"examples": 0, "shipped": 0}
    for ex in list(getattr(blocks, "example_sets", [])):
        if not ex.dataset.visible:  # a hidden table (ChatInterface's) is never clicked on the page
            continue
        shipped: dict[int, list[Any]] = {}
        if ex.cache_examples is True:
            for i in range(len(ex.examples)):
                if time.monotonic() - start > budget_s:
                    break
                counts["examples"] += 1
                try:
                    first = await ex.compute(i)
                    second = await ex.compute(i)
                except Exception:  # noqa: BLE001 - the browser computes it instead (and shows the error)
                    continue
                ex._cache[i] = first
                if static_key(first) == static_key(second):
                    shipped[i] = first
        try:
            ex.static_tables(shipped)
        except Exception:  # noqa: BLE001 - an example that cannot be shown ahead stays a normal click
            continue
        counts["shipped"] += len([v for v in shipped.values() if not _holds_files(v)])
    return counts
