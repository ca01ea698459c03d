"""The learned half of the stance: word uni- and bigrams weighed by a logistic regression, in plain Python.

The model (kamerbrief/data/stance-model.json) is trained by tools/train_stance.py on the labelled sets in
tests/data: passages written for the project in the language of kabinetsreacties, none copied from a real
letter. Reading it is a tokenisation and one dictionary lookup per word and word pair, the same arithmetic
as scikit-learn's TfidfVectorizer (sublinear tf, idf, l2 norm) and LogisticRegression (softmax):

    terms   the lower-cased words of two or more letters or digits, and each pair of neighbours
    x       (1 + ln count) * idf for each term the model knows, scaled to length 1
    p       softmax(intercept + x . weights)

One deliberate difference: a text with no word the model knows gets equal probabilities, where
scikit-learn would give the softmax of the intercepts (a lean to the commonest label on no evidence).

The model is loaded on its first use, not at import: a few milliseconds (the weights are one base64 string).
"""

from __future__ import annotations

import base64
import json
import math
import re
import sys
from array import array
from collections import Counter
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

MODEL = Path(__file__).parent / "data" / "stance-model.json"
TOKEN = r"(?u)\b\w\w+\b"  # scikit-learn's default token pattern; the training script passes this one
_WORDS = re.compile(TOKEN)


@lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    """The model: classes, intercepts, `terms` (term -> offset; a word pair joined by a space) and `values`:
    at a term's offset its idf, then its weight for each class. Nothing is built per term beyond the one
    dictionary (a row per term, or pairs split into tuples, doubled the time to load)."""
    doc: dict[str, Any] = json.loads(MODEL.read_text(encoding="utf-8"))
    rows = array("f", base64.b64decode(doc.pop("weights")))
    if sys.byteorder != "little":
        rows.byteswap()
    width = 1 + len(doc["classes"])
    doc["terms"] = {t: i * width for i, t in enumerate(doc["terms"].split("\n"))}
    doc["values"] = rows.tolist()
    return doc


def probabilities(text: str) -> dict[str, float]:
    """Each label's probability for a response passage (the four labels of the model, summing to 1)."""
    return dict(zip(load()["classes"], _probabilities(text), strict=True))


@lru_cache(maxsize=256)
def _probabilities(text: str) -> tuple[float, ...]:
    """`probabilities` as a tuple in the order of the classes, kept for the last 256 texts: a response is read
    whole, then sentence by sentence to choose the one quoted (a pure function of the string; `stance.forget`
    empties the cache as each letter begins)."""
    model = load()
    terms: dict[str, int] = model["terms"]
    values: list[float] = model["values"]
    words = _WORDS.findall(text.lower())
    # each known term with its count, unigrams then bigrams, each in the order of first occurrence (Counter
    # counts in C; only the distinct terms are looked up)
    counts = [(n, at) for w, n in Counter(words).items() if (at := terms.get(w)) is not None]
    if len(words) > 1:
        counts += [(n, at) for g, n in Counter(map(" ".join, pairwise(words))).items()
                   if (at := terms.get(g)) is not None]
    if not counts:
        # no word the model knows (an empty response, a number): no evidence, no lean to the commonest label
        return (1.0 / len(model["classes"]),) * len(model["classes"])
    x = [((1.0 + math.log(n)) * values[at], at) for n, at in counts]
    norm = math.sqrt(sum(v * v for v, _ in x)) or 1.0
    x = [(v / norm, at) for v, at in x]
    scores = []
    for k, score in enumerate(model["intercept"], start=1):  # each class's sum, term by term in order
        for v, at in x:
            score += v * values[at + k]
        scores.append(score)
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return tuple(e / total for e in exp)
