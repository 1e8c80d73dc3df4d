"""``gr.ChatInterface``: a chat app around ``fn(message, history, *additional_inputs)``.

The component tree and the chain of dependencies follow Gradio 6.31's, in the
same order, so the config, the api names and the ``/<fn name>`` API endpoint a
client sees are the ones real Gradio serves: submit clears the textbox and
saves the message, appends it to the chatbot at once, then streams the answer
(``_submit_fn`` / ``_stream_fn``); retry, undo, edit, option and example
clicks re-run the function; the textbox's stop button cancels the stream and
the partial answer stays.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import os
from collections.abc import AsyncIterator, Callable
from typing import Any, Literal

from wasmui.blocks import Blocks
from wasmui.flagging import ChatCSVLogger
from wasmui.components import component_from_spec
from wasmui.components.base import Component
from wasmui.components.browser_state import BrowserState
from wasmui.components.button import Button
from wasmui.components.chatbot import ChatMessage, Chatbot, setup_examples
from wasmui.components.dataset import Dataset
from wasmui.components.json_component import JSON
from wasmui.components.markdown import Markdown
from wasmui.components.multimodal_textbox import MultimodalTextbox
from wasmui.components.state import State
from wasmui.components.textbox import Textbox
from wasmui.events import on
from wasmui.examples import Examples
from wasmui.helpers import EditData, SelectData, skip, update
from wasmui.layouts import Accordion, Column, Group, Row
from wasmui.processing import _call_sync, _next_or_done, _DONE

History = list[dict[str, Any]]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _plain(value: Any) -> Any:
    """ChatMessage dataclasses (also inside lists/tuples/dicts) as plain dicts."""
    if isinstance(value, ChatMessage):
        return {"content": _plain(value.content), "role": value.role, "metadata": dict(value.metadata),
                "options": list(value.options)}
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class ChatInterface(Blocks):
    """A chatbot UI around one function; see the module docstring for the event chain."""

    def __init__(
        self,
        fn: Callable[..., Any],
        *,
        multimodal: bool = False,
        chatbot: Chatbot | None = None,
        textbox: Textbox | MultimodalTextbox | None = None,
        additional_inputs: str | Component | list[str | Component] | None = None,
        additional_inputs_accordion: str | Accordion | None = None,
        additional_outputs: Component | list[Component] | None = None,
        editable: bool = False,
        examples: list[Any] | None = None,
        example_labels: list[str] | None = None,
        example_icons: list[str] | None = None,
        run_examples_on_click: bool = True,
        cache_examples: bool | None = None,
        cache_mode: Literal["eager", "lazy"] | None = None,
        title: str | None = None,
        description: str | None = None,
        flagging_mode: Literal["never", "manual"] | None = None,
        flagging_options: list[str] | tuple[str, ...] | None = ("Like", "Dislike"),
        flagging_dir: str = ".gradio/flagged",
        analytics_enabled: bool | None = None,
        autofocus: bool = True,
        autoscroll: bool = True,
        submit_btn: str | bool | None = True,
        stop_btn: str | bool | None = True,
        concurrency_limit: int | None | Literal["default"] = "default",
        delete_cache: tuple[int, int] | None = None,
        show_progress: Literal["full", "minimal", "hidden"] = "minimal",
        fill_height: bool = True,
        fill_width: bool = False,
        api_name: str | None = None,
        api_description: str | None | Literal[False] = None,
        api_visibility: Literal["public", "private", "undocumented"] = "public",
        save_history: bool = False,
        validator: Callable[..., Any] | None = None,
        **blocks_kwargs: Any,
    ) -> None:
        super().__init__(mode="chat_interface", title=title or "Gradio", fill_height=fill_height,
                         fill_width=fill_width, delete_cache=delete_cache, **blocks_kwargs)
        self.fn = fn.fn if isinstance(fn, ChatInterface) else fn
        self.is_async = inspect.iscoroutinefunction(self.fn) or inspect.isasyncgenfunction(self.fn)
        self.is_generator = inspect.isgeneratorfunction(self.fn) or inspect.isasyncgenfunction(self.fn)
        self.multimodal = multimodal
        self.api_name = api_name
        self.api_description = api_description
        self.api_visibility = api_visibility
        self.concurrency_limit = concurrency_limit
        self.validator = validator
        self.examples = examples
        self.run_examples_on_click = run_examples_on_click
        self.cache_examples = cache_examples
        mode = cache_mode or os.environ.get("GRADIO_CACHE_MODE") or "eager"
        self.cache_mode: Literal["eager", "lazy"] = "lazy" if mode == "lazy" else "eager"
        self._example_cache: dict[int, History] = {}
        self._example_tasks: dict[int, asyncio.Future[History]] = {}
        self.editable = editable
        self.autoscroll = autoscroll
        self.autofocus = autofocus
        self.description = description
        self.show_progress = show_progress
        self.save_history = save_history
        self.flagging_mode = flagging_mode if flagging_mode is not None else os.getenv("GRADIO_CHAT_FLAGGING_MODE", "never")
        self.flagging_dir = flagging_dir
        if self.flagging_mode not in ("never", "manual"):
            raise ValueError("Invalid value for `flagging_mode` parameter. Must be: 'manual' or 'never'.")
        self.flagging_options = flagging_options
        self.additional_inputs = [component_from_spec(i) for i in _as_list(additional_inputs)]
        self.additional_outputs = _as_list(additional_outputs)
        self.accordion_params = self._accordion_params(additional_inputs_accordion)
        self.examples_in_table = self._examples_use_additional_inputs()
        self.example_messages = self._example_messages(examples, example_labels, example_icons)
        self.chat_title = title
        for given in (textbox, chatbot):
            if given is not None:
                given.unrender()
        with self:
            self.saved_conversations = BrowserState([], storage_key=f"_saved_conversations_{self._id}")
            self.conversation_id = State(None)
            self.saved_input = State()
            self.null_component = State()
            with Column():
                self._render_header()
                if save_history:
                    with Row(scale=1):
                        self._render_history_area()
                        with Column(scale=6):
                            self._render_chatbot_area(chatbot, textbox, submit_btn, stop_btn)
                            self._render_footer()
                else:
                    self._render_chatbot_area(chatbot, textbox, submit_btn, stop_btn)
                    self._render_footer()
            self._setup_events()
        if self.cache_examples and self.cache_mode == "eager" and self.example_messages and not self.examples_in_table:
            # Gradio caches eager examples at launch; here when the app starts serving (natively,
            # and in the browser once Python has booted). A click meanwhile waits for its answer.
            self.extra_startup_events.append(self._cache_all_examples)

    # -- building ------------------------------------------------------------------
    @staticmethod
    def _accordion_params(acc: str | Accordion | None) -> dict[str, Any]:
        if acc is None:
            return {"label": "Additional Inputs", "open": False}
        if isinstance(acc, str):
            return {"label": acc}
        if isinstance(acc, Accordion):
            return {k: v for k, v in acc._constructor_args.items() if k != "render"}
        raise ValueError(f"The `additional_inputs_accordion` parameter must be a string or gr.Accordion, not {type(acc)}")

    def _examples_use_additional_inputs(self) -> bool:
        if not (self.additional_inputs and self.examples is not None):
            return False
        for example in self.examples:
            if not isinstance(example, list):
                raise ValueError("Examples must be a list of lists when additional inputs are provided.")
            if any(v is not None for v in example[1:]):
                return True
        return False

    def _example_messages(self, examples: Any, labels: list[str] | None, icons: list[str] | None) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for i, example in enumerate(examples or []):
            ex = example[0] if isinstance(example, list) else example
            msg: dict[str, Any] = {}
            if isinstance(ex, str):
                msg["text"] = ex
            elif isinstance(ex, dict):
                msg["text"] = ex.get("text", "")
                msg["files"] = ex.get("files", [])
            if labels:
                msg["display_text"] = labels[i]
            if self.multimodal and not msg.get("files"):
                msg["icon"] = icons[i] if icons else {"path": "", "url": None, "orig_name": None, "mime_type": "text",
                                                      "meta": {"_type": "gradio.FileData"}}
            elif icons:
                msg["icon"] = icons[i]
            out.append(msg)
        return out

    def _render_header(self) -> None:
        if self.chat_title:
            Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{self.chat_title}</h1>")
        if self.description:
            Markdown(self.description)

    def _render_history_area(self) -> None:
        with Column(scale=1, min_width=100):
            self.new_chat_button = Button("New chat", variant="primary", size="md")
            hidden: list[Component] = [Textbox(visible=False)]
            self.chat_history_dataset = Dataset(components=hidden, show_label=False,
                                                layout="table", type="index")

    def _render_chatbot_area(self, chatbot: Chatbot | None, textbox: Any, submit_btn: Any, stop_btn: Any) -> None:
        examples = self.example_messages if not self.examples_in_table else None
        if chatbot is not None:
            self.chatbot = chatbot
            chatbot.examples = setup_examples(examples)  # type: ignore[arg-type]
            chatbot.render()
        else:
            self.chatbot = Chatbot(label="Chatbot", scale=1, autoscroll=self.autoscroll, examples=examples)  # type: ignore[arg-type]
        with Group():
            with Row():
                if textbox is not None:
                    textbox.show_label = False
                    textbox.render()
                    self.textbox: Textbox | MultimodalTextbox = textbox
                else:
                    cls = MultimodalTextbox if self.multimodal else Textbox
                    self.textbox = cls(show_label=False, label="", placeholder="Type a message...", scale=7,
                                       autofocus=self.autofocus, submit_btn=submit_btn, stop_btn=stop_btn)
        # The stop button shows only while an answer streams.
        self.original_stop_btn = self.textbox.stop_btn
        self.textbox.stop_btn = False
        self.fake_api_btn = Button("Fake API", visible=False)
        self.api_response = JSON(label="Response", visible=False)
        # What the function sees as history (the chatbot shows the user message before that).
        self.chatbot_state = State(self.chatbot.value or [])
        # Apps may write here to change the conversation from their own events.
        self.chatbot_value = State(self.chatbot.value or [])

    def _render_footer(self) -> None:
        if self.examples:
            self.examples_handler = Examples(
                examples=self.examples, inputs=[self.textbox, *self.additional_inputs], outputs=self.chatbot,
                fn=self._examples_stream_fn if self.is_generator else self._examples_fn,
                cache_examples=self.cache_examples, cache_mode=self.cache_mode, visible=self.examples_in_table,
                preprocess=self.examples_in_table, preload=False,
            )
        unrendered = [c for c in self.additional_inputs if not c.is_rendered]
        if self.additional_inputs and unrendered:
            with Accordion(**self.accordion_params):
                for comp in unrendered:
                    comp.render()

    # -- events --------------------------------------------------------------------
    def _setup_events(self) -> None:
        submit = self._stream_fn if self.is_generator else self._submit_fn
        submit_wrapped = self._api_wrapper(submit)
        submit_wrapped.__name__ = "_submit_fn"
        api_fn = self._api_wrapper(submit, plain=True)
        sync_state: dict[str, Any] = {"fn": lambda x: (x, x), "inputs": [self.chatbot],
                                      "outputs": [self.chatbot_state, self.chatbot_value],
                                      "api_visibility": "undocumented", "queue": False}
        submit_kwargs: dict[str, Any] = {
            "fn": submit_wrapped, "inputs": [self.saved_input, self.chatbot_state, *self.additional_inputs],
            "outputs": [self.null_component, self.chatbot, *self.additional_outputs],
            "api_visibility": "undocumented", "concurrency_limit": self.concurrency_limit,
            "show_progress": self.show_progress,
        }
        save_kwargs: dict[str, Any] = {"fn": self._save_conversation,
                                       "inputs": [self.conversation_id, self.chatbot_state, self.saved_conversations],
                                       "outputs": [self.conversation_id, self.saved_conversations],
                                       "api_visibility": "undocumented", "queue": False}

        user_submit = self.textbox.submit(self._clear_and_save_textbox, [self.textbox], [self.textbox, self.saved_input],
                                          api_visibility="undocumented", queue=bool(self.validator),
                                          validator=self.validator)
        submit_event = user_submit.then(self._append_message_to_history, [self.saved_input, self.chatbot],
                                        [self.chatbot], api_visibility="undocumented", queue=False).then(**submit_kwargs)
        submit_event.then(**sync_state).then(lambda: update(value=None, interactive=True), None, self.textbox,
                                             api_visibility="undocumented").then(**save_kwargs)

        # The public "/<fn name>" endpoint: message + history in, response + history out.
        self.fake_api_btn.click(api_fn, [self.textbox, self.chatbot_state, *self.additional_inputs],
                                [self.api_response, self.chatbot_state, *self.additional_outputs],
                                api_name=self.api_name, api_description=self.api_description,
                                api_visibility=self.api_visibility, concurrency_limit=self.concurrency_limit,
                                postprocess=False)

        example_event = None
        example_runs = False
        if self.examples and not self.examples_in_table:
            if self.cache_examples or self.run_examples_on_click:
                example_runs = True
                example_event = self.chatbot.example_select(self.example_clicked, None, [self.chatbot, self.saved_input],
                                                            api_visibility="undocumented")
                if not self.cache_examples:
                    example_event = example_event.then(lambda: self._textbox_running(), None, [self.textbox],
                                                       api_visibility="undocumented", queue=False)
                    example_event = example_event.then(**submit_kwargs)
                example_event.then(**sync_state)
            else:
                example_event = self.chatbot.example_select(self.example_populated, None, [self.textbox],
                                                            api_visibility="undocumented")

        retry_event = (
            self.chatbot.retry(self._pop_last_user_message, [self.chatbot_state], [self.chatbot_state, self.saved_input],
                               api_visibility="undocumented", queue=False)
            .then(self._append_message_to_history, [self.saved_input, self.chatbot_state], [self.chatbot],
                  api_visibility="undocumented", queue=False)
            .then(lambda: update(interactive=False, placeholder=""), outputs=[self.textbox],
                  api_visibility="undocumented")
            .then(**submit_kwargs)
        )
        retry_event.then(**sync_state).then(lambda: update(interactive=True), outputs=[self.textbox],
                                            api_visibility="undocumented").then(**save_kwargs)

        to_cancel = [submit_event, retry_event]
        if example_event is not None and example_runs:
            to_cancel.append(example_event)
        self._setup_stop_events(to_cancel, user_submit)

        self.chatbot.undo(self._pop_last_user_message, [self.chatbot], [self.chatbot, self.textbox],
                          api_visibility="undocumented", queue=False).then(**sync_state).then(**save_kwargs)
        self.chatbot.option_select(self.option_clicked, [self.chatbot], [self.chatbot, self.saved_input],
                                   api_visibility="undocumented").then(**submit_kwargs).then(**sync_state).then(**save_kwargs)
        self.chatbot.clear(**sync_state).then(self._delete_conversation, [self.conversation_id, self.saved_conversations],
                                              [self.conversation_id, self.saved_conversations],
                                              api_visibility="undocumented", queue=False)
        if self.editable:
            (self.chatbot.edit(self._edit_message, [self.chatbot], [self.chatbot, self.chatbot_state, self.saved_input],
                               api_visibility="undocumented")
             .then(self._append_message_to_history, [self.saved_input, self.chatbot_state], [self.chatbot],
                   api_visibility="undocumented", queue=False)
             .success(lambda: update(interactive=False), outputs=[self.textbox], api_visibility="undocumented")
             .success(**submit_kwargs).success(**sync_state)
             .then(lambda: update(interactive=True), outputs=[self.textbox], api_visibility="undocumented")
             .then(**save_kwargs))
        if self.save_history:
            self.new_chat_button.click(lambda: (None, []), None, [self.conversation_id, self.chatbot],
                                       api_visibility="undocumented", queue=False).then(
                lambda x: x, [self.chatbot], [self.chatbot_state], api_visibility="undocumented", queue=False)
            on([self.load, self.saved_conversations.change], self._load_chat_history, [self.saved_conversations],
               [self.chat_history_dataset], api_visibility="undocumented", queue=False)
            self.chat_history_dataset.click(lambda: [], None, [self.chatbot], api_visibility="undocumented",
                                            queue=False, show_progress="hidden").then(
                self._load_conversation, [self.chat_history_dataset, self.saved_conversations],
                [self.conversation_id, self.chatbot], api_visibility="undocumented", queue=False,
                show_progress="hidden").then(**sync_state)
        if self.flagging_mode != "never":
            flagging_callback = ChatCSVLogger()
            flagging_callback.setup(self.flagging_dir)
            self.chatbot.feedback_options = list(self.flagging_options) if self.flagging_options else None
            self.chatbot.like(flagging_callback.flag, self.chatbot)  # public, as in Gradio (api_name "flag")
        self.chatbot_value.change(lambda x: x, [self.chatbot_value], [self.chatbot],
                                  api_visibility="undocumented").then(**sync_state)

    def _textbox_running(self) -> Component:
        cls = MultimodalTextbox if self.multimodal else Textbox
        return cls(submit_btn=False, stop_btn=self.original_stop_btn)

    def _setup_stop_events(self, to_cancel: list[Any], after_success: Any) -> None:
        cls = MultimodalTextbox if self.multimodal else Textbox
        original_submit = self.textbox.submit_btn
        after_success.success(lambda: cls(submit_btn=False, stop_btn=self.original_stop_btn), None, [self.textbox],
                              api_visibility="undocumented", queue=False)
        self.chatbot.retry(lambda: cls(submit_btn=False, stop_btn=self.original_stop_btn), None, [self.textbox],
                           api_visibility="undocumented", queue=False)
        for event in to_cancel:
            event.then(lambda: cls(submit_btn=original_submit, stop_btn=False), None, [self.textbox],
                       api_visibility="undocumented", queue=False)
        self.textbox.stop(None, None, None, cancels=to_cancel, api_visibility="undocumented")

    def _api_wrapper(self, submit: Callable[..., Any], plain: bool = False) -> Callable[..., Any]:
        """Keeps the user's signature so /info shows their parameter names.

        ``plain``: the API endpoint skips postprocessing, so ChatMessages in its
        response become the dicts Gradio's JSON encoder makes of them.
        """
        out: Callable[[Any], Any] = _plain if plain else (lambda x: x)
        if self.is_generator:
            @functools.wraps(self.fn)
            async def _wrapper(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
                async for chunk in submit(*args, **kwargs):
                    yield out(chunk)
            return _wrapper

        @functools.wraps(self.fn)
        async def __wrapper(*args: Any, **kwargs: Any) -> Any:
            return out(await submit(*args, **kwargs))
        return __wrapper

    # -- the functions behind the events ------------------------------------------
    def _clear_and_save_textbox(self, message: Any) -> tuple[Component, Any]:
        return type(self.textbox)("", interactive=False, placeholder=""), message

    def _append_message_to_history(self, message: Any, history: History, role: str = "user") -> History:
        return [*history, *self._as_message_dicts(message, role)]

    def _as_message_dicts(self, message: Any, role: str) -> History:
        out: History = []
        for msg in message if isinstance(message, list) else [message]:
            if isinstance(msg, ChatMessage):
                out.append({"role": role, "content": msg.content, "metadata": msg.metadata, "options": msg.options})
            elif isinstance(msg, (str, Component)):
                out.append({"role": role, "content": msg})
            elif isinstance(msg, dict) and "content" in msg:
                out.append({**msg, "role": role})
            elif isinstance(msg, dict):  # a MultimodalTextbox value {"text", "files"}
                parts: list[Any] = [{"path": f.get("path") if isinstance(f, dict) else f} for f in msg.get("files", [])]
                if msg.get("text"):
                    parts.append(msg["text"])
                out.append({"role": role, "content": parts})
            elif msg is not None:
                out.append({"role": role, "content": str(msg)})
        return out

    async def _call(self, inputs: list[Any]) -> Any:
        if self.is_async:
            return await self.fn(*inputs)
        return await _call_sync(self.fn, *inputs)

    async def _iterate(self, inputs: list[Any]) -> AsyncIterator[Any]:
        if inspect.isasyncgenfunction(self.fn):
            async for item in self.fn(*inputs):
                yield item
            return
        gen = await _call_sync(self.fn, *inputs)
        while (item := await _call_sync(_next_or_done, gen)) is not _DONE:
            yield item

    def _split_outputs(self, response: Any) -> tuple[Any, list[Any]]:
        if self.additional_outputs:
            response, *extra = response
            return response, extra
        return response, []

    async def _submit_fn(self, message: Any, history: History, *args: Any) -> tuple[Any, ...]:
        response, extra = self._split_outputs(await self._call([message, list(history), *args]))
        history = self._append_message_to_history(message, history, "user")
        history = self._append_message_to_history(response, history, "assistant")
        return (response, history, *extra)

    async def _stream_fn(self, message: Any, history: History, *args: Any) -> AsyncIterator[tuple[Any, ...]]:
        inputs = [message, list(history), *args]
        history = self._append_message_to_history(message, history, "user")
        yielded = False
        async for chunk in self._iterate(inputs):
            response, extra = self._split_outputs(chunk)
            yielded = True
            yield (response, self._append_message_to_history(response, history, "assistant"), *extra)
        if not yielded:
            yield (None, history, *[skip() for _ in self.additional_outputs])

    def option_clicked(self, history: History, option: SelectData) -> tuple[History, Any]:
        return [*history, {"role": "user", "content": option.value}], option.value

    def example_populated(self, example: SelectData) -> Any:
        value = dict(example.value or {})
        if self.multimodal:
            value["files"] = [f["path"] if isinstance(f, dict) else f for f in value.get("files") or []]
            return value
        return value.get("text")

    def _edit_message(self, history: History, edit_data: EditData) -> tuple[History, History, Any]:
        index = edit_data.index[0] if isinstance(edit_data.index, (list, tuple)) else edit_data.index
        history = history[: int(index)]
        return history, history, edit_data.value

    async def example_clicked(self, example: SelectData) -> AsyncIterator[Any]:
        value = dict(example.value or {})
        history = self._append_message_to_history(
            {"text": value.get("text"), "files": value.get("files") or []} if self.multimodal else value.get("text"),
            [], "user")
        files = [f["path"] if isinstance(f, dict) else f for f in value.get("files") or []]
        message = {"text": value.get("text"), "files": files} if self.multimodal else value.get("text")
        yield history, message
        if self.cache_examples and isinstance(example.index, int):
            yield await self._cached_example(example.index, message), message

    # -- example caching (the chatbot's example messages) ---------------------------------
    def _example_message(self, index: int) -> Any:
        example = self.example_messages[index]
        files = [f["path"] if isinstance(f, dict) else f for f in example.get("files") or []]
        return {"text": example.get("text"), "files": files} if self.multimodal else example.get("text")

    async def _cached_example(self, index: int, message: Any) -> History:
        """The example's conversation, computed once for every session: at the first click
        (lazy) or when the app starts (eager, ``_cache_all_examples``)."""
        if index not in self._example_cache:
            task = self._example_tasks.get(index)
            if task is None:
                task = self._example_tasks[index] = asyncio.ensure_future(self._run_example(message))
            try:
                self._example_cache[index] = await asyncio.shield(task)
            finally:
                if task.done() and (task.cancelled() or task.exception() is not None):
                    self._example_tasks.pop(index, None)  # a failure is not cached: the next click retries
        return self._example_cache[index]

    async def _run_example(self, message: Any) -> History:
        args = [c.preprocess(c.value) if not c.stateful else c.value for c in self.additional_inputs]
        if self.is_generator:
            last: History = self._process_example(message, None)
            async for history in self._examples_stream_fn(message, *args):
                last = history
            return last
        return await self._examples_fn(message, *args)

    async def _cache_all_examples(self) -> None:
        """``cache_mode="eager"``: answer every example once, in order (a startup event)."""
        for i in range(len(self.example_messages)):
            try:
                await self._cached_example(i, self._example_message(i))
            except Exception:  # noqa: BLE001 - not cached: a click on it runs it again and shows the error
                continue

    def _process_example(self, message: Any, response: Any) -> History:
        if self.multimodal:
            out: History = [{"role": "user", "content": (f.get("path") if isinstance(f, dict) else f,)}
                            for f in (message or {}).get("files", [])]
            if "text" in (message or {}):
                out.append({"role": "user", "content": message["text"]})
            return [*out, {"role": "assistant", "content": response}]
        return [{"role": "user", "content": message}, {"role": "assistant", "content": response}]

    async def _examples_fn(self, message: Any, *args: Any) -> History:
        return self._process_example(message, await self._call([message, [], *args]))

    async def _examples_stream_fn(self, message: Any, *args: Any) -> AsyncIterator[History]:
        async for response in self._iterate([message, [], *args]):
            yield self._process_example(message, response)

    def _pop_last_user_message(self, history: History) -> tuple[History, Any]:
        if not history:
            return history, ({"text": "", "files": []} if self.multimodal else "")
        i = len(history) - 1
        while i >= 0 and history[i]["role"] == "assistant":
            i -= 1
        while i >= 0 and history[i]["role"] == "user":
            i -= 1
        text = ""
        files = []
        for msg in history[i + 1:]:
            if msg["role"] != "user":
                continue
            for part in msg["content"]:
                if part.get("type") == "file":
                    files.append(part["file"])
                elif part.get("type") == "text":
                    text += part["text"]
        return history[: i + 1], ({"text": text, "files": files} if self.multimodal else text)

    # -- saved conversations (save_history) ---------------------------------------
    def _save_conversation(self, index: int | None, conversation: History, saved: list[History]) -> tuple[Any, Any]:
        if self.save_history:
            saved = list(saved or [])
            if index is not None and 0 <= index < len(saved):
                saved[index] = conversation
            else:
                saved.insert(0, conversation)
                index = 0
        return index, saved

    def _delete_conversation(self, index: int | None, saved: list[History]) -> tuple[None, Any]:
        if index is not None and saved and 0 <= index < len(saved):
            saved = [c for i, c in enumerate(saved) if i != index]
        return None, saved

    @staticmethod
    def _chat_title(conversation: History) -> str:
        title = ""
        for message in conversation:
            if message.get("role") != "user":
                continue
            for part in message.get("content", []):
                if part.get("type") == "text":
                    title += part["text"]
                else:
                    title += "📎 "
            if title:
                break
        return (title[:40] + "...") if len(title) > 40 else (title or "Conversation")

    def _load_chat_history(self, conversations: list[History] | None) -> Any:
        return Dataset(samples=[[self._chat_title(c)] for c in conversations or [] if c])

    def _load_conversation(self, index: int, conversations: list[History]) -> tuple[int, Any]:
        return index, Chatbot(value=conversations[index])
