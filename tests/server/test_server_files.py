"""File store, uploads, /file= security and Range handling."""

from __future__ import annotations

import os
import tempfile
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_fakes import FakeBlocks, FakeFn

from wasmui.files import FileStore, InvalidPathError, file_data, sanitize_filename, set_static_paths
from wasmui.server import multipart
from wasmui.testing import TestClient, encode_multipart


@pytest.fixture
def blocks() -> FakeBlocks:
    return FakeBlocks(FakeFn(0, lambda x: x, "echo"), max_file_size=1000)


@pytest.fixture
def client(blocks: FakeBlocks) -> Iterator[TestClient]:
    with TestClient(blocks.app) as c:
        yield c


def upload(client: TestClient, name: str, data: bytes) -> str:
    r = client.post("/gradio_api/upload", files={"files": (name, data, "text/plain")})
    assert r.status_code == 200, r.text
    (path,) = r.json()
    return path


# -- uploads -------------------------------------------------------------------

def test_upload_is_content_addressed(client: TestClient, blocks: FakeBlocks) -> None:
    path = upload(client, "hello.txt", b"hi there")
    p = Path(path)
    assert p.is_absolute() and p.read_bytes() == b"hi there" and p.name == "hello.txt"
    assert len(p.parent.name) == 64 and p.parent.parent == blocks.file_store.root
    assert upload(client, "hello.txt", b"hi there") == path  # same content dedups
    assert upload(client, "hello.txt", b"other") != path


def test_upload_several_files_in_one_request(client: TestClient) -> None:
    r = client.post("/gradio_api/upload", files=[("files", ("a.txt", b"A")), ("files", ("b.bin", b"B"))])
    paths = r.json()
    assert [Path(p).name for p in paths] == ["a.txt", "b.bin"]
    assert [Path(p).read_bytes() for p in paths] == [b"A", b"B"]


def test_upload_filename_is_sanitised(client: TestClient) -> None:
    path = Path(upload(client, "../../etc/passwd", b"x"))
    assert path.name == "passwd" and ".." not in path.parts


def test_upload_too_large_is_413(client: TestClient) -> None:
    r = client.post("/gradio_api/upload", files={"files": ("big.bin", b"x" * 1001)})
    assert r.status_code == 413 and "maximum allowed size of 1000 bytes" in r.text


def test_upload_requires_multipart(client: TestClient) -> None:
    r = client.post("/gradio_api/upload", json={"files": []})
    assert (r.status_code, r.json()) == (400, {"detail": "Invalid content type."})


def test_upload_malformed_multipart_is_400(client: TestClient) -> None:
    r = client.post("/gradio_api/upload", data=b"--xyz\r\ngarbage",
                    headers={"content-type": "multipart/form-data; boundary=xyz"})
    assert r.status_code == 400


def test_upload_progress_done() -> None:
    blocks = FakeBlocks(FakeFn(0, lambda x: x, "echo"))
    with TestClient(blocks.app) as c:
        c.post("/gradio_api/upload?upload_id=u1", files={"files": ("a.txt", b"A")})
        with c.stream("/gradio_api/upload_progress?upload_id=u1") as s:
            assert [m.json() for m in s] == [{"msg": "done"}]


def test_multipart_parser_fields_and_binary() -> None:
    payload = bytes(range(256)) + b"\r\n--not-the-boundary\r\n"
    body, ctype = encode_multipart({"files": ("bin.dat", payload)}, fields={"note": "hé"})
    parts = multipart.parse(body, ctype)
    assert [(p.name, p.filename) for p in parts] == [("note", None), ("files", "bin.dat")]
    assert parts[0].data == "hé".encode() and parts[1].data == payload


def test_multipart_rfc2231_filename() -> None:
    body = (b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename*=UTF-8''na%C3%AFve.txt\r\n\r\n"
            b"x\r\n--b--\r\n")
    (part,) = multipart.parse(body, "multipart/form-data; boundary=b")
    assert part.filename == "naïve.txt"


@pytest.mark.parametrize(("disposition", "name", "filename"), [
    ('form-data; name="files"; filename="a b.png"', "files", "a b.png"),
    ("form-data; name=files; filename=x.txt", "files", "x.txt"),
    ('form-data; name="f"; filename="q\\"uote;d.txt"', "f", 'q"uote;d.txt'),  # an escaped quote, a ; inside
    ('form-data; name="f"; filename="C:\\\\dir\\\\f.txt"', "f", "C:\\dir\\f.txt"),
    ('form-data; NAME="f"; FileName="  Up.TXT "', "f", "Up.TXT"),
    ('form-data; name="f"; filename="x"; filename*=utf-8\'en\'%E2%82%AC.txt', "f", "€.txt"),  # RFC 6266: * wins
    ("form-data; name=\"f\"; filename*=nosuchcharset''a%20b", "f", "a b"),
    ('form-data; name="note"', "note", None),
])
def test_multipart_disposition_parameters(disposition: str, name: str, filename: str | None) -> None:
    body = f"--b\r\nContent-Disposition: {disposition}\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n".encode()
    (part,) = multipart.parse(body, 'Multipart/Form-Data; Boundary="b"')
    assert (part.name, part.filename, part.content_type) == (name, filename, "text/plain")


