"""kamerbrief: read a Dutch government letter to parliament into one structured, validated record.

    >>> import kamerbrief
    >>> result = kamerbrief.parse_file("letter.md")
    >>> result.record["metadata"]["kenmerk"]
"""

from __future__ import annotations

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
from .parse import parse_file, parse_source, parse_text

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
    "parse_file",
    "parse_source",
    "parse_text",
]
