"""The runtime's HTTP path, with a hand-written ASGI app (no Gradio core involved):
direct transport and service worker, streaming, request bodies, Range/HEAD,
errors, service-worker restarts, hard reloads, no service worker at all."""

from __future__ import annotations

from typing import Any

from e2e_pages import ASGI_APP, foreign_requests, wait_ready

BLOB = bytes(range(256)) * 64

FETCH_JSON = """async (path) => {
  const el = document.querySelector('wasmui-app');
  const r = await el.transport.fetch(el.root + path);
  return {status: r.status, body: await r.json()};
}"""

# Records when each chunk of a streamed body arrives (ms since the request).
STREAM = """async ([path, direct]) => {
  const el = document.querySelector('wasmui-app');
  const t0 = performance.now();
  const r = direct ? await el.transport.fetch(el.root + path) : await fetch(path.slice(1));
  const reader = r.body.getReader();
  const chunks = [];
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    chunks.push([performance.now() - t0, new TextDecoder().decode(value)]);
  }
  return {status: r.status, type: r.headers.get('content-type'), chunks};
}"""

UPLOAD = """async ([size, direct]) => {
  const el = document.querySelector('wasmui-app');
  const body = new Uint8Array(size);
  for (let i = 0; i < size; i++) body[i] = (i * 7) % 251;
  const url = (direct ? el.root + '/' : '') + 'gradio_api/echo?x=1';
  const init = {method: 'POST', body, headers: {'content-type': 'application/octet-stream'}};
  const r = direct ? await el.transport.fetch(url, init) : await fetch(url, init);
  return r.json();
}"""


def _site(built_site: Any, served: Any) -> str:
    return served(built_site(ASGI_APP, asgi="app:app"))


def test_boots_python_in_the_browser_without_leaving_the_origin(page: Any, built_site: Any, served: Any) -> None:
    base = _site(built_site, served)
    page.goto(base + "/")
    state = wait_ready(page)
    got = page.evaluate(FETCH_JSON, "/config")
    assert got["status"] == 200
    assert got["body"]["platform"] == "emscripten"  # answered by Python in the worker
    assert got["body"]["root_path"] == ""
    assert got["body"]["host"] == base.removeprefix("http://")
    phases = state["timings"]
    assert phases["download"] <= phases["python"] <= phases["packages"] <= phases["app"] <= phases["ready"]
    assert foreign_requests(page, base) == []


def test_sse_streams_chunk_by_chunk_both_paths(page: Any, built_site: Any, served: Any) -> None:
    page.goto(_site(built_site, served) + "/")
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    for direct in (True, False):
        got = page.evaluate(STREAM, ["/gradio_api/stream", direct])
        assert got["status"] == 200 and got["type"] == "text/event-stream"
        text = "".join(c for _, c in got["chunks"])
        assert text == "".join(f"data: {i}\n\n" for i in range(5))
        # The app sleeps 0.3 s between events: a buffered body would arrive in one piece.
        assert len(got["chunks"]) >= 4, got
        assert got["chunks"][-1][0] - got["chunks"][0][0] >= 900, got


def test_request_bodies_arrive_whole(page: Any, built_site: Any, served: Any) -> None:
    page.goto(_site(built_site, served) + "/")
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    size = 1_500_000  # several 256 KiB chunks
    expected_head = bytes((i * 7) % 251 for i in range(64)).decode("latin-1")
    for direct in (True, False):
        got = page.evaluate(UPLOAD, [size, direct])
        assert got["method"] == "POST" and got["length"] == size
        assert got["head"] == expected_head and got["query"] == "x=1"
        assert got["content_type"] == "application/octet-stream"


