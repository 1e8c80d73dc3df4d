"""Version numbers: wasmui's own and the Gradio release whose protocol it speaks."""

__version__ = "0.1.0"
# Reported as ``config.version``: gradio_client branches on it (must be >= 4.29.1).
GRADIO_VERSION = "6.31.0"
