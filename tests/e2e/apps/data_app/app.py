"""Dataframe (and later Code / DateTime / HighlightedText) in the browser, without numpy/pandas."""

import json

import gradio as gr

XSS = [
    '<img src=x onerror="window.__xss_img=1">',
    "<script>window.__xss_script=1</script>",
    "[link](javascript:window.__xss_link=1)",
    '<svg onload="window.__xss_svg=1"></svg>',
    '<iframe srcdoc="<script>parent.__xss_iframe=1</script>"></iframe>',
    '<a href="javascript:window.__xss_href=1">x</a>',
]


# A 2x2 red PNG.
PIXEL = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==")


def on_select(evt: gr.SelectData):
    return json.dumps({"index": evt.index, "value": evt.value, "row_value": evt.row_value})


def on_tag(evt: gr.SelectData):
    return json.dumps({"index": evt.index, "value": evt.value})


def on_edit(evt: gr.EditData):
    return json.dumps({"index": evt.index, "value": evt.value, "previous_value": evt.previous_value})


with gr.Blocks() as demo:
    table = gr.Dataframe(
        [[3, "cherry", True], [1, "apple", False], [2, "banana", True]],
        headers=["n", "fruit", "ripe"],
        datatype=["number", "str", "bool"],
        interactive=True,
        type="array",
        label="Fruits",
        show_search="search",
        buttons=["copy", "fullscreen"],
        show_row_numbers=True,
    )
    changed = gr.Textbox(label="Changed")
    selected = gr.Textbox(label="Selected")
    edited = gr.Textbox(label="Edited")
    table.change(lambda v: json.dumps(v), table, changed)
    table.select(on_select, None, selected)
    table.edit(on_edit, None, edited)

    big = gr.Dataframe(
        [[i, f"row {i}", i * 0.5] for i in range(10_000)],
        headers=["i", "label", "half"],
        datatype=["number", "str", "number"],
        label="Big",
        max_height=300,
        type="array",
    )
    gr.Dataframe(
        [[f"city {i}", i * 10, i % 2 == 0, f"note {i}"] for i in range(12)],
        headers=["city", "pop", "even", "note"],
        datatype=["str", "number", "bool", "str"],
        interactive=True,
        static_columns=[0],
        pinned_columns=1,
        show_search="filter",
        column_widths=["200px", "150px", "150px", "600px"],
        max_chars=5,
        label="Cities",
        type="array",
    )
    rich = gr.Dataframe(
        [[p, p] for p in XSS] + [["**bold**", "<b class='ok'>bold</b>"], ["area $$\\pi r_1^2 + s_2$$", "x"]],
        headers=["md", "html"],
        datatype=["markdown", "html"],
        label="Rich",
        type="array",
    )
    gr.Dataframe([[1, "a"], [2, "b"]], headers=["n", "s"], row_limits=(1, 3), column_limits=(2, 2),
                 interactive=True, label="Limited", type="array")
    fill = gr.Button("Fill")
    fill.click(lambda: [[p, p] for p in XSS] + [["*after*", "<i class='after'>after</i>"]], None, rich)

    code = gr.Code("def add(a, b):\n    return a + b", language="python", interactive=True, label="Source", lines=4)
    code_seen = gr.Textbox(label="Code seen")
    code_events = gr.Textbox(label="Code events")
    code.change(lambda c: c, code, code_seen)
    code.focus(lambda log: (log or "") + "focus;", code_events, code_events)
    code.blur(lambda log: (log or "") + "blur;", code_events, code_events)
    gr.Code("", language="python", interactive=True, autocomplete=True, label="Completing", lines=2)
    shown = gr.Code(language="json", label="Readonly JSON", interactive=False)
    show_json = gr.Button("Show JSON")
    show_json.click(lambda: '{"a": [1, 2, true]}', None, shown)

    when = gr.DateTime("2024-02-28 23:30:00", type="timestamp", timezone="UTC", label="When", interactive=True)
    later = gr.DateTime(label="A day later", timezone="UTC", interactive=False)
    when_submitted = gr.Textbox(label="Submitted")
    when.change(lambda ts: None if ts is None else ts + 86400, when, later)
    when.submit(lambda ts: repr(ts), when, when_submitted)
    day = gr.DateTime(include_time=False, type="datetime", label="Day", interactive=True)
    day_seen = gr.Textbox(label="Day seen")
    day.change(lambda d: "" if d is None else d.isoformat(), day, day_seen)

    tagged = gr.HighlightedText(
        [("Ada", "PER"), (" met ", None), ("Charles", "PER"), (" in ", None), ("London", "LOC"), (" <b>!</b> ", None)]
        + [(f"x{i}", p) for i, p in enumerate(XSS)],
        color_map={"PER": "#3b82f6", "LOC": "yellow"},
        show_legend=True,
        label="Entities",
    )
    tag_selected = gr.Textbox(label="Tag selected")
    tagged.select(on_tag, None, tag_selected)
    diff = gr.HighlightedText(label="Diff", combine_adjacent=True, show_legend=True, color_map={"+": "red", "-": "green"})
    gr.Button("Diff").click(lambda: [("a", None), ("b", "+"), ("c", "+"), ("d", "-")], None, diff)

    editable = gr.HighlightedText(
        [("Ada", "PER"), (" met Charles in London", None)],
        interactive=True,
        color_map={"PER": "#3b82f6"},
        label="Editable tags",
    )
    tags_seen = gr.Textbox(label="Tags seen")
    editable.change(lambda v: json.dumps(v), editable, tags_seen)

    gr.Dataframe(
        [[PIXEL, "red dot"], ["javascript:window.__xss_imgcell=1", "refused"]],
        headers=["picture", "what"],
        datatype=["image", "str"],
        label="Pictures",
        type="array",
    )
    gr.Dataframe({"data": [["bar", 70]], "headers": ["what", "score"],
                  "metadata": {"styling": [["", "background: linear-gradient(90deg, rgba(220, 242, 220) 70%, transparent 70%)"]],
                               "display_value": [["* bar", "70 %"]]}}, label="Data bars", type="array")
    gr.JSON({p: {"nested " + p: [p, {"k": p}]} for p in XSS}, label="Hostile JSON", open=True)

    gr.ParamViewer(
        {"number": {"type": "int | float", "description": "The **number** to round <img src=x onerror='window.__xss_pv=1'>", "default": None},
         "ndigits": {"type": "int", "description": "Digits to keep", "default": "0"}},
    )

    visits = gr.BrowserState(0, storage_key="data-app-visits")
    visit_count = gr.Textbox(label="Visits")
    gr.Button("Visit").click(lambda n: (n + 1, str(n + 1)), visits, [visits, visit_count])
    gr.Button("Show visits").click(lambda n: str(n), visits, visit_count)

demo.launch()
