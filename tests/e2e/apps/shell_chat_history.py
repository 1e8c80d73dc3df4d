"""ChatInterface with save_history: conversations kept in the browser (BrowserState)."""

import wasmui as gr


def echo(message, history):
    return f"echo: {message}"


demo = gr.ChatInterface(echo, save_history=True)

if __name__ == "__main__":
    demo.launch()
