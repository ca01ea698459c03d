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
    """The model: classes, intercepts, `terms` (term -> offset) and `values`: at a term's offset its idf,
    then its weight for each class."""
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
    model = load()
    terms: dict[str, int] = model["terms"]
    values: list[float] = model["values"]
    words = _WORDS.findall(text.lower())
    counts = Counter(w for w in words if w in terms)
    if len(words) > 1:
        counts.update(g for g in map(" ".join, pairwise(words)) if g in terms)
    if not counts:
        # no word the model knows (an empty response, a number): no evidence, no lean to the commonest label
        return dict.fromkeys(model["classes"], 1.0 / len(model["classes"]))
    x = [((1.0 + math.log(n)) * values[terms[t]], terms[t]) for t, n in counts.items()]
    norm = math.sqrt(sum(v * v for v, _ in x)) or 1.0
    scores = list(model["intercept"])
    for v, at in x:
        v /= norm
        for k in range(len(scores)):
            scores[k] += v * values[at + 1 + k]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return {label: e / total for label, e in zip(model["classes"], exp, strict=True)}
