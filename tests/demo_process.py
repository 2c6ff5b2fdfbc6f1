"""`actionagenda demo` run as a newcomer runs it: its own process, on a free port, an empty data folder, no
SITE_URL; what it prints (its console e-mails too) is kept in a file for the test to read."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Demo:
    def __init__(self, url: str, log: Path):
        self.url, self.log = url, log

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@contextmanager
def running_demo(data_dir: Path, port: int, commitments: int = 12, timeout: float = 180):
    """The demo serving on `port` from `data_dir` until the block ends; fails with its output if it never does."""
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir / f"demo-{time.monotonic_ns()}.log"
    env = {key: value for key, value in os.environ.items()
           if key not in ("SITE_URL", "DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "EMAIL_URL")}
    env.update(ACTIONAGENDA_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "actionagenda.cli", "demo", "--port", str(port),
                                    "--commitments", str(commitments)], env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    demo = Demo(f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(f"{demo.url}/en/", timeout=5)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the demo did not serve:\n{demo.output()}") from None
                time.sleep(0.5)
        yield demo
    finally:
        process.terminate()  # gunicorn's arbiter stops its workers; the demo's atexit stops its task worker
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
