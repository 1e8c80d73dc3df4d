"""Gradio's preset components: ``gr.Numpy``, ``gr.Matrix``, ``gr.List``, ``gr.PlayableVideo``,
``gr.Mic`` / ``gr.Microphone``.

Each is its base component with other defaults, and sends its base's block name, so the
page draws it with the base's view. Interface's string shortcuts (``"numpy"``,
``"playable_video"``, ``"mic"``) find them by class name.
"""

from __future__ import annotations

from typing import Any, Literal

from wasmui.components.audio import Audio
from wasmui.components.dataframe import Dataframe
from wasmui.components.video import Video

_DYNAMIC_ROWS: tuple[int, str] = (1, "dynamic")


class Numpy(Dataframe):
    """A ``Dataframe`` whose value is a numpy array."""

    def __init__(self, value: Any = None, *, type: Literal["pandas", "numpy", "array", "polars"] = "numpy",
                 row_count: int | tuple[int, str] | None = _DYNAMIC_ROWS, **kwargs: Any) -> None:
        super().__init__(value, type=type, row_count=row_count, **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "dataframe"


class Matrix(Dataframe):
    """A ``Dataframe`` whose value is a list of rows."""

    def __init__(self, value: Any = None, *, type: Literal["pandas", "numpy", "array", "polars"] = "array",
                 row_count: int | tuple[int, str] | None = _DYNAMIC_ROWS, **kwargs: Any) -> None:
        super().__init__(value, type=type, row_count=row_count, **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "dataframe"


class List(Dataframe):
    """A one-column ``Dataframe`` whose value is a list of rows."""

    def __init__(self, value: Any = None, *, type: Literal["pandas", "numpy", "array", "polars"] = "array",
                 row_count: int | tuple[int, str] | None = _DYNAMIC_ROWS, col_count: int | tuple[int, str] | None = 1,
                 **kwargs: Any) -> None:
        super().__init__(value, type=type, row_count=row_count, col_count=col_count, **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "dataframe"


class PlayableVideo(Video):
    """A ``Video`` whose output is converted to mp4 (when it is not one already)."""

    def __init__(self, value: Any = None, *, format: str | None = "mp4", sources: Any = None, **kwargs: Any) -> None:
        # Gradio's template offers upload only, whatever ``sources`` says.
        super().__init__(value, format=format, sources=["upload"], **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "video"


class Microphone(Audio):
    """An ``Audio`` recorded from the microphone, as WAV."""

    def __init__(self, value: Any = None, *, sources: Any = None, format: Literal["wav", "mp3"] | None = "wav",
                 **kwargs: Any) -> None:
        super().__init__(value, sources=["microphone"] if sources is None else sources, format=format, **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "audio"


Mic = Microphone
