"""The official ``gradio_client`` against ``wasmui serve --native`` for gr.api endpoints
(typed from type hints) and a ``batch=True`` function whose concurrent calls the queue
groups (the function gets lists), as Gradio 6.31 does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from native_server import REPO, native_server

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with native_server(REPO / "tests" / "apps" / "events_app.py") as url:
        yield Client(url + "/", verbose=False)


def test_gr_api_endpoint_from_type_hints(client: Client) -> None:
    info = client.view_api(return_format="dict", print_info=False)["named_endpoints"]
    params = info["/add_and_slice"]["parameters"]
    assert [(p["parameter_name"], p["parameter_has_default"], p["python_type"]["type"]) for p in params] == [
        ("a", False, "int"), ("b", True, "int"), ("c", True, "None | list[str]")]
    assert info["/add_and_slice"]["description"] == "Adds a and b, slices c."
    assert client.predict(a=1, b=3, c=list("wxyz"), api_name="/add_and_slice") == (4, ["x", "y"])
    assert client.predict(a=5, api_name="/add_and_slice") == (7, [])


def test_concurrent_calls_of_a_batch_function_run_together(client: Client) -> None:
    jobs = [client.submit(i, api_name="/double") for i in range(5)]
    assert [job.result(timeout=60) for job in jobs] == [0, 2, 4, 6, 8]
    sizes = client.predict(api_name="/batch_sizes")
    # the first call starts alone; the four queued behind it go in batches of at most 3
    assert sum(sizes) == 5 and max(sizes) <= 3 and len(sizes) < 5, sizes
