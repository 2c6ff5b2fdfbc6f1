"""The guidance assistant.

One BLAS thread per process, set before numpy loads: on a busy two-core machine a 6,000 x 384 matrix-vector
product had a p95 of 40 ms with the default threads and 8 ms with one; web workers already use both cores.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