def test_range_and_head_through_the_service_worker(page: Any, built_site: Any, served: Any) -> None:
    page.goto(_site(built_site, served) + "/")
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    got = page.evaluate("""async () => {
      const r = await fetch('gradio_api/file=blob.bin', {headers: {Range: 'bytes=1000-1099'}});
      const h = await fetch('gradio_api/file=blob.bin', {method: 'HEAD'});
      return {status: r.status, range: r.headers.get('content-range'), bytes: Array.from(new Uint8Array(await r.arrayBuffer())),
              head: h.status, headLength: h.headers.get('content-length'), headBody: (await h.arrayBuffer()).byteLength};
    }""")
    assert got["status"] == 206
    assert got["range"] == f"bytes 1000-1099/{len(BLOB)}"
    assert bytes(got["bytes"]) == BLOB[1000:1100]
    assert (got["head"], got["headLength"], got["headBody"]) == (200, str(len(BLOB)), 0)


def test_app_errors_come_back_as_500_with_the_traceback(page: Any, built_site: Any, served: Any) -> None:
    page.goto(_site(built_site, served) + "/")
    wait_ready(page)
    got = page.evaluate("""async () => {
      const el = document.querySelector('wasmui-app');
      const r = await el.transport.fetch(el.root + '/gradio_api/crash');
      const after = await el.transport.fetch(el.root + '/config');
      return {status: r.status, text: await r.text(), after: after.status};
    }""")
    assert got["status"] == 500
    assert "RuntimeError: boom from the ASGI app" in got["text"]
    assert got["after"] == 200  # the next request still works


def test_service_worker_restart_does_not_break_the_next_request(page: Any, built_site: Any, served: Any) -> None:
    page.goto(_site(built_site, served) + "/")
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    assert page.evaluate("async () => (await fetch('config')).status") == 200
    cdp = page.context.new_cdp_session(page)
    cdp.send("ServiceWorker.enable")
    cdp.send("ServiceWorker.stopAllWorkers")
    # The restarted worker has no ports: it must ask the page (need-port), not hang or 404.
    got = page.evaluate("async () => { const r = await fetch('config'); return {s: r.status, b: await r.json()}; }")
    assert got["s"] == 200 and got["b"]["platform"] == "emscripten"


def test_hard_reload_is_claimed_without_another_reload(page: Any, built_site: Any, served: Any) -> None:
    page.goto(_site(built_site, served) + "/")
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.reload", {"ignoreCache": True})  # Shift+Reload: the page starts uncontrolled
    page.wait_for_load_state()
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    got = page.evaluate("async () => { const r = await fetch('config'); return {s: r.status, b: await r.json()}; }")
    assert got["s"] == 200 and got["b"]["platform"] == "emscripten"


def test_without_a_service_worker_everything_uses_the_direct_transport(new_page: Any, built_site: Any, served: Any) -> None:
    base = _site(built_site, served)
    page = new_page(service_workers="block")
    page.goto(base + "/")
    wait_ready(page)
    got = page.evaluate("""async () => {
      const el = document.querySelector('wasmui-app');
      const cfg = await (await el.transport.fetch(el.root + '/config')).json();
      const url = await el.transport.resolveUrl(el.root + '/gradio_api/file=blob.bin');
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const network = await fetch('config');
      return {platform: cfg.platform, sw: el.serviceWorker, url, size: bytes.length, first: Array.from(bytes.slice(0, 4)),
              network: network.status};
    }""")
    assert got["platform"] == "emscripten" and got["sw"] is False
    assert got["url"].startswith("blob:") and got["size"] == len(BLOB) and got["first"] == [0, 1, 2, 3]
    assert got["network"] == 404  # nothing intercepts: the static server answers
    assert foreign_requests(page, base) == []


def test_two_apps_on_one_page_do_not_interfere(page: Any, built_site: Any, served: Any) -> None:
    site = built_site(ASGI_APP, asgi="app:app")
    two = site / "two.html"
    html = (site / "index.html").read_text()
    element = html[html.index("<wasmui-app"):html.index("</wasmui-app>") + len("</wasmui-app>")]
    both = (element.replace('root="./" name="asgi_app"', 'root="./one/" name="one"')
            + element.replace('root="./" name="asgi_app"', 'root="./two/" name="two"'))
    two.write_text(html.replace(element, both))
    page.goto(served(site) + "/two.html")
    wait_ready(page, "wasmui-app[name=one]")
    wait_ready(page, "wasmui-app[name=two]")
    page.wait_for_function("() => [...document.querySelectorAll('wasmui-app')].every((el) => el.serviceWorker)")
    got = page.evaluate("""async () => {
      const one = await (await fetch('one/config')).json();
      const two = await (await fetch('two/config')).json();
      return {one, two};
    }""")
    assert got["one"]["root_path"] == "/one" and got["two"]["root_path"] == "/two"
    assert got["one"]["token"] != got["two"]["token"]  # two interpreters


