"""gr.ColorPicker through the kit, for tests/e2e/test_shell_color_picker.py."""

import gradio as gr


def describe(colour):
    if not colour:
        return "none"
    h = colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"{colour} = rgb({r}, {g}, {b})"


def invert(colour):
    h = colour.lstrip("#")
    return "#" + "".join(f"{255 - int(h[i:i + 2], 16):02x}" for i in (0, 2, 4))


def logger(name):
    def log(events):
        events = events + [name]
        return events, " ".join(events)
    return log


with gr.Blocks() as demo:
    picker = gr.ColorPicker("#ff0000", label="Brand colour", info="Pick or type a colour")
    echo = gr.Textbox(label="Echo")
    events_text = gr.Textbox(label="Events")
    events = gr.State([])
    flip = gr.Button("Invert")
    locked = gr.ColorPicker("#336699", label="Locked colour", interactive=False)

    picker.change(describe, picker, echo)
    flip.click(invert, picker, picker)
    for name in ("input", "submit", "focus", "blur", "release"):
        getattr(picker, name)(logger(name), events, [events, events_text])

if __name__ == "__main__":
    demo.launch()
