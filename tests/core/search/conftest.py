"""Shared by the search tests: one jieba start per module, in a cache of its own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from duizhao.core.text import Segmenter, shared_segmenter, use_shared_segmenter


@pytest.fixture(scope="module")
def cached_segmenter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The shared segmenter with its cache in a temporary directory; the one in
    use before is put back."""
    before = shared_segmenter()
    use_shared_segmenter(Segmenter(tmp_path_factory.mktemp("jieba")))
    yield
    use_shared_segmenter(before)
