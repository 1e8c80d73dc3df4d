"""Custom gr.Buttons in components' ``buttons=[...]`` (Gradio 6) for
tests/e2e/test_shell_custom_buttons.py: a Textbox (no toolbar of its own), a Code
block (its copy toolbar gets them), a Checkbox and an HTML block; each click reaches Python."""

import wasmui as gr

with gr.Blocks() as demo:
    refresh = gr.Button("Refresh")
    shout = gr.Button("Shout")
    tick = gr.Button("Flip")
    text = gr.Textbox("hello", buttons=["copy", refresh], label="Sample")
    code = gr.Code("x = 1", language="python", buttons=["copy", shout], label="Snippet")
    box = gr.Checkbox(False, buttons=[tick], label="Flag")
    ping = gr.Button("Ping")
    card = gr.HTML("<p class='card'>card</p>", buttons=[ping], label="Card", show_label=True)
    log = gr.Textbox(label="Clicks")

    refresh.click(lambda: "refreshed", None, text)
    shout.click(lambda c: c.upper(), code, code)
    ping.click(lambda: "pinged", None, log)
    tick.click(lambda b: (not b, f"flipped to {not b}"), box, [box, log])
