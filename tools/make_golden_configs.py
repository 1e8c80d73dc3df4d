"""Record the config entries real Gradio produces, as golden files for wasmui's tests.

Run with a Python that has the real ``gradio`` installed (not wasmui's alias):

    python tools/make_golden_configs.py tests/core/golden/components.json

The same constructor calls (``CASES``) are replayed against wasmui by
``tests/core/test_golden_config.py``, which compares the entries field by field.
"""

from __future__ import annotations

import json
import sys

# (name, expression using `gr`) — each builds one component inside a Blocks.
CASES: list[tuple[str, str]] = [
    ("textbox_default", "gr.Textbox()"),
    ("textbox_full", "gr.Textbox('World', label='Name', lines=3, placeholder='type', info='help', max_length=20)"),
    ("textbox_password", "gr.Textbox(type='password', label='pw')"),
    ("textarea", "gr.TextArea(label='long')"),
    ("number_default", "gr.Number()"),
    ("number_full", "gr.Number(5, label='n', precision=0, minimum=0, maximum=10, step=2)"),
    ("slider_default", "gr.Slider()"),
    ("slider_full", "gr.Slider(0, 10, value=3, step=0.5, label='s', info='i')"),
    ("slider_small", "gr.Slider(0, 1)"),
    ("checkbox_default", "gr.Checkbox()"),
    ("checkbox_full", "gr.Checkbox(True, label='ok', info='tick')"),
    ("button_default", "gr.Button()"),
    ("button_full", "gr.Button('Go', variant='primary', size='sm', link='/x')"),
    ("markdown_default", "gr.Markdown()"),
    ("markdown_value", "gr.Markdown('  # Title\\n  text')"),
    ("html_default", "gr.HTML()"),
    ("html_value", "gr.HTML('<b>hi</b>', label='h')"),
    ("html_full", "gr.HTML(7, size=40, max_stars=10, html_template='<h2>${label}</h2>${value}', css_template='img { height: ${size}px; }', "
     "js_on_load=\"trigger('keypress', {key: 1})\", apply_default_css=False, head='<script src=\"/a.js\"></script>', "
     "min_height=10, max_height=20, padding=True, autoscroll=True, container=True, show_label=True, label='L', elem_id='e')"),
    ("html_list_value", "gr.HTML(['a', 'b'], html_template='{{#each value}}<li>{{this}}</li>{{/each}}', server_functions=[lambda p: p])"),
    ("json_default", "gr.JSON()"),
    ("json_value", "gr.JSON({'a': [1, 2]}, label='j', open=True)"),
    ("label_default", "gr.Label()"),
    ("label_value", "gr.Label({'cat': 0.7, 'dog': 0.3}, num_top_classes=1)"),
    ("state_default", "gr.State()"),
    ("state_value", "gr.State([1, 2])"),
    ("file_default", "gr.File()"),
    ("file_multiple", "gr.File(file_count='multiple', file_types=['.txt', 'image'], label='f')"),
    ("radio", "gr.Radio(['a', 'b'], value='a', label='r')"),
    ("radio_pairs", "gr.Radio([('One', 1), ('Two', 2)], type='index')"),
    ("checkboxgroup", "gr.CheckboxGroup(['x', 'y', 'z'], value=['x'], show_select_all=True)"),
    ("dropdown_default", "gr.Dropdown(['a', 'b'])"),
    ("dropdown_multi", "gr.Dropdown(['a', 'b', 'c'], multiselect=True, max_choices=2, allow_custom_value=True)"),
    ("timer", "gr.Timer(2, active=False)"),
    ("navbar_default", "gr.Navbar()"),
    ("navbar_full", "gr.Navbar(value=[('Main Page', ''), ('Page 2', 'second')], visible=False, main_page_name=False)"),
    ("clearbutton", "gr.ClearButton(value='Reset')"),
    ("duplicatebutton_default", "gr.DuplicateButton()"),
    # Gradio's default icon is a file in its own package; wasmui's LoginButton has none.
    ("loginbutton", "gr.LoginButton(icon=None)"),
    ("loginbutton_full", "gr.LoginButton('Sign in', logout_value='Bye {}', variant='primary', size='sm', icon=None, scale=1)"),
    # Gradio's default icon is a file in its own package; wasmui's DeepLinkButton has none.
    ("deeplinkbutton", "gr.DeepLinkButton(icon=None)"),
    ("deeplinkbutton_full", "gr.DeepLinkButton('Share', 'Copied', variant='primary', size='sm', icon=None, scale=2, elem_id='ignored', visible=False)"),
    ("duplicatebutton_full", "gr.DuplicateButton('Copy me', variant='primary', size='lg', scale=1, visible=False)"),
    ("dataset", "gr.Dataset(components=[gr.Textbox(render=False)], samples=[['a'], ['b']], label='d')"),
    ("image_default", "gr.Image()"),
    ("image_full", "gr.Image(type='pil', image_mode='L', sources=['upload', 'webcam'], buttons=['download'], placeholder='drop', height=300, width=200, label='x', format='png', webcam_options=gr.WebcamOptions(mirror=False))"),
    ("image_streaming", "gr.Image(streaming=True, sources='webcam', interactive=True)"),
    ("image_filepath", "gr.Image(type='filepath', image_mode=None, show_label=False, container=False, watermark=gr.WatermarkOptions(position='top-left'))"),
    ("image_alt", "gr.Image(alt_text='A bus', label='b')"),
    ("gallery_default", "gr.Gallery()"),
    ("gallery_full", "gr.Gallery(columns=3, rows=2, object_fit='cover', preview=True, selected_index=1, allow_preview=False, file_types=['image'], interactive=True, height=400, label='g', type='numpy', buttons=['download'])"),
    ("audio_default", "gr.Audio()"),
    ("audio_full", "gr.Audio(type='filepath', sources=['microphone'], label='mic', autoplay=True, loop=True, editable=False, buttons=['download'], waveform_options=gr.WaveformOptions(waveform_color='red', sample_rate=16000), format='mp3', recording=True, playback_position=1.5)"),
    ("audio_streaming", "gr.Audio(sources=['microphone'], streaming=True)"),
    ("audio_streaming_output", "gr.Audio(streaming=True, autoplay=True, interactive=False, elem_id='out')"),
    ("audio_subtitles", "gr.Audio(sources='upload', subtitles=[{'text': 'hi', 'timestamp': [0, 1]}], waveform_options={'skip_length': 2})"),
    ("video_default", "gr.Video()"),
    ("video_full", "gr.Video(sources='webcam', include_audio=True, autoplay=True, loop=True, playback_position=2.5, height=300, width=200, format='mp4', webcam_options=gr.WebcamOptions(mirror=False), buttons=[], label='v')"),
    ("video_upload", "gr.Video(sources=['upload'], interactive=True, watermark=gr.WatermarkOptions(position='top-left'))"),
    ("video_webcam_default_audio", "gr.Video(sources=['webcam'])"),
    ("video_streaming_output", "gr.Video(streaming=True, autoplay=True, label='Streamed video')"),
    ("uploadbutton_default", "gr.UploadButton()"),
    ("uploadbutton_full", "gr.UploadButton('Up', file_count='multiple', file_types=['.txt', 'image'], type='binary', variant='primary', size='sm', scale=2, min_width=80)"),
    ("downloadbutton_default", "gr.DownloadButton()"),
    ("downloadbutton_full", "gr.DownloadButton('Get', variant='primary', size='md', interactive=False, visible=False)"),
    ("annotatedimage_default", "gr.AnnotatedImage()"),
    ("annotatedimage_full", "gr.AnnotatedImage(show_legend=False, height=200, width=300, color_map={'a': '#ff0000'}, label='seg', format='png')"),
    # gr._simple_templates.SimpleImage: not a top-level name, reached as Gradio's apps reach it.
    ("simpleimage_default", "gr._simple_templates.SimpleImage()"),
    ("simpleimage_full", "gr._simple_templates.SimpleImage(label='s', show_download_button=False, interactive=True, "
                         "container=False, scale=2, min_width=100, visible='hidden', elem_id='si', elem_classes='c')"),
    ("imageslider_default", "gr.ImageSlider()"),
    ("imageslider_full", "gr.ImageSlider(type='pil', image_mode='L', slider_position=30, max_height=300, buttons=['download'], label='cmp', interactive=True)"),
    ("files_default", "gr.Files(label='fs')"),
    ("numpy_template", "gr.Numpy()"),
    ("matrix_template", "gr.Matrix(label='m')"),
    ("list_template", "gr.List()"),
    ("playable_video", "gr.PlayableVideo()"),
    ("microphone_template", "gr.Microphone()"),
    ("mic_template", "gr.Mic(label='say')"),
    # issue 8: ImageEditor and its templates
    ("imageeditor_default", "gr.ImageEditor()"),
    ("imageeditor_full", "gr.ImageEditor(type='pil', image_mode='RGB', sources='upload', canvas_size=(300, 200), fixed_canvas=True, "
     "transforms=(), brush=gr.Brush(colors=['#ff0000', ('#00ff00', 0.5)], default_size=5, color_mode='fixed'), eraser=False, "
     "layers=gr.LayerOptions(allow_additional_layers=False, layers=['Mask', 'Top']), buttons=['download'], placeholder='drop', "
     "format='png', label='ed', height=400, width=300, webcam_options=gr.WebcamOptions(mirror=False))"),
    ("imageeditor_off", "gr.ImageEditor(layers=False, brush=False, sources=None, transforms=None, eraser=gr.Eraser(default_size=3), interactive=True)"),
    ("imageeditor_empty_value", "gr.ImageEditor(value={'background': None, 'layers': [], 'composite': None}, type='filepath')"),
    ("sketchpad_default", "gr.Sketchpad()"),
    ("sketchpad_full", "gr.Sketchpad(canvas_size=(256, 256), brush=gr.Brush(colors=['#0000ff'], default_size=8), label='draw', type='pil', layers=False)"),
    ("paint_default", "gr.Paint()"),
    ("imagemask_default", "gr.ImageMask()"),
    ("imagemask_full", "gr.ImageMask(sources=['upload'], type='filepath', layers=True, brush=gr.Brush(colors=['#ffffff'], color_mode='fixed', default_size=20), image_mode='L')"),
    ("colorpicker_default", "gr.ColorPicker()"),
    ("colorpicker_full", "gr.ColorPicker('#ff0000', label='Colour', info='pick one', show_label=False, container=False, scale=2, min_width=100, interactive=True, elem_id='cp', elem_classes=['a'], key='k', preserved_by_key=None)"),
    ("colorpicker_hidden", "gr.ColorPicker(visible='hidden', interactive=False)"),
    ("model3d_default", "gr.Model3D()"),
    ("model3d_full", "gr.Model3D(clear_color=(0.1, 0.2, 0.3, 1.0), camera_position=(90, None, 5), zoom_speed=0.5, pan_speed=2, display_mode='wireframe', height=300, label='m', interactive=True)"),
    ("fileexplorer_default", "gr.FileExplorer(root_dir='/tmp')"),
    ("fileexplorer_full", "gr.FileExplorer(glob='**/*.py', root_dir='/tmp', ignore_glob='*.txt', file_count='single', value='sub/b.py', label='fe', height=200, max_height=None, min_height=100)"),
    ("fileexplorer_abs_value", "gr.FileExplorer(root_dir='/tmp', value=['/tmp/a.txt', '/tmp/sub/b.py'], interactive=True)"),
    ("row", "gr.Row()"),
    ("column", "gr.Column(scale=2, min_width=100, variant='panel')"),
    ("group", "gr.Group()"),
    ("tabs", "gr.Tabs(selected=1)"),
    ("tab", "gr.Tab('First', id=1)"),
    ("accordion", "gr.Accordion('More', open=False)"),
    ("walkthrough", "gr.Walkthrough(selected=1)"),
    ("walkthrough_default", "gr.Walkthrough()"),
    ("step", "gr.Step('First', id=1)"),
    ("draggable", "gr.Draggable(orientation='row')"),
    ("draggable_default", "gr.Draggable()"),
    ("sidebar_default", "gr.Sidebar()"),
    ("sidebar_full", "gr.Sidebar(label='Menu', open=False, width='25%', position='right', elem_id='sb', elem_classes=['x'])"),
    # issue 10: data components
    ("dataframe_default", "gr.Dataframe()"),
    ("dataframe_list", "gr.Dataframe([[1, 'a'], [2, 'b']], headers=['n', 's'], datatype=['number', 'str'], interactive=True)"),
    ("dataframe_dict", "gr.Dataframe({'headers': ['x'], 'data': [[1], [2]]}, row_count=(2, 'fixed'), col_count=(1, 'fixed'))"),
    ("dataframe_full", "gr.Dataframe(headers=['a', 'b'], column_count=2, row_count=4, max_height=300, wrap=True, "
     "column_widths=[100, '30%'], buttons=['copy', 'fullscreen'], show_row_numbers=True, max_chars=10, "
     "show_search='filter', pinned_columns=1, static_columns=[0], type='array', label='t')"),
    ("code_default", "gr.Code()"),
    ("code_full", "gr.Code('  x = 1  ', language='python', lines=3, max_lines=2, interactive=True, wrap_lines=True, "
     "show_line_numbers=False, autocomplete=True, buttons=['copy'], label='c')"),
    ("datetime_default", "gr.DateTime()"),
    ("datetime_full", "gr.DateTime('2024-01-01', include_time=False, type='string', timezone='Europe/Paris', label='d', info='i', interactive=True)"),
    ("datetime_timestamp", "gr.DateTime(0, timezone='UTC')"),
    ("highlightedtext_default", "gr.HighlightedText()"),
    ("highlightedtext_full", "gr.HighlightedText([('a', 'x'), ('b', 'x'), ('c', None), ('', 'x')], color_map={'x': 'red'}, "
     "combine_adjacent=True, adjacent_separator=' ', show_legend=True, show_inline_category=False, rtl=True, label='h')"),
    ("highlightedtext_entities", "gr.HighlightedText({'text': 'Hi Ada Lovelace!', 'entities': [{'entity': 'PER', 'start': 3, 'end': 15}]}, "
     "show_whitespaces=False, interactive=True)"),
    ("paramviewer_default", "gr.ParamViewer()"),
    ("paramviewer_value", "gr.ParamViewer({'n': {'type': 'int', 'description': 'How many', 'default': '1'}}, language='typescript', "
     "header='Args', anchor_links='fn', max_height=200, linkify=['Tool'])"),
    ("browserstate", "gr.BrowserState([1, {'a': 2}], storage_key='k', secret='s')"),
    ("dataframe_short_row", "gr.Dataframe([[1, 2, 3, 4]], headers=['a', 'b'], column_count=2)"),
    # issue 10: native plots (pandas built inline: the expressions only see `gr`)
    ("lineplot_default", "gr.LinePlot()"),
    ("scatterplot_label", "gr.ScatterPlot(label='pts', x='a', y='b')"),
    ("barplot_default", "gr.BarPlot()"),
    ("lineplot_xy_color", "gr.LinePlot(__import__('pandas').DataFrame({'a': [1, 2, 3], 'b': [4.5, None, 6], "
     "'c': ['x', 'y', 'x'], 't': __import__('pandas').to_datetime(['2024-01-01', '2024-01-02', '2024-01-03'])}), "
     "x='a', y='b', color='c')"),
    ("barplot_bin_aggregate", "gr.BarPlot(__import__('pandas').DataFrame({'n': [1.5, 2.5, 7.0], 'v': [1, 2, 3]}), "
     "x='n', y='v', x_bin=5, y_aggregate='mean')"),
    ("barplot_dtypes", "gr.BarPlot(__import__('pandas').DataFrame({'k': __import__('pandas').Categorical(['a', 'b']), "
     "'ok': [True, False], 'i': [1, 2], 'tz': __import__('pandas').to_datetime(['2024-01-01 10:00', '2024-01-02 00:00'])"
     ".tz_localize('Europe/Paris'), 's': ['<b>x</b>', None]}), x='k', y='i')"),
    ("scatterplot_time_bin", "gr.ScatterPlot(x='t', y='v', x_bin='1h', y_aggregate='count')"),
    ("barplot_color_map", "gr.BarPlot(x='k', y='v', color='k', color_map={'a': 'red', 'b': '#00ff00'}, "
     "colors_in_legend=['a'], color_title='Kind')"),
    ("lineplot_limits", "gr.LinePlot(x='a', y='b', x_lim=[0, 10], y_lim=[None, 5])"),
    ("barplot_sort", "gr.BarPlot(x='k', y='v', sort='-y')"),
    ("barplot_sort_list", "gr.BarPlot(x='k', y='v', sort=['b', 'a'])"),
    ("lineplot_labels", "gr.LinePlot(x='a', y='b', x_title='X', y_title='Y', x_label_angle=45, y_label_angle=-10, "
     "x_axis_format='.2f', y_axis_format='~g', x_axis_labels_visible='hidden')"),
    ("scatterplot_title_caption", "gr.ScatterPlot(x='a', y='b', title='Title', caption='Caption', label='L', "
     "show_label=True)"),
    ("lineplot_tooltips", "gr.LinePlot(x='a', y='b', tooltip=['c', 'd'])"),
    ("scatterplot_tooltip_all", "gr.ScatterPlot(x='a', y='b', tooltip='all')"),
    ("barplot_tooltip_none_height", "gr.BarPlot(x='a', y='b', tooltip='none', height=250)"),
    ("lineplot_full", "gr.LinePlot(x='a', y='b', label='L', container=False, scale=2, min_width=100, "
     "visible='hidden', elem_id='e', elem_classes='k', buttons=['fullscreen', 'export'], key='kk', "
     "preserved_by_key=None)"),
    # issue 9: chat
    ("chatbot_default", "gr.Chatbot()"),
    ("chatbot_value", "gr.Chatbot([{'role': 'user', 'content': 'hi'}, gr.ChatMessage('**yo**', metadata={'title': 'Thinking', 'id': 1, 'status': 'pending'})])"),
    ("chatbot_full", "gr.Chatbot(label='Chat', height=500, layout='panel', placeholder='**Ask**', editable='all', rtl=True, "
                     "buttons=['copy'], feedback_options=['Like', 'Dislike', 'Spam'], feedback_value=['Like'], watermark='AI', "
                     "latex_delimiters=[{'left': '$', 'right': '$', 'display': False}], render_markdown=False, line_breaks=False, "
                     "group_consecutive_messages=False, allow_tags=['thinking'], like_user_message=True, resizable=True, "
                     "min_height=100, max_height=800, examples=[{'text': 'Hello', 'display_text': 'Say hi'}])"),
    ("chatbot_reasoning", "gr.Chatbot([{'role': 'assistant', 'content': '<think>plan</think>Answer'}], reasoning_tags=[('<think>', '</think>')])"),
    ("multimodaltextbox_default", "gr.MultimodalTextbox()"),
    ("multimodaltextbox_full", "gr.MultimodalTextbox({'text': 'hi', 'files': []}, file_types=['image', '.pdf'], file_count='multiple', "
                               "placeholder='Type', sources=['upload', 'microphone'], stop_btn=True, max_plain_text_length=50, lines=2)"),
    ("browserstate", "gr.BrowserState([1], storage_key='k', secret='s')"),
    ("plot_default", "gr.Plot()"),
    ("plot_full", "gr.Plot(format='png', label='Chart', show_label=False, container=False, scale=2, min_width=100, "
                  "visible='hidden', elem_id='p', elem_classes=['a'], key='k', preserved_by_key=None, buttons=[])"),
    ("dialogue_default", "gr.Dialogue()"),
    ("dialogue_full", "gr.Dialogue([{'speaker': 'A', 'text': 'hi'}, {'speaker': 'B', 'text': 'yo'}], type='list', speakers=['A', 'B'], "
                      "tags=['(laughs)'], separator=' | ', color_map={'A': 'red'}, label='Talk', placeholder='say', max_lines=4, "
                      "buttons=['copy'], submit_btn='Send', ui_mode='dialogue', interactive=True, autoscroll=False)"),
    ("dialogue_text", "gr.Dialogue('plain words', interactive=False, ui_mode='text', info='i')"),
]

