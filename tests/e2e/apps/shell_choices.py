"""Choice components, Examples (Dataset) and Timer, for tests/e2e/test_shell_choices.py."""

import gradio as gr

TICKS = {"n": 0}


def summary(radio, group, single, multi, custom):
    return f"radio={radio} group={group} single={single} multi={multi} custom={custom}"


def new_choices():
    return gr.update(choices=["x", "y", "z"], value="y", label="Renamed radio")


def tick(n):
    return n + 1


with gr.Blocks() as demo:
    radio = gr.Radio(["red", "green", "blue"], value="red", label="Colour")
    group = gr.CheckboxGroup(["a", "b", "c"], value=["a"], label="Letters")
    single = gr.Dropdown([("One", 1), ("Two", 2), ("Three", 3)], value=1, label="Number choice")
    multi = gr.Dropdown(["cat", "dog", "cow"], value=["dog"], multiselect=True, label="Animals", max_choices=2)
    custom = gr.Dropdown(["alpha", "beta"], value="alpha", allow_custom_value=True, label="Custom")
    out = gr.Textbox(label="Summary")
    go = gr.Button("Summarise")
    swap = gr.Button("Swap choices")

    text = gr.Textbox(label="Example text")
    amount = gr.Number(label="Example amount")
    gr.Examples([["first example", 1], ["second example", 2]], inputs=[text, amount])

    timer = gr.Timer(0.3)
    ticks = gr.Number(label="Ticks", value=0)
    stop = gr.Button("Stop timer")
    timer_state = gr.Textbox(label="Timer state")

    go.click(summary, [radio, group, single, multi, custom], out)
    swap.click(new_choices, None, radio)
    timer.tick(tick, ticks, ticks)
    # The .then output tells the test that the Timer update has been applied.
    stop.click(lambda: gr.Timer(active=False), None, timer).then(lambda: "stopped", None, timer_state)

demo.launch()
