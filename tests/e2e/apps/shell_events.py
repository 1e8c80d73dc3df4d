"""Event-engine behaviours, for tests/e2e/test_shell_events.py."""

import json
import threading
import time

import gradio as gr


def slow_stream(text):
    acc = ""
    for ch in text:
        acc += ch
        time.sleep(0.4)
        yield acc


def fail(x):
    raise gr.Error("custom failure", duration=None, title="Oops")


def crash(x):
    raise ValueError("secret internals")


def echo(x):
    return f"echo:{x}"


def warn(x):
    gr.Warning("careful now")
    gr.Info("just so you know")
    return "warned"


def count_change(text, n):
    return n + 1


# The progress job holds at its second step until the test presses "Release progress",
# so the overlay is checked while the job surely runs, however slow the machine is.
_progress_gate = threading.Event()


def progress_fn(x, progress=gr.Progress()):
    for i in progress.tqdm(range(4), desc="working"):
        if i == 1:
            _progress_gate.wait(timeout=30)
    _progress_gate.clear()
    return "progress done"


def release_progress():
    _progress_gate.set()


def bump(counter):
    return counter + 1


def structures():
    yield {"items": ["a"], "meta": {"state": "start"}}
    time.sleep(0.6)
    yield {"items": ["a", "b"], "meta": {"state": "start", "extra": 1}}
    time.sleep(0.6)
    yield {"items": ["b", "c"], "meta": {"state": "mid"}}
    time.sleep(0.6)
    yield {"items": ["b", "c", "d"], "meta": {"state": "final"}}


RUNS = {"n": 0}


def slow_echo(text):
    RUNS["n"] += 1
    time.sleep(0.5)
    return f"{text}|{RUNS['n']}"


def slow_count(n):
    time.sleep(1.0)
    return n + 1


LONG = {"yields": 0}


def long_task(x):
    LONG["yields"] = 0
    for i in range(100):
        time.sleep(0.2)
        LONG["yields"] += 1
        yield f"tick {i}"


def long_status():
    # Over a window of three ticks: a generator still running would have yielded meanwhile.
    before = LONG["yields"]
    time.sleep(0.6)
    return f"yields={LONG['yields']} grew={LONG['yields'] - before}"


with gr.Blocks() as demo:
    src = gr.Textbox(label="Source", value="abcdef")
    stream_out = gr.Textbox(label="Stream out")
    stream_btn = gr.Button("Stream")

    fail_btn = gr.Button("Fail")
    crash_btn = gr.Button("Crash")
    echo_btn = gr.Button("Echo")
    err_out = gr.Textbox(label="Echo out")

    chain_out = gr.Textbox(label="Chain out")
    after_ok = gr.Textbox(label="After success")
    after_fail = gr.Textbox(label="After failure")
    chain_btn = gr.Button("Chain ok")
    chain_fail_btn = gr.Button("Chain fail")

    warn_btn = gr.Button("Warn")

    typed = gr.Textbox(label="Typed")
    change_count = gr.Number(label="Change count", value=0)
    input_count = gr.Number(label="Input count", value=0)
    mirror = gr.Textbox(label="Mirror")
    mirror_changes = gr.Number(label="Mirror changes", value=0)
    mirror_inputs = gr.Number(label="Mirror inputs", value=0)

    js_in = gr.Textbox(label="JS in", value="lower")
    js_out = gr.Textbox(label="JS out")
    js_btn = gr.Button("Run JS")

    direct_btn = gr.Button("Direct")
    direct_out = gr.Textbox(label="Direct out")

    progress_btn = gr.Button("Progress")
    release_btn = gr.Button("Release progress")
    progress_out = gr.Textbox(label="Progress out")

    counter = gr.State(0)
    state_btn = gr.Button("Bump state")
    state_seen = gr.Textbox(label="State seen")

    long_btn = gr.Button("Long task")
    long_out = gr.Textbox(label="Long out")
    stop_btn = gr.Button("Stop")
    long_probe = gr.Button("Long status")
    long_status_out = gr.Textbox(label="Long status")

    structures_btn = gr.Button("Stream structures")
    structures_view = gr.JSON(label="Structures")
    structures_echo = gr.Textbox(label="Structures echo")

    once_count = gr.Number(label="Once count", value=0)
    once_btn = gr.Button("Slow once")
    multi_count = gr.Number(label="Multiple count", value=0)
    multi_btn = gr.Button("Slow multiple")
    slow_typed = gr.Textbox(label="Slow typed")
    slow_typed_out = gr.Textbox(label="Slow typed out")
    minimal_btn = gr.Button("Minimal progress")
    minimal_out = gr.Number(label="Minimal out", value=0)

    once_btn.click(slow_count, once_count, once_count)
    multi_btn.click(slow_count, multi_count, multi_count, trigger_mode="multiple", concurrency_limit=None)
    slow_typed.change(slow_echo, slow_typed, slow_typed_out)
    minimal_btn.click(slow_count, minimal_out, minimal_out, show_progress="minimal")

    selected_out = gr.Textbox(label="Selected text")

    def on_select(evt: gr.SelectData):
        return f"{evt.value}@{evt.index}"

    src.select(on_select, None, selected_out)

    skip_btn = gr.Button("Skip update")
    skip_btn.click(lambda: (gr.skip(), "skip ran"), None, [err_out, direct_out])

    chatty = gr.Textbox(label="Chatty", submit_btn="Send it", value="olleh")
    chatty_out = gr.Textbox(label="Chatty out")
    chatty.submit(lambda t: t[::-1], chatty, chatty_out)

    stream_btn.click(slow_stream, src, stream_out)
    structures_btn.click(structures, None, structures_view).then(
        lambda v: json.dumps(v, sort_keys=True), structures_view, structures_echo
    )
    fail_btn.click(fail, src, err_out)
    crash_btn.click(crash, src, err_out)
    echo_btn.click(echo, src, err_out)

    chain_btn.click(echo, src, chain_out).success(lambda: "success ran", None, after_ok).failure(
        lambda: "failure ran", None, after_fail
    )
    failing = chain_fail_btn.click(fail, src, chain_out)
    failing.then(lambda: "then ran", None, after_ok)
    failing.failure(lambda: "failure ran", None, after_fail)

    warn_btn.click(warn, src, err_out)

    typed.change(lambda t, n: n + 1, [typed, change_count], change_count)
    typed.input(lambda t, n: n + 1, [typed, input_count], input_count)
    typed.submit(lambda t: t.upper(), typed, mirror)
    mirror.change(lambda n: n + 1, mirror_changes, mirror_changes)
    mirror.input(lambda n: n + 1, mirror_inputs, mirror_inputs)

    js_btn.click(lambda s: f"py:{s}", js_in, js_out, js="(s) => s.toUpperCase() + '!'")

    direct_btn.click(lambda s: f"direct:{s}", src, direct_out, queue=False)

    progress_btn.click(progress_fn, src, progress_out)
    release_btn.click(release_progress, None, None, queue=False)

    state_btn.click(bump, counter, counter)
    counter.change(lambda c: f"state is {c}", counter, state_seen)

    long_event = long_btn.click(long_task, src, long_out)
    stop_btn.click(None, None, None, cancels=[long_event])
    # Queued like long_task: its answer comes on the same stream, after anything the task sent.
    long_probe.click(long_status, None, long_status_out)

demo.launch()
