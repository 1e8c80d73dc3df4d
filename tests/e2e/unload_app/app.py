"""demo.unload and a gr.api endpoint, for tests/e2e/test_unload_browser.py."""

import gradio as gr

seen: list[str] = []

with gr.Blocks() as demo:
    name = gr.Textbox(label="Name")
    out = gr.Textbox(label="Out")
    gr.Button("Go").click(lambda s: s.upper(), name, out)
    demo.unload(lambda: seen.append("unloaded"))

    @gr.api
    def events_seen() -> list[str]:
        return list(seen)

if __name__ == "__main__":
    demo.launch()
