"""kamerbrief: read a Dutch government letter to parliament into one structured, validated record.

    >>> import kamerbrief
    >>> result = kamerbrief.parse_file("letter.md")
    >>> result.record["metadata"]["kenmerk"]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .batch import convert_tree
    from .limits import LimitError
    from .model import (
        Document,
        FormatError,
        InputError,
        KamerbriefError,
        NotALetterError,
        Problem,
        Result,
        SchemaError,
        Source,
    )
    from .parse import parse_bytes, parse_file, parse_source, parse_text
    from .reporters import safe
    from .validate import check_file as validate_file

# name -> (module, attribute): imported when first used, so `kamerbrief --help` imports neither the model
# (dataclasses) nor the parser's patterns, and `kamerbrief parse` does not import batch or validate code
_LAZY = {
    **{name: (".model", name) for name in ("Document", "FormatError", "InputError", "KamerbriefError",
                                           "NotALetterError", "Problem", "Result", "SchemaError", "Source")},
    "parse_bytes": (".parse", "parse_bytes"),
    "parse_file": (".parse", "parse_file"),
    "parse_source": (".parse", "parse_source"),
    "parse_text": (".parse", "parse_text"),
    "validate_file": (".validate", "check_file"),
    "convert_tree": (".batch", "convert_tree"),
    "safe": (".reporters", "safe"),
    "LimitError": (".limits", "LimitError"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'kamerbrief' has no attribute {name!r}")
    from importlib import import_module

    module, attr = _LAZY[name]
    value = getattr(import_module(module, __name__), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Document",
    "FormatError",
    "InputError",
    "KamerbriefError",
    "LimitError",
    "NotALetterError",
    "Problem",
    "Result",
    "SchemaError",
    "Source",
    "__version__",
    "convert_tree",
    "parse_bytes",
    "parse_file",
    "parse_source",
    "parse_text",
    "safe",
    "validate_file",
]
