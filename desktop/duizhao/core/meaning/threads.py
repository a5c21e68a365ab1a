"""One BLAS thread for the many small matrix products of a comparison.

numpy's BLAS starts a thread per core for every product, which pays for large
matrices and costs more than it brings for the small blocks the comparison
scores (a hundred facts against a hundred): on two busy cores the same
comparison measured 4.8 s with the default threads and 1.35 s with one.
:func:`one_blas_thread` limits BLAS for the duration of a ``with`` block
through threadpoolctl, the library the encoder already limits itself with.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

_LOCK = threading.Lock()
_CONTROLLER: list[Any] = []  # one ThreadpoolController, made on first use


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the block with one BLAS thread (no limit when threadpoolctl fails to load)."""
    controller = _controller()
    if controller is None:
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield


def _controller() -> Any:
    with _LOCK:
        if not _CONTROLLER:
            try:
                from threadpoolctl import ThreadpoolController

                _CONTROLLER.append(ThreadpoolController())
            except Exception:  # noqa: BLE001 - a missing or broken library only costs speed
                _CONTROLLER.append(None)
        return _CONTROLLER[0]