def test_multipart_boundary_and_bad_bodies() -> None:
    assert multipart.boundary_of("multipart/form-data; boundary=----WebKitFormBoundaryab") == "----WebKitFormBoundaryab"
    assert multipart.boundary_of("text/plain; boundary=x") is None
    assert multipart.boundary_of("multipart/form-data") is None
    with pytest.raises(multipart.MultipartError, match="without a name"):
        multipart.parse(b"--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b")


def test_last_modified_is_an_english_http_date() -> None:
    import email.utils

    from wasmui.server.http import http_date

    for stamp in (0, 784111777, 1_000_000_000.7, 1_700_000_000, 2_000_000_000):
        assert http_date(stamp) == email.utils.formatdate(stamp, usegmt=True)


# -- /file= ----------------------------------------------------------------------

def test_serves_uploaded_text_inline(client: TestClient) -> None:
    path = upload(client, "hello.txt", b"hello world")
    r = client.get(f"/gradio_api/file={path}")
    assert r.status_code == 200 and r.content == b"hello world"
    assert r.headers["content-type"] == "text/plain; charset=utf-8"
    assert r.headers["content-disposition"] == 'inline; filename="hello.txt"'
    assert r.headers["accept-ranges"] == "bytes" and "etag" in r.headers and "last-modified" in r.headers


def test_names_needing_url_encoding_round_trip(client: TestClient) -> None:
    path = upload(client, "my report #2 (100%).txt", b"data")
    r = client.get("/gradio_api/file=" + urllib.parse.quote(path))  # what a browser sends
    assert r.status_code == 200 and r.content == b"data"


def test_uploaded_html_is_an_attachment(client: TestClient) -> None:
    path = upload(client, "x.html", b"<script>alert(1)</script>")
    r = client.get(f"/gradio_api/file={path}")
    assert r.headers["content-type"] == "application/octet-stream"
    assert r.headers["content-disposition"].startswith("attachment")


def test_etag_revalidation_gives_304(client: TestClient) -> None:
    path = upload(client, "a.txt", b"12345")
    etag = client.get(f"/gradio_api/file={path}").headers["etag"]
    r = client.get(f"/gradio_api/file={path}", headers={"if-none-match": etag})
    assert (r.status_code, r.content) == (304, b"")
    assert client.get(f"/gradio_api/file={path}", headers={"if-none-match": '"other"'}).status_code == 200


def test_head_has_length_but_no_body(client: TestClient) -> None:
    path = upload(client, "a.txt", b"12345")
    r = client.head(f"/gradio_api/file={path}")
    assert r.status_code == 200 and r.content == b"" and r.headers["content-length"] == "5"


@pytest.mark.parametrize(("header", "status", "body", "content_range"), [
    ("bytes=0-3", 206, b"0123", "bytes 0-3/10"),
    ("bytes=5-", 206, b"56789", "bytes 5-9/10"),
    ("bytes=-3", 206, b"789", "bytes 7-9/10"),
    ("bytes=8-100", 206, b"89", "bytes 8-9/10"),
    ("bytes=0-0", 206, b"0", "bytes 0-0/10"),
    ("items=0-3", 200, b"0123456789", None),
])
def test_range_requests(client: TestClient, header: str, status: int, body: bytes, content_range: str | None) -> None:
    path = upload(client, "digits.txt", b"0123456789")
    r = client.get(f"/gradio_api/file={path}", headers={"range": header})
    assert (r.status_code, r.content) == (status, body)
    assert r.headers.get("content-range") == content_range
    assert r.headers["content-length"] == str(len(body))


def test_unsatisfiable_range_is_416(client: TestClient) -> None:
    path = upload(client, "digits.txt", b"0123456789")
    assert client.get(f"/gradio_api/file={path}", headers={"range": "bytes=20-30"}).status_code == 416


@pytest.fixture
def secret_outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    secret = tmp_path_factory.mktemp("outside") / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    return secret


TRAVERSALS = [
    "{root}/../../../../etc/passwd",
    "{root}/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "{root}/..%2f..%2f..%2fetc/passwd",
    "/etc/passwd",
    "{secret}",
    "etc/passwd",
    "../../etc/passwd",
    "{root}/link-out",
    "{root}",
    "{root}/missing.txt",
    "file:///etc/passwd",
    "http://127.0.0.1:1/x",
    "https://example.com/a.png",
    "//example.com/share/x",
    "\\\\server\\share\\x",
    "\\/etc/passwd",
    "/\\etc/passwd",
    "{root}\\..\\..\\etc\\passwd",
    "{root}/ok.txt\x00.png",
    "C:/Windows/win.ini",
    "~/.ssh/id_rsa",
    ".env",
    "",
]


