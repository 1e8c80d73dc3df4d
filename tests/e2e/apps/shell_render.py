"""@gr.render apps for tests/e2e/test_shell_render.py."""

import gradio as gr

with gr.Blocks() as demo:
    names = gr.Textbox(label="Names")

    @gr.render(inputs=names)
    def notes(text):
        for name in text.split():
            with gr.Row(key=f"row-{name}"):
                box = gr.Textbox(label=f"Note {name}", key=f"note-{name}")
                loose = gr.Textbox(label=f"Loose {name}")
                btn = gr.Button(f"Upper {name}", key=f"up-{name}")
                btn.click(lambda s: s.upper(), box, box)

    count = gr.Number(2, label="Count")
    go = gr.Button("Make")

    @gr.render(inputs=count, triggers=[go.click], queue=False)
    def outer(n):
        for i in range(int(n)):
            gr.Markdown(f"item {i}")
        src = gr.Textbox("p q", label="Inner words", key="inner-src")

        @gr.render(inputs=src)
        def inner(s):
            for w in s.split():
                gr.Button(f"inner {w}")

if __name__ == "__main__":
    demo.launch()
