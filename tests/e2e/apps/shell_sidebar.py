"""gr.Sidebar: toggled by the user (expand/collapse reach Python) and by event outputs."""

import wasmui as gr

with gr.Blocks() as demo:
    with gr.Sidebar(label="Menu", position="left", width=280) as sidebar:
        gr.Markdown("## Filters")
        query = gr.Textbox("cats", label="Search in sidebar")
    log = gr.Textbox(label="Sidebar log")
    reopen = gr.Button("Open sidebar again")
    shown = gr.Textbox(label="Echo")

    sidebar.collapse(lambda s: (s or "") + "collapse;", log, log)
    sidebar.expand(lambda s: (s or "") + "expand;", log, log)
    reopen.click(lambda: gr.Sidebar(open=True), None, sidebar)
    query.submit(lambda q: q.upper(), query, shown)
