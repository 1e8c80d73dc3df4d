"""Hostile Markdown/HTML payloads: none of them may execute in the shell."""

import gradio as gr

PAYLOAD_MD = """# Safe title
<script>window.__pwned_md_script = true</script>
<img src="x" onerror="window.__pwned_md_img = true">
[click](javascript:window.__pwned_md_link=true)
<iframe src="javascript:parent.__pwned_iframe=true"></iframe>
"""

PAYLOAD_HTML = """<div class='ok'>html ok</div><img src=x onerror="window.__pwned_html_img=true"><script>window.__pwned_html_script=true</script>"""


def hostile():
    return PAYLOAD_MD + "\n\nupdated by event", PAYLOAD_HTML + "<p>updated html</p>"


with gr.Blocks() as demo:
    md = gr.Markdown(PAYLOAD_MD)
    html = gr.HTML(PAYLOAD_HTML)
    btn = gr.Button("Inject")
    btn.click(hostile, None, [md, html])

demo.launch()