# Whole apps (Python source defining `demo`, with `gr` in scope) whose layout tree and
# dependency wiring are recorded (``layouts.json``; ``tests/core/test_golden_layouts.py``).
LAYOUT_CASES: dict[str, str] = {
    # Gradio shares one State between the input and the output and leaves it out of the output column.
    "interface_state": "def f(x, s):\n    return x, s\ndemo = gr.Interface(f, ['text', 'state'], ['text', 'state'])",
    "interface_state_instance": "def f(s, x):\n    return s, x\n"
                                "demo = gr.Interface(f, [gr.State([1]), gr.Textbox()], ['state', gr.Textbox()], examples=[['a']])",
}

# Props whose values legitimately differ between implementations or runs.
VOLATILE = {"component_class_id", "id", "key"}


def entry_for(gr, expr: str) -> dict:
    with gr.Blocks() as demo:
        block = eval(expr, {"gr": gr})  # noqa: S307 - fixed expressions above
    for comp in demo.get_config_file()["components"] if hasattr(demo, "get_config_file") else demo.config["components"]:
        if comp["id"] == block._id:
            return {k: v for k, v in comp.items() if k not in VOLATILE}
    raise LookupError(expr)


def layout_for(gr, src: str) -> dict:
    """Case ``src``'s layout tree (block types, nested) and each dependency's targets, inputs
    and outputs, with blocks numbered in layout order (ids count up per process)."""
    scope = {"gr": gr}
    exec(src, scope)  # noqa: S102 - fixed sources above
    cfg = scope["demo"].get_config_file() if hasattr(scope["demo"], "get_config_file") else scope["demo"].get_config()
    types = {c["id"]: c["type"] for c in cfg["components"]}
    order: dict[int, int] = {}

    def tree(node: dict) -> list:
        order[node["id"]] = len(order)
        return [types.get(node["id"], "root"), [tree(c) for c in node.get("children", [])]]

    layout = tree(cfg["layout"])
    # A block the layout does not hold is named by its type.
    name = lambda i: order.get(i, f"unplaced {types.get(i)}")  # noqa: E731
    deps = [{"targets": [[name(t[0]), t[1]] for t in d["targets"]], "inputs": [name(i) for i in d["inputs"]],
             "outputs": [name(o) for o in d["outputs"]]} for d in cfg["dependencies"]]
    return {"layout": layout, "dependencies": deps}


