"""gr.HTML as a custom-component system, for tests/e2e/test_html_component_browser.py."""

from pathlib import Path

import gradio as gr


class StarRating(gr.HTML):
    """A star rating made of gr.HTML: props, css_template, js_on_load, a custom event."""

    def __init__(self, label, value=0, **kwargs):
        super().__init__(
            value=value,
            label=label,
            html_template="""
            <h2>${label} rating</h2>
            ${Array.from({length: max_stars}, (_, i) =>
                `<button class='star ${i < value ? 'on' : 'off'}' aria-label='${i + 1} stars'>★</button>`).join('')}
            <button class='send'>Send rating</button>
            """,
            css_template="""
            .star { font-size: ${size}px; background: none; border: none; cursor: pointer; }
            .on { color: ${color}; }
            .off { color: gray; opacity: 0.4; }
            """,
            js_on_load="""
            element.addEventListener('click', (e) => {
                const star = e.target.closest('.star');
                if (star) props.value = [...element.querySelectorAll('.star')].indexOf(star) + 1;
                if (e.target.closest('.send')) trigger('rate', {stars: props.value});
            });
            """,
            **kwargs,
        )

    def api_info(self):
        return {"type": "integer", "minimum": 0}


def list_items(prefix):
    return [f"{prefix}-{i}" for i in range(3)]


with gr.Blocks() as demo:
    stars = StarRating("Food", 2, max_stars=5, size=24, color="rgb(255, 0, 0)", elem_id="stars")
    rated = gr.Textbox(label="Rated")
    changes = gr.Textbox(label="Star changes")
    more = gr.Button("More stars")

    def on_rate(evt: gr.EventData):
        return f"rated {evt.stars}"

    stars.rate(on_rate, None, rated)
    stars.change(lambda v: f"value {v} ({type(v).__name__})", stars, changes)
    more.click(lambda: gr.HTML(max_stars=7, color="rgb(0, 0, 255)"), None, stars)

    with gr.HTML(
        html_template="<h3 class='title'>${title}</h3>@children<button class='go'>Go</button>",
        css_template="border: 2px solid rgb(0, 128, 0); .title { color: rgb(0, 128, 0); }",
        js_on_load="element.querySelector('.go').addEventListener('click', () => trigger('submit'));",
        title="Contact form",
        elem_id="form",
    ) as form:
        name = gr.Textbox(label="Name")
    greeting = gr.Textbox(label="Greeting")
    form.submit(lambda n: f"Hello {n}", name, greeting)

    gr.HTML(
        "pre",
        html_template="<button class='load'>Load items</button><ul class='items'></ul>",
        js_on_load="""
        element.querySelector('.load').addEventListener('click', async () => {
            const items = await server.list_items(props.value);
            element.querySelector('.items').innerHTML = items.map((i) => `<li>${i}</li>`).join('');
        });
        """,
        server_functions=[list_items],
        elem_id="server",
    )

    uploader = gr.HTML(
        html_template="<input type='file' class='pick'><button class='up'>Upload</button><span class='path'>${value}</span>",
        js_on_load="""
        element.querySelector('.up').addEventListener('click', async () => {
            const { path } = await upload(element.querySelector('.pick').files[0]);
            props.value = path;
        });
        """,
        elem_id="uploader",
    )
    read = gr.Button("Read upload")
    content = gr.Textbox(label="Uploaded text")
    read.click(lambda p: Path(p).read_text(), uploader, content)

    payload = gr.Textbox(label="Payload")
    shown = gr.HTML("", html_template="<p class='hb'>{{value}}</p><p class='lit'>${value}</p>", elem_id="shown")
    payload.submit(lambda x: x, payload, shown)

    counter = gr.HTML(0, html_template="<span class='count'>${value}</span>",
                      js_on_load="watch('value', () => { element.dataset.seen = String(props.value); });",
                      elem_id="counter")
    gr.Button("Increment").click(lambda x: x + 1, counter, counter)

    gr.HTML(
        html_template="<div class='order'>pending</div><span class='from-head'>styled by head</span>",
        head=('<script src="data:text/javascript,window.__core=1"></script>'
              '<script src="data:text/javascript,window.__plugin=window.__core%2B1"></script>'
              '<style>.from-head { color: rgb(1, 2, 3); }</style>'),
        js_on_load="element.querySelector('.order').textContent = 'plugin=' + window.__plugin;",
        elem_id="head",
    )

    # gr.HTML inside @gr.render: each run's block runs its own js_on_load (render_merge's case).
    count = gr.State(1)

    @gr.render(inputs=count)
    def render_buttons(n):
        buttons = gr.HTML(
            "".join(f"<button>Rendered {i}</button>" for i in range(n)),
            js_on_load="element.querySelectorAll('button').forEach((b) => "
                       "b.addEventListener('click', () => trigger('click', {clicked: b.innerText})));",
            elem_id="rendered",
        )
        clicked = gr.Textbox(label="Rendered clicked")

        def pick(evt: gr.EventData):
            return evt.clicked

        buttons.click(pick, None, clicked)

    gr.Button("Add rendered button").click(lambda n: n + 1, count, count)


if __name__ == "__main__":
    demo.launch()
