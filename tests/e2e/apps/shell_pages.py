"""A two-page app (demo.route) for tests/e2e/test_shell_pages.py."""

import gradio as gr

with gr.Blocks() as demo:
    nav = gr.Navbar(value=[("Docs", "about-us")], main_page_name="Start")
    name = gr.Textbox(label="Name")
    greet = gr.Button("Greet")
    out = gr.Textbox(label="Greeting")
    greet.click(lambda n: f"Hello {n}!", name, out)
    more = gr.Button("More links")
    more.click(lambda: [("Docs", "about-us"), ("Query", "counter-page?x=1")], None, nav)

with demo.route("Counter Page") as counter:
    num = gr.Number(label="Count")
    counter.load(lambda: 41, None, num)
    inc = gr.Button("Increase")
    inc.click(lambda x: x + 1, num, num)

with demo.route("About", "/about-us", show_in_navbar=False):
    gr.Markdown("About this app")

if __name__ == "__main__":
    demo.launch()