def signatures(gr) -> dict:
    """Constructor argument names and event names of every Gradio component class."""
    import inspect

    from gradio.components import Component

    out = {}
    for name in sorted(dir(gr)):
        cls = getattr(gr, name)
        if not (isinstance(cls, type) and issubclass(cls, Component)) or name != cls.__name__:
            continue
        params = [p for p in inspect.signature(cls.__init__).parameters if p not in ("self", "kwargs", "args")]
        events = [e if isinstance(e, str) else e.event_name for e in getattr(cls, "EVENTS", [])]
        out[name] = {"params": params, "events": events}
    # The custom-component templates (gr._simple_templates.SimpleImage…) are Gradio components too.
    for name in gr._simple_templates.__all__:
        cls = getattr(gr._simple_templates, name)
        params = [p for p in inspect.signature(cls.__init__).parameters if p not in ("self", "kwargs", "args")]
        out[name] = {"params": params, "events": [e if isinstance(e, str) else e.event_name for e in cls.EVENTS]}
    return out


def main(out: str) -> None:
    import os

    import gradio as gr
    import gradio.routes

    # gr.LoginButton makes Gradio mount its mocked OAuth routes, which want an HF login here.
    gradio.routes.attach_oauth = lambda app: None  # type: ignore[attr-defined]
    golden = {name: {"expr": expr, "entry": entry_for(gr, expr)} for name, expr in CASES}
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"gradio_version": gr.__version__, "cases": golden}, f, indent=1, sort_keys=True, default=lambda o: "<not json>")
    print(f"wrote {len(golden)} cases from gradio {gr.__version__} to {out}")
    sig_out = os.path.join(os.path.dirname(out), "signatures.json")
    classes = signatures(gr)
    with open(sig_out, "w", encoding="utf-8") as f:
        json.dump({"gradio_version": gr.__version__, "classes": classes}, f, indent=1, sort_keys=True)
    print(f"wrote {len(classes)} class signatures to {sig_out}")
    layouts_out = os.path.join(os.path.dirname(out), "layouts.json")
    layouts = {name: {"src": src, **layout_for(gr, src)} for name, src in LAYOUT_CASES.items()}
    with open(layouts_out, "w", encoding="utf-8") as f:
        json.dump({"gradio_version": gr.__version__, "cases": layouts}, f, indent=1, sort_keys=True)
    print(f"wrote {len(layouts)} layouts to {layouts_out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/core/golden/components.json")
