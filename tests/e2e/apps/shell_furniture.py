"""Layout furniture in the shell (Walkthrough/Step, Draggable), for tests/e2e/test_shell_furniture.py."""

import gradio as gr


def picked(evt: gr.SelectData):
    return f"{evt.index}:{evt.value}:{evt.selected}"


with gr.Blocks() as demo:
    with gr.Walkthrough(selected=0) as walk:
        with gr.Step("Name", id=0) as step_name:
            name = gr.Textbox(label="Your name")
            to_two = gr.Button("Next")
        with gr.Step("Greeting", id=1) as step_greet:
            greeting = gr.Textbox(label="Greeting")
            to_three = gr.Button("Finish")
        with gr.Step("Done", id=2):
            gr.Markdown("All done")
    changes = gr.Number(label="Walk changes", value=0)
    walk_sel = gr.Textbox(label="Walk select")
    step_sel = gr.Textbox(label="Step select")

    to_two.click(lambda n: (gr.Walkthrough(selected=1), f"Hello {n}!"), name, [walk, greeting])
    to_three.click(lambda: gr.Walkthrough(selected=2), None, walk)
    walk.change(lambda n: n + 1, changes, changes)
    walk.select(picked, None, walk_sel)
    step_greet.select(picked, None, step_sel)

    with gr.Draggable(orientation="row", elem_id="drag"):
        gr.Textbox("a", label="Card A", interactive=True)
        gr.Textbox("b", label="Card B")
        with gr.Group():
            gr.Textbox("c", label="Card C")

    login = gr.LoginButton()
    who = gr.Textbox(label="Who")
    ask = gr.Button("Who is signed in?")

    def whoami(profile: gr.OAuthProfile | None) -> str:
        return "nobody" if profile is None else profile.username

    ask.click(whoami, None, who)

demo.launch()