@pytest.mark.parametrize("payload", TRAVERSALS)
def test_file_route_refuses(payload: str, client: TestClient, blocks: FakeBlocks, secret_outside: Path) -> None:
    root = blocks.file_store.root
    (root / "ok.txt").write_text("fine")
    link = root / "link-out"
    if not link.exists():
        link.symlink_to(secret_outside)
    target = payload.format(root=root, secret=secret_outside)
    r = client.get("/gradio_api/file=" + urllib.parse.quote(target, safe="/:"))
    assert r.status_code == 403, (target, r.status_code, r.content[:50])
    assert r.json() == {"detail": f"File not allowed: {target}."}
    assert b"TOP-SECRET-CONTENT" not in r.content and b"root:" not in r.content


def test_encoded_traversal_in_raw_url_is_refused(client: TestClient, blocks: FakeBlocks) -> None:
    # The ASGI server decodes %2e%2e into ".." before routing; it must still be refused.
    root = blocks.file_store.root
    r = client.get(f"/gradio_api/file={root}/%2e%2e/%2e%2e/etc/passwd")
    assert r.status_code == 403 and b"root:" not in r.content


def test_servable_unit_rules(tmp_path: Path) -> None:
    store = FileStore(root=tmp_path / "store")
    inside = Path(store.save_upload("a.txt", b"A"))
    assert store.servable(str(inside)) == inside
    assert store.servable(str(inside.parent)) is None  # directories are refused
    assert store.servable(f"{store.root}/../store/{inside.relative_to(store.root)}") is None


def test_static_and_allowed_paths_are_served_inline(tmp_path: Path) -> None:
    static = tmp_path / "static"
    static.mkdir()
    (static / "page.html").write_text("<b>ok</b>")
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "data.csv").write_text("a,b")
    blocks = FakeBlocks(FakeFn(0, lambda x: x, "echo"))
    blocks.file_store.allowed_paths.append(allowed.resolve())
    set_static_paths([static])
    with TestClient(blocks.app) as c:
        r = c.get(f"/gradio_api/file={static / 'page.html'}")
        assert r.status_code == 200 and r.headers["content-disposition"].startswith("inline")
        assert c.get(f"/gradio_api/file={allowed / 'data.csv'}").status_code == 200


def test_blocked_paths_win_case_insensitively(tmp_path: Path) -> None:
    allowed = tmp_path / "allowed"
    (allowed / "Private").mkdir(parents=True)
    (allowed / "Private" / "k.txt").write_text("k")
    store = FileStore(root=tmp_path / "s", allowed_paths=[allowed], blocked_paths=[allowed / "private"])
    assert store.servable(str(allowed / "Private" / "k.txt")) is None


# -- FileStore: inputs and outputs ------------------------------------------------

def test_check_input_accepts_only_store_files(tmp_path: Path, secret_outside: Path) -> None:
    store = FileStore(root=tmp_path / "s")
    path = store.save_upload("in.txt", b"data")
    assert store.check_input(path) == path
    for bad in (str(secret_outside), f"{store.root}/../{secret_outside.name}", "/etc/passwd", "x\x00y"):
        with pytest.raises(InvalidPathError):
            store.check_input(bad)


def test_move_to_cache_from_tempdir_and_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = FileStore(root=tmp_path / "s")
    with tempfile.NamedTemporaryFile("wb", suffix=".png", delete=False) as f:
        f.write(b"png-bytes")
    cached = Path(store.move_to_cache(f.name))
    os.unlink(f.name)
    assert cached.read_bytes() == b"png-bytes" and cached.parent.parent == store.root
    assert store.move_to_cache(str(cached)) == str(cached)
    work = tmp_path / "work"
    work.mkdir()
    (work / "out.txt").write_text("out")
    (work / ".env").write_text("SECRET=1")
    monkeypatch.chdir(work)
    assert Path(store.move_to_cache("out.txt")).read_text() == "out"
    with pytest.raises(InvalidPathError):
        store.move_to_cache(".env")
    assert store.move_to_cache("https://example.com/a.png") == "https://example.com/a.png"


def test_move_to_cache_refuses_other_places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = FileStore(root=tmp_path / "s")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InvalidPathError):
        store.move_to_cache("/etc/hostname" if os.path.exists("/etc/hostname") else "/etc/passwd")


def test_file_data_shape(tmp_path: Path) -> None:
    store = FileStore(root=tmp_path / "s")
    path = store.save_upload("x.txt", b"abc")
    fd = file_data(path, "http://h:1/app")
    assert fd == {"path": path, "url": f"http://h:1/app/gradio_api/file={path}", "size": 3, "orig_name": "x.txt",
                  "mime_type": None, "is_stream": False, "meta": {"_type": "gradio.FileData"}}


@pytest.mark.parametrize(("name", "expected"), [("a/b/c.txt", "c.txt"), ("..", None), ("", None),
                                                ('we"ird<>.png', "we_ird__.png"), ("a\\b.txt", "b.txt"),
                                                ("100%#1.txt", "100__1.txt"), ("a b.txt", "a b.txt")])
def test_sanitize_filename(name: str, expected: str | None) -> None:
    out = sanitize_filename(name)
    if expected is None:
        assert out.startswith("tmp") and len(out) == 13
    else:
        assert out == expected
