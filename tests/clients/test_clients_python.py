"""The official ``gradio_client`` (2.7.2) against ``wasmui serve --native``.

Expected values are what a real Gradio 6.31 server returns for the same apps.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from native_server import REPO, native_server

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client, handle_file  # noqa: E402
from gradio_client.exceptions import AppError  # noqa: E402
from gradio_client.utils import Status  # noqa: E402

APPS = REPO / "tests" / "apps"


@pytest.fixture(scope="module")
def suite_url() -> Iterator[str]:
    with native_server(APPS / "suite_app.py") as url:
        yield url


@pytest.fixture(scope="module")
def suite(suite_url: str) -> Client:
    return Client(suite_url + "/", verbose=False)


def test_hello_world_interface() -> None:
    with native_server(APPS / "hello_app.py") as url:
        client = Client(url + "/", verbose=False)
        assert client.predict("World", api_name="/predict") == "Hello World!"
        assert list(client.view_api(return_format="dict", print_info=False)["named_endpoints"]) == ["/predict"]


def test_multi_input_multi_output(suite: Client) -> None:
    # repr: Gradio keeps ints for Number(precision=None), so the types must match too.
    assert repr(suite.predict("ab", 3, True, api_name="/combine")) == "('ABABAB', 6)"
    assert repr(suite.predict("x", 2.5, False, api_name="/combine")) == "('xx', 2)"


def test_unqueued_endpoint(suite: Client) -> None:
    # gradio_client always goes through the queue, even for queue=False events.
    assert suite.predict("shout", api_name="/upper") == "SHOUT"


def test_generator_outputs_every_yield(suite: Client) -> None:
    job = suite.submit("hey", api_name="/spell")
    assert job.result(timeout=30) == "hey"
    assert job.outputs() == ["h", "he", "hey"]


def test_gr_error_reaches_client_with_message(suite: Client) -> None:
    with pytest.raises(AppError, match="custom failure") as info:
        suite.predict("x", api_name="/fail")
    assert info.value.title == "Oops" and info.value.duration == 5


def test_other_exception_is_hidden_without_show_error(suite: Client) -> None:
    with pytest.raises(AppError, match="has not enabled verbose error reporting"):
        suite.predict("x", api_name="/crash")


def test_file_in_and_out(suite: Client, tmp_path: Path) -> None:
    src = tmp_path / "note.txt"
    src.write_text("hello file")
    result = suite.predict(handle_file(str(src)), api_name="/reverse_file")
    downloaded = Path(result)
    assert downloaded.is_file() and downloaded.read_text() == "elif olleh"
    assert downloaded.name == "note.txt.reversed.txt"


def test_state_counter_is_per_session(suite_url: str) -> None:
    first = Client(suite_url + "/", verbose=False)
    assert [first.predict(api_name="/count") for _ in range(3)] == [1, 2, 3]
    second = Client(suite_url + "/", verbose=False)
    assert second.predict(api_name="/count") == 1


def test_cancel_stops_a_running_generator(suite: Client) -> None:
    job = suite.submit("t", api_name="/ticker")
    deadline = time.monotonic() + 60
    while len(job.outputs()) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert job.cancel() is True
    deadline = time.monotonic() + 60  # generous: CI runs on 2 busy cores
    # The client stops reading the job's messages once its future is done (outputs already
    # on their way are still taken until then).
    while not job.done() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert job.done() and job.status().code == Status.CANCELLED
    seen = len(job.outputs())
    # The same endpoint (concurrency limit 1) is free again: a new run starts and streams,
    # so the cancelled one has ended on the server, and it added nothing meanwhile.
    again = suite.submit("u", api_name="/ticker")
    while not again.outputs() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert again.outputs()[0] == "u0"
    assert len(job.outputs()) == seen
    again.cancel()


def test_app_folder_is_the_working_directory(tmp_path: Path) -> None:
    import httpx

    with native_server(APPS / "files_app") as url:
        client = Client(url + "/", verbose=False, download_files=str(tmp_path))
        assert client.predict(api_name="/read_data") == "relative data"
        assert Path(client.predict(api_name="/make_file")).read_text() == "relative data\n"
        static = httpx.get(f"{url}/gradio_api/file=static/hello.txt")
        assert static.status_code == 200 and static.text == "static hello\n"
        assert httpx.get(f"{url}/gradio_api/file=data.txt").status_code == 403  # cwd is not served
