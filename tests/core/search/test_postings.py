"""Whoosh's posting pool as patched by duizhao.core.search.postings: same order, same index."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from whoosh import fields, index, writing
from whoosh.filedb.filestore import FileStorage
from whoosh.query import Term

from duizhao.core import yielding
from duizhao.core.search import postings

postings.install()

WORDS = [f"w{n:03d}" for n in range(400)]


def _postings(count: int, seed: int = 7) -> list[tuple[str, bytes, int, float, bytes]]:
    rng = random.Random(seed)
    return [
        ("body", rng.choice(WORDS).encode(), rng.randrange(5000), 1.0, b"\x01")
        for _ in range(count)
    ]


def test_chunk_sorted_gives_the_order_of_one_sort(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postings, "SORT_CHUNK", 97)
    items = _postings(2_000)
    expected = sorted(items)
    assert list(postings.chunk_sorted(list(items))) == expected
    small = items[:50]
    assert list(postings.chunk_sorted(list(small))) == sorted(small)


def test_a_pool_spilled_to_runs_reads_back_sorted(tmp_path: Path) -> None:
    storage = FileStorage(str(tmp_path)).create()
    pool = writing.PostingPool(storage, segment=None, limitmb=1)
    items = _postings(30_000)
    for item in items:
        pool.add(item)
    assert len(pool.runs) >= 2  # the pool really went through run files
    assert list(pool.items()) == sorted(items)
    pool.cleanup()


def test_files_written_through_the_large_buffer_read_back_whole(tmp_path: Path) -> None:
    storage = FileStorage(str(tmp_path)).create()
    data = bytes(range(256)) * 9_000  # more than one buffer
    with storage.create_file("blob") as f:
        f.write(data)
    assert (tmp_path / "blob").read_bytes() == data
    with storage.create_file("excl", excl=True) as f:
        f.write(b"once")
    assert (tmp_path / "excl").read_bytes() == b"once"


def test_an_index_built_through_runs_finds_every_document(tmp_path: Path) -> None:
    schema = fields.Schema(id=fields.ID(stored=True), body=fields.TEXT)
    ix = index.create_in(str(tmp_path), schema)
    rng = random.Random(3)
    docs = {str(n): [rng.choice(WORDS) for _ in range(60)] for n in range(1_500)}
    writer = ix.writer(limitmb=1)  # tiny pool: postings spill to several runs
    for doc_id, words in docs.items():
        writer.add_document(id=doc_id, body=" ".join(words))
    writer.commit()
    with ix.searcher() as searcher:
        for word in ("w000", "w123", "w399"):
            found = {hit["id"] for hit in searcher.search(Term("body", word), limit=None)}
            assert found == {d for d, words in docs.items() if word in words}
    assert not list(tmp_path.glob("*.run"))  # the runs are removed
    ix.close()


def test_breathe_sleeps_only_once_the_worker_has_worked_long_enough(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [100.0]
    slept: list[float] = []
    monkeypatch.setattr(yielding.time, "perf_counter", lambda: clock[0])
    monkeypatch.setattr(yielding.time, "sleep", slept.append)
    result: list[list[float]] = []

    def worker() -> None:  # a fresh thread: its own breathing clock
        yielding.breathe()  # starts the clock
        clock[0] += yielding.EVERY / 2
        yielding.breathe()
        assert not slept
        clock[0] += yielding.EVERY
        yielding.breathe()
        result.append(list(slept))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert result == [[yielding.PAUSE]]


def test_breathing_passes_items_through_and_breathes_per_block(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(postings, "breathe", lambda: calls.append(1))
    items = list(range(postings.BREATH_ITEMS * 3 + 5))
    assert list(postings.breathing(iter(items))) == items
    assert len(calls) == 4
