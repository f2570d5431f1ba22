"""Run an app with uvicorn on a free loopback port in a background thread (tests, screenshots)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


@contextmanager
def running(app, host: str = "127.0.0.1", timeout: float = 20.0) -> Iterator[str]:
    """Yield the base URL ("http://127.0.0.1:PORT") while the server answers; stop it after."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=free_port(host), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://{host}:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
