"""The browser half of tools/demo_corpus.py: boot a built demo in Chromium and try its
default interaction (an example, a sample upload or a microphone recording, text, a radio
choice, the main button),
recording what happened on the demo's result row."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from demo_corpus import DemoResult

VIEWPORT = {"width": 1200, "height": 900}
# An event shows a pending status on its outputs as soon as it is sent: a click that shows none
# and changes nothing within this many seconds sent no event (waiting the full answer timeout
# for it only made the run slower).
QUIET_SECONDS = 15.0
RUN_WORDS = ("Submit", "Run", "Generate", "Predict", "Go", "Send", "Compute", "Calculate", "Greet", "Translate",
             "Classify", "Process", "Start", "Analyze", "Convert")


def _tail(text: str, lines: int = 6) -> str:
    kept = [ln for ln in text.strip().splitlines() if ln.strip()]
    return "\n".join(kept[-lines:])[-1200:]


# -- browser -----------------------------------------------------------------------
_SNAPSHOT_JS = """() => {
  const host = document.querySelector('wasmui-app');
  const root = host && host.shadowRoot;
  if (!root) return '';
  const app = root.querySelector('.app') || root;
  const values = [...root.querySelectorAll('input, textarea, select')].filter(e => !e.hasAttribute('data-corpus-typed')).map(e => e.type === 'checkbox' ? String(e.checked) : e.value);
  const media = [...root.querySelectorAll('img, video, audio, canvas')].map(e => e.src || e.width);
  return JSON.stringify([app.innerText, values, media]);
}"""
_BUSY_JS = """() => {
  const root = document.querySelector('wasmui-app')?.shadowRoot;
  return !!root && !!root.querySelector('.pending, .generating, [aria-busy=true]');
}"""
# Counts the event statuses that appeared (a block gets aria-busy while an event runs for it):
# an event that ends between two polls still counts as having run.
_WATCH_JS = """() => {
  const root = document.querySelector('wasmui-app')?.shadowRoot;
  window.__corpusEvents = 0;
  if (!root) return;
  const busy = (n) => n.nodeType === 1 && (n.matches('[aria-busy=true]') || !!n.querySelector('[aria-busy=true]'));
  new MutationObserver((records) => {
    for (const m of records) {
      if (m.type === 'attributes' ? m.target.getAttribute('aria-busy') === 'true' : [...m.addedNodes].some(busy)) {
        window.__corpusEvents++;
      }
    }
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
}"""
_EVENTS_JS = "() => window.__corpusEvents || 0"
_ERRORS_JS = """() => {
  const root = document.querySelector('wasmui-app')?.shadowRoot;
  if (!root) return [];
  const out = [...root.querySelectorAll('.toast-error')].map(t => t.innerText.trim());
  const boot = root.querySelector('.wasmui-error');
  if (boot) out.push(boot.innerText.trim());
  return out;
}"""
_UNSUPPORTED_JS = """() => {
  const root = document.querySelector('wasmui-app')?.shadowRoot;
  return root ? [...root.querySelectorAll('.unsupported [role=note]')].map(n => n.textContent.trim()) : [];
}"""


_CONTROLS_JS = """() => document.querySelector('wasmui-app')?.shadowRoot?.querySelectorAll(
  'button, input, textarea, select, .dataset-pick').length || 0"""


def _painted(page: Any, deadline: float) -> None:
    """Waits (bounded) until the app's controls stop appearing: views load as lazy chunks and
    may paint after the worker says ready."""
    last, stable = -1, 0
    while time.monotonic() < deadline and stable < 4:
        count = page.evaluate(_CONTROLS_JS)
        stable = stable + 1 if count == last else 0
        last = count
        page.wait_for_timeout(250)


def _settle(page: Any, deadline: float) -> None:
    """Waits (bounded) until no block shows a pending/generating status."""
    while time.monotonic() < deadline and page.evaluate(_BUSY_JS):
        page.wait_for_timeout(100)


def check_in_browser(browser: Any, site: Path, result: DemoResult, boot_timeout: float, answer_timeout: float) -> None:
    """Boots a one-app site in a fresh context, then tries its first example and main button."""
    from wasmui.devserver import start_static_server

    server, _ = start_static_server(site)
    context = browser.new_context(viewport=VIEWPORT)
    try:
        check_page(context, f"http://127.0.0.1:{server.server_address[1]}/", result, boot_timeout, answer_timeout)
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def check_page(context: Any, url: str, result: DemoResult, boot_timeout: float, answer_timeout: float) -> None:
    """Boots the app at ``url`` in a new page of ``context``, then tries its first example and main button."""
    page = context.new_page()
    page_errors: list[str] = []
    page.on("pageerror", lambda e: page_errors.append(str(e)))
    console_errors: list[str] = []  # said when an event fails with no toast
    page.on("console", lambda m: console_errors.append(m.text[:300]) if m.type == "error" else None)
    try:
        page.goto(url, timeout=boot_timeout * 1000)
        page.wait_for_function("() => { const el = document.querySelector('wasmui-app');"
                               " return el && (el.phase === 'ready' || el.phase === 'error'); }",
                               timeout=boot_timeout * 1000)
        _painted(page, time.monotonic() + 10)
        _settle(page, time.monotonic() + 10)
        errors = page.evaluate(_ERRORS_JS) + page_errors
        result.unsupported = page.evaluate(_UNSUPPORTED_JS)
        phase = page.evaluate("() => document.querySelector('wasmui-app').phase")
        if phase != "ready" or errors:
            result.boot_error = _tail("\n".join(errors) or f"phase {phase}")
            return
        result.booted = True
        page.evaluate(_WATCH_JS)
        _interact(page, result, answer_timeout, page_errors, console_errors)
    except Exception as exc:  # a timeout or a crashed page: recorded, the run goes on
        if result.booted:
            result.answered, result.answer_error = False, _tail(f"{type(exc).__name__}: {exc}")
        else:
            result.boot_error = _tail(f"{type(exc).__name__}: {exc}")
    finally:
        page.close()


# Marks the buttons some event listens to (`data-corpus-event`; gr.Button views carry
# data-testid="block-<id>") from the app's config: a button with no event (a gallery of button
# styles, a DuplicateButton outside a Space) is not an interaction, nor is a view's own button
# (a MultimodalTextbox's send arrow, an Image's clear). Answers [config read?, has an
# upload-capable component an event?, has a text input one?, has a radio group one?] (when the
# config cannot be read every button is a candidate).
_MARK_EVENT_BUTTONS_JS = """async () => {
  const el = document.querySelector('wasmui-app');
  const root = el?.shadowRoot;
  if (!root || !el.transport) return [false, false, true, false];
  let config;
  try { config = await (await el.transport.fetch(el.root + '/config')).json(); } catch { return [false, false, true, false]; }
  const uploaders = new Set(['image', 'audio', 'video', 'file', 'uploadbutton', 'model3d', 'multimodaltextbox',
                             'gallery', 'imageeditor', 'sketchpad', 'paint', 'simpleimage', 'annotatedimage']);
  const types = new Map((config.components || []).map(c => [c.id, c.type]));
  const texts = new Set(['textbox', 'multimodaltextbox', 'number']);
  const ids = new Set();
  let uploads = false, typing = false, choosing = false;
  for (const dep of config.dependencies || []) {
    for (const [id, event] of dep.targets || []) {
      if (id !== null && event === 'click') ids.add(String(id));
      if (id !== null && uploaders.has(types.get(id)) && ['upload', 'change', 'input'].includes(event)) uploads = true;
      if (id !== null && texts.has(types.get(id)) && ['submit', 'change', 'input', 'blur', 'key_up'].includes(event)) typing = true;
      if (id !== null && types.get(id) === 'radio' && ['change', 'input', 'select'].includes(event)) choosing = true;
    }
  }
  for (const b of root.querySelectorAll('button.btn')) {
    const id = (b.getAttribute('data-testid') || '').replace(/^block-/, '');
    if (ids.has(id)) b.setAttribute('data-corpus-event', '');
  }
  return [true, uploads, typing, choosing];
}"""


def _main_button(page: Any, marked: bool) -> Any | None:
    """The first primary button, else one named like Submit/Run/…; with ``marked``, only buttons
    some event listens to."""
    only = "[data-corpus-event]" if marked else ""
    primary = page.locator(f"button.btn-primary{only}:visible")
    if primary.count():
        return primary.first
    buttons = page.locator(f"button.btn{only}:visible")
    for word in RUN_WORDS:
        named = buttons.filter(has_text=re.compile(rf"\b{word}", re.I))
        if named.count():
            return named.first
    return None


# A sample for a file input, by what it accepts (wasmui's own sample media).
_SAMPLES = ((("image", ".png", ".jpg", ".jpeg", ".webp"), "images/bus.png"),
            (("audio", ".wav", ".mp3", ".flac", ".ogg"), "audio/cantina.wav"),
            (("video", ".mp4", ".webm", ".mov"), "videos/world.mp4"),
            ((".glb", ".gltf", ".obj", ".stl", ".splat", ".ply"), "models3d/Duck.glb"),
            ((".csv",), "data/titanic.csv"), ((".json",), "data/s3.json"))


def _sample_for(accept: str) -> Path:
    from wasmui.media import MEDIA_ROOT

    accept = accept.lower()
    for words, sample in _SAMPLES:
        if any(w in accept for w in words):
            return MEDIA_ROOT / sample
    return MEDIA_ROOT / "data" / "sample.txt"


def _upload_sample(page: Any) -> bool:
    """Gives the first visible file upload (Image, Audio, File, UploadButton…) a sample file
    it accepts, as a user would before pressing the main button."""
    inputs = page.locator("input[type=file]")
    for i in range(min(inputs.count(), 8)):
        candidate = inputs.nth(i)
        if not candidate.evaluate("e => !e.disabled && !!(e.parentElement && e.parentElement.getClientRects().length)"):
            continue
        candidate.set_input_files(str(_sample_for(candidate.get_attribute("accept") or "")), timeout=5000)
        return True
    return False


def _record_microphone(page: Any, timeout: float = 20.0) -> bool:
    """Records about a second with the first visible microphone recorder (an Audio whose only
    source is the microphone has no file input; Chromium's fake device gives a beep), as a user
    would before pressing the main button. True when the recording became the Audio's value."""
    record = page.locator(".block-audio button.record-button:visible")  # (a Video's recorder has one too)
    if not record.count():
        return False
    # Located by its id now: once recording, the Record button (and a `has=` filter on it) is gone.
    own = page.locator("button.record-button:visible")
    testid = page.locator(".block-audio", has=own).first.get_attribute("data-testid", timeout=5000)
    block = page.locator(f".block-audio[data-testid='{testid}']")
    record.first.click(timeout=5000)
    page.wait_for_function(
        """() => [...document.querySelector('wasmui-app').shadowRoot.querySelectorAll('[data-testid=recording-time]')]
             .some(e => Number(e.dataset.seconds) >= 1)""", timeout=timeout * 1000)
    block.locator("button.stop-button").click(timeout=5000)
    block.locator("[data-testid=audio-player]").wait_for(timeout=timeout * 1000)
    return True


def _take_webcam_photo(page: Any, timeout: float = 20.0) -> bool:
    """Takes a photo with the first visible webcam-only Image (Chromium's fake camera: a test
    card). True when the photo became the Image's value."""
    shoot = page.locator(".block-image button.webcam-capture[aria-label='Take a photo']:visible")
    if not shoot.count():
        return False
    own = page.locator("button.webcam-capture[aria-label='Take a photo']:visible")
    testid = page.locator(".block-image", has=own).first.get_attribute("data-testid", timeout=5000)
    block = page.locator(f".block-image[data-testid='{testid}']")
    # Enabled once the camera runs.
    page.wait_for_function("b => !b.disabled", arg=shoot.first.element_handle(), timeout=timeout * 1000)
    shoot.first.click(timeout=5000)
    block.locator("[data-testid=image-display]").wait_for(timeout=timeout * 1000)
    return True


_EMPTY_TEXT = ("input.text-input[type=text]:visible:not([readonly]):not([disabled]), "
               "textarea.text-input:visible:not([readonly]):not([disabled])")


def _fill_empty_textboxes(page: Any) -> None:
    """Gives every empty editable textbox some text and every radio group with no choice its
    first choice (a default interaction needs inputs, as a user would give them)."""
    boxes = page.locator(_EMPTY_TEXT)
    for i in range(min(boxes.count(), 8)):
        box = boxes.nth(i)
        if box.input_value() == "":
            box.fill("hello world")
    groups = page.locator("fieldset.choice-group:visible")  # gr.Radio's view
    for i in range(min(groups.count(), 8)):
        group = groups.nth(i)
        radios = group.locator("input[type=radio]:not([disabled])")
        if radios.count() and not group.locator("input[type=radio]:checked").count():
            group.locator("label.choice:not(.disabled)").first.click(timeout=5000)


def _type_into_textbox(page: Any) -> bool:
    """Types into the first empty editable textbox and presses Enter (marks it out of the snapshot)."""
    box = page.locator(_EMPTY_TEXT)
    for i in range(min(box.count(), 5)):
        candidate = box.nth(i)
        if candidate.input_value() == "":
            candidate.evaluate("e => e.setAttribute('data-corpus-typed', '')")
            candidate.fill("hello world")
            candidate.press("Enter")
            return True
    return False


# Event runs that ended / failed (the shell counts them on its element).
def _choose_radio(page: Any) -> bool:
    """Picks a choice not yet selected in the first radio group (its change/select events run)."""
    choices = page.locator("fieldset.choice-group:visible label.choice:not(.selected):not(.disabled)")
    if not choices.count():
        return False
    choices.first.click(timeout=5000)
    return True


# Messages a listener's validator= put under its inputs (gr.validate): the run was refused.
_VALIDATION_JS = """() => [...(document.querySelector('wasmui-app')?.shadowRoot?.querySelectorAll('.validation-error') ?? [])]
  .map(e => e.innerText.trim())"""
_EVENTS_DONE_JS = "() => Number(document.querySelector('wasmui-app')?.getAttribute('data-events-done') || 0)"
_EVENTS_FAILED_JS = "() => Number(document.querySelector('wasmui-app')?.getAttribute('data-events-failed') || 0)"


def _wait_for_errors(page: Any, page_errors: list[str], seconds: float) -> list[str]:
    """The error toasts (and page errors) once one shows, or [] after ``seconds``."""
    try:
        page.wait_for_function(f"() => ({_ERRORS_JS})().length > 0", timeout=seconds * 1000)
    except Exception:  # noqa: BLE001 - playwright's TimeoutError: none showed
        pass
    return page.evaluate(_ERRORS_JS) + page_errors


def _interact(page: Any, result: DemoResult, timeout: float, page_errors: list[str],
              console_errors: list[str]) -> None:
    """First example; else inputs a user would give (text in empty textboxes, a radio choice, a
    sample file in the first upload, else a recording from a microphone-only Audio or a photo
    from a webcam-only Image); then the main button; else typing into a textbox; else
    the first button some event listens to."""
    steps = []
    marked, uploads_listened, typing_listened, choosing_listened = page.evaluate(_MARK_EVENT_BUTTONS_JS)
    done_at_start, failed_at_start = page.evaluate(_EVENTS_DONE_JS), page.evaluate(_EVENTS_FAILED_JS)
    example = page.locator(".dataset-pick:visible")
    if example.count():
        example.first.click(timeout=5000)
        steps.append("example")
        _settle(page, time.monotonic() + timeout)
    button = _main_button(page, marked)
    event_buttons = page.locator(f"button.btn{'[data-corpus-event]' if marked else ''}:visible")
    # Without a main button or a text input to type into, the first button with an event is it.
    first_button = button is None and not typing_listened and event_buttons.count() > 0
    if not steps and (button is not None or uploads_listened or first_button):
        if _upload_sample(page):
            steps.append("upload")
        elif _record_microphone(page):
            steps.append("microphone")
        elif _take_webcam_photo(page):
            steps.append("webcam")
        _settle(page, time.monotonic() + timeout)
    if (button is not None or first_button) and steps != ["example"]:
        _fill_empty_textboxes(page)
        _settle(page, time.monotonic() + timeout)
    before: str | None = page.evaluate(_SNAPSHOT_JS)
    events_before = page.evaluate(_EVENTS_JS)
    done_before, failed_before = page.evaluate(_EVENTS_DONE_JS), page.evaluate(_EVENTS_FAILED_JS)
    if button is not None:
        button.click(timeout=5000)
        steps.append("button")
    elif steps and not (steps in (["upload"], ["microphone"], ["webcam"]) and first_button):
        # An example or upload alone (live apps, run_on_click, upload events) must have run an event.
        before, done_before, failed_before = "", done_at_start, failed_at_start
    elif typing_listened and _type_into_textbox(page):
        steps.append("typing")
    elif choosing_listened and not event_buttons.count() and _choose_radio(page):
        steps.append("radio")
    else:
        if not event_buttons.count():
            result.interaction = "none"
            return
        event_buttons.first.click(timeout=5000)
        steps.append("first button")
    if marked:
        before = None  # the config was read: only an event that ran to its end is an answer
    result.interaction = "+".join(steps)
    deadline = time.monotonic() + timeout
    saw_busy = False
    while time.monotonic() < deadline:
        errors = page.evaluate(_ERRORS_JS) + page_errors
        if errors:
            result.answered, result.answer_error = False, _tail("\n".join(errors))
            return
        busy = page.evaluate(_BUSY_JS)
        ended = page.evaluate(_EVENTS_DONE_JS) > done_before
        saw_busy = saw_busy or busy or ended or page.evaluate(_EVENTS_JS) > events_before
        if not busy and page.evaluate(_EVENTS_FAILED_JS) > failed_before:
            # The run is counted on the element at once; its toast paints a frame or more later
            # (a loaded machine: seconds). Checking for it without waiting was how main_note got
            # "no message" in an earlier run.
            errors = _wait_for_errors(page, page_errors, min(10.0, max(1.0, deadline - time.monotonic())))
            refused = page.evaluate(_VALIDATION_JS)
            result.answered = False
            result.answer_error = _tail("\n".join(errors)) if errors else (
                f"the event's validator refused the inputs: {_tail('; '.join(refused), 3)}" if refused else
                "an event failed (its outputs show Error; no message)"
                + (f"; console: {_tail(chr(10).join(console_errors), 3)}" if console_errors else ""))
            return
        # Answered: an event ran to its end (one with no outputs shows nothing), or, when the
        # config could not be read, what the page shows changed after an event status.
        if not busy and (ended or (before is not None and (saw_busy or page.evaluate(_SNAPSHOT_JS) != before))):
            result.answered = True
            return
        if not saw_busy and time.monotonic() > deadline - timeout + QUIET_SECONDS:
            result.answered, result.answer_error = False, f"nothing changed within {QUIET_SECONDS:.0f} s (no event status)"
            return
        page.wait_for_timeout(100)
    result.answered, result.answer_error = False, f"nothing changed within {timeout:.0f} s"
