"""kamerbrief: read a Dutch government letter to parliament into one structured, validated record.

    >>> import kamerbrief
    >>> result = kamerbrief.parse_file("letter.md")
    >>> result.record["metadata"]["kenmerk"]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from .model import (
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

if TYPE_CHECKING:
    from .batch import convert_tree
    from .validate import check_file as validate_file


def __getattr__(name: str) -> Any:
    """validate_file and convert_tree are imported when first used: `kamerbrief parse` stays quick."""
    if name == "validate_file":
        from .validate import check_file

        return check_file
    if name == "convert_tree":
        from .batch import convert_tree

        return convert_tree
    raise AttributeError(f"module 'kamerbrief' has no attribute {name!r}")

__all__ = [
    "FormatError",
    "InputError",
    "KamerbriefError",
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
