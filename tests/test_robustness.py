"""Whatever text comes in, parsing ends in a record that fits the schema or in a KamerbriefError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kamerbrief
from kamerbrief.model import KamerbriefError

from .conftest import sample_letters

LINES = [ln for p in sample_letters() if p.suffix in (".md", ".txt")
         for ln in p.read_text(encoding="utf-8").splitlines()]
NOISE = st.text(alphabet=st.sampled_from(list("\f\n -*#|>:.,;()0123456789aeXIVnr'\"“”")), max_size=40)


@st.composite
def letters(draw: st.DrawFn) -> str:
    """Lines of real-looking letters, shuffled, cut and salted with noise."""
    picked = draw(st.lists(st.sampled_from(LINES), min_size=0, max_size=50))
    noise = draw(st.lists(NOISE, max_size=5))
    out = list(picked)
    for k, n in enumerate(noise):
        out.insert(draw(st.integers(0, len(out))) if out else 0, n + str(k))
    return "\n".join(out)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=letters(), fmt=st.sampled_from(["text", "markdown"]))
def test_any_text_gives_a_valid_record_or_a_clear_error(text: str, fmt: str) -> None:
    try:
        result = kamerbrief.parse_text(text, fmt=fmt)
    except KamerbriefError as exc:
        assert str(exc).startswith("<text>")
        return
    assert result.record["schema_version"]  # parse_text validated it against the schema already
