"""A lean deduce pipeline: deduce's name annotators and lookup lists only.

``deduce.Deduce()`` builds (and pickles into site-packages) lookup structures for *all* its lists,
including ~770k street variants; that takes minutes on a fresh install and ~15 s to unpickle
afterwards. We only need deduce's *name* machinery (first names, surnames, initials, prefixes,
interfixes, whitelist, context patterns), which builds in about a second and needs no cache.
Streets and place names are read straight from deduce's raw lists (see ``vocabulary`` and
``addresses``).

Importing deduce calls ``logging.basicConfig(DEBUG, stdout)`` and changes warning filters;
we undo both so that importing this package never changes the host's logging.
"""

from __future__ import annotations

import copy
import json
import logging
import warnings
from pathlib import Path


def _import_deduce():
    root = logging.getLogger()
    saved_handlers = list(root.handlers)
    saved_level = root.level
    with warnings.catch_warnings():
        import deduce  # noqa: F401  (side effects undone below)
        import deduce.deduce as deduce_module
        from deduce import lookup_struct_loader, lookup_structs
    for handler in list(root.handlers):
        if handler not in saved_handlers:
            root.removeHandler(handler)
    root.setLevel(saved_level)
    return deduce_module, lookup_struct_loader, lookup_structs


_NAME_LISTS = [
    "names/lst_first_name",
    "names/lst_initial",
    "names/lst_interfix",
    "names/lst_interfix_surname",
    "names/lst_prefix",
    "names/lst_surname",
    "whitelist/lst_common_word",
    "whitelist/lst_eponymous_disease",
    "whitelist/lst_medical_term",
    "whitelist/lst_stop_word",
]


class DeduceNames:
    """Runs deduce's name annotators; exposes deduce's raw lists for the rule layer."""

    def __init__(self, extra_first_names=(), extra_surnames=()) -> None:
        # deduce.annotator calls warnings.simplefilter("default") when first imported
        with warnings.catch_warnings():
            self._build(extra_first_names, extra_surnames)

    def _build(self, extra_first_names, extra_surnames) -> None:
        import docdeid as dd
        from frozendict import frozendict

        deduce_module, loader, structs = _import_deduce()
        self.lookup_path: Path = deduce_module._LOOKUP_LIST_PATH  # noqa: SLF001
        raw = structs.load_raw_itemsets(base_path=self.lookup_path, subdirs=_NAME_LISTS)
        raw["first_name"] = set(raw["first_name"]) | set(extra_first_names)
        raw["surname"] = set(raw["surname"]) | set(extra_surnames)
        self.raw = raw
        self._structs = structs

        tokenizer = deduce_module.Deduce._initialize_tokenizer(self.lookup_path)  # noqa: SLF001
        ds = dd.ds.DsCollection()
        for name in ("initial", "interfix_surname", "stop_word", "common_word", "medical_term"):
            lookup = dd.ds.LookupSet()
            lookup.add_items_from_iterable(raw[name])
            ds[name] = lookup
        ds["prefix"] = loader.load_prefix_lookup(raw)
        ds["interfix"] = loader.load_interfix_lookup(raw)
        ds["whitelist"] = loader.load_whitelist_lookup(raw)
        ds["first_name"] = loader.load_first_name_lookup(raw, tokenizer)
        ds["surname"] = loader.load_surname_lookup(raw, tokenizer)
        ds["eponymous_disease"] = loader.load_eponymous_disease_lookup(raw, tokenizer)
        self.ds = ds

        with open(deduce_module._BASE_CONFIG_FILE, encoding="utf-8") as fh:  # noqa: SLF001
            base = json.load(fh)
        annotators = {
            name: copy.deepcopy(info)
            for name, info in base["annotators"].items()
            if info.get("group") == "names" and name != "patient_name"
        }
        config = copy.deepcopy(base)
        config["annotators"] = annotators
        self._deid = dd.DocDeid()
        self._deid.tokenizers["default"] = tokenizer
        extras = {"tokenizer": tokenizer, "ds": ds}
        self._deid.processors = deduce_module._DeduceProcessorLoader().load(  # noqa: SLF001
            config=frozendict(config), extras=extras
        )
        self.whitelist = ds["whitelist"]

    def raw_itemsets(self, subdirs: list[str]) -> dict[str, set[str]]:
        """Deduce's raw lookup lists under ``subdirs`` (e.g. its place-name lists)."""
        return self._structs.load_raw_itemsets(base_path=self.lookup_path, subdirs=subdirs)

    def person_spans(self, text: str) -> list[tuple[int, int]]:
        doc = self._deid.deidentify(text, disabled={"merge_adjacent_annotations", "redactor"})
        return [(a.start_char, a.end_char) for a in doc.annotations if a.tag in ("persoon", "patient")]

    def is_whitelisted(self, word: str) -> bool:
        return word in self.whitelist
