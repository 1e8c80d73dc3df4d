"""show_error=True: exception text and the Python traceback reach the UI."""

import gradio as gr


def explode(x):
    raise ValueError(f"bad value {x!r}")


def ok(x):
    return f"ok {x}"


def nothing(x):
    return None  # for two outputs: Gradio's "didn't return enough output values" error


def check_age(age, name):
    return [gr.validate(age is not None and age >= 18, "Must be an adult"), gr.validate(bool(name), "Name is required")]


with gr.Blocks() as demo:
    inp = gr.Textbox(label="Input", value="42")
    out = gr.Textbox(label="Output")
    gr.Button("Explode").click(explode, inp, out)
    gr.Button("Fine").click(ok, inp, out, show_progress="hidden")
    gr.Button("Nothing").click(nothing, inp, [inp, out])
    age = gr.Number(label="Age", value=10)
    who = gr.Textbox(label="Who", value="Ann")
    chain = gr.Textbox(label="Chain")
    reg = gr.Button("Register").click(lambda a, n: f"registered {n} ({a:g})", [age, who], out, validator=check_age)
    # A validator's rejection runs neither .then() nor .failure() (Gradio 6.31).
    reg.then(lambda c: c + "then;", chain, chain)
    reg.failure(lambda c: c + "failure;", chain, chain)

demo.launch(show_error=True)