def test_python_can_fetch_its_own_routes_through_the_service_worker(page: Any, built_site: Any, served: Any) -> None:
    page.goto(_site(built_site, served) + "/")
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    got = page.evaluate(FETCH_JSON, "/gradio_api/selfcall")
    # The worker is a client of the service worker too; its request reuses the page's port.
    assert got["status"] == 200 and got["body"]["status"] == 200
    assert got["body"]["config"]["platform"] == "emscripten"


def test_a_new_service_worker_version_takes_over_and_gets_ports(page: Any, built_site: Any, served: Any,
                                                               tmp_path: Any) -> None:
    import shutil

    site = tmp_path / "site"
    shutil.copytree(built_site(ASGI_APP, asgi="app:app"), site)
    page.goto(served(site) + "/")
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    # A redeploy with a different runtime: sw.js bytes change (its build hash would).
    sw = site / "sw.js"
    # (Asked by message: the static routes send other paths than the app's straight to the network.)
    sw.write_text(sw.read_text() + """
self.addEventListener("message", (e) => {
  if (e.data === "__sw_version") e.source.postMessage("v2");
});
""")
    page.reload()
    wait_ready(page)
    version = page.evaluate("""async () => {
      const container = navigator.serviceWorker;
      for (let i = 0; i < 50; i++) {
        const answer = new Promise((resolve) => {
          const listen = (e) => { if (e.data === 'v2') resolve('v2'); };
          container.addEventListener('message', listen);
          setTimeout(() => { container.removeEventListener('message', listen); resolve('old'); }, 100);
        });
        container.controller?.postMessage('__sw_version');
        if (await answer === 'v2') return 'v2';
      }
      return 'old';
    }""")
    assert version == "v2"  # the new worker controls the page
    got = page.evaluate("async () => { const r = await fetch('config'); return {s: r.status, b: await r.json()}; }")
    assert got["s"] == 200 and got["b"]["platform"] == "emscripten"


# Requests on both of the worker's ports at once (page transport and service worker each number
# theirs from 1): quick file reads on one port beside uploads on the other whose bodies arrive in
# many chunks, both ways round. Every one must come back whole; one that never answers is null.
CONCURRENT = """async ([rounds, uploads, reads]) => {
  const el = document.querySelector('wasmui-app');
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 30000));
  const go = (direct, path, init) => direct ? el.transport.fetch(el.root + '/' + path, init) : fetch(path, init);
  const upload = (size, direct) => go(direct, 'gradio_api/echo?n=' + size, {method: 'POST', body: new Uint8Array(size)})
    .then((r) => r.json()).then((j) => j.length);
  const read = (direct) => go(direct, 'gradio_api/file=blob.bin').then((r) => r.arrayBuffer()).then((b) => b.byteLength);
  const results = [];
  for (let round = 0; round < rounds; round++) {
    const direct = round % 2 === 0;
    const calls = [];
    for (let i = 0; i < reads; i++) calls.push(read(!direct));
    for (let i = 0; i < uploads; i++) calls.push(upload(2000000 + i, direct));
    results.push(...await Promise.all(calls.map((call) => Promise.race([call, timeout]))));
  }
  return results;
}"""


def test_both_ports_at_once_never_mix_up_requests(page: Any, built_site: Any, served: Any) -> None:
    page.goto(_site(built_site, served) + "/")
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    rounds, uploads, reads = 4, 6, 12
    got = page.evaluate(CONCURRENT, [rounds, uploads, reads])
    assert got == ([len(BLOB)] * reads + [2000000 + i for i in range(uploads)]) * rounds
