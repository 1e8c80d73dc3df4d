"""Exceptions users raise or see, mirroring Gradio's public hierarchy."""

from __future__ import annotations


class Error(Exception):
    """Raise inside an event function to show a modal error in the app.

    Its message is always sent to the client, whatever ``show_error`` says.
    """

    def __init__(
        self,
        message: str = "Error raised.",
        duration: float | None = 10,
        visible: bool = True,
        title: str = "Error",
        print_exception: bool = True,
    ) -> None:
        self.message = message
        self.duration = duration
        self.visible = visible
        self.title = title
        self.print_exception = print_exception
        super().__init__(message)

    def __str__(self) -> str:
        return repr(self.message)


class DuplicateBlockError(ValueError):
    """A block was rendered twice in the same Blocks."""


class InvalidComponentError(ValueError):
    """A string shortcut or component spec could not be resolved."""


class InvalidPathError(ValueError):
    """A file path is outside what the app may read or serve."""


class InvalidBlockError(ValueError):
    """An event listener referenced a block that is not part of the app."""


class TooManyRequestsError(Exception):
    """Raised by clients when the queue is full."""


class ComponentDefinitionError(NotImplementedError):
    """A component subclass is missing part of its contract."""


__all__ = [
    "ComponentDefinitionError",
    "DuplicateBlockError",
    "Error",
    "InvalidBlockError",
    "InvalidComponentError",
    "InvalidPathError",
    "TooManyRequestsError",
]
