"""The field rules in the order they run; each reads the layout and the parts of the rules before it.

Adding a field is one rule module and one line here. The order is that of need, not of the record:
commitments read the sections and responses, references also the footnotes and the questions.
"""

from __future__ import annotations

from .rules import aanbevelingen, aanhef, commitments, metadata, ondertekening, references, voetnoten, vragen
from .rules.base import Rule

RULES: tuple[tuple[str, Rule], ...] = (
    ("metadata", metadata.rule),  # kenmerk, datum, onderwerp, afzender, mede namens, Kamerstuk
    ("aanhef", aanhef.rule),  # "Geachte voorzitter,"
    ("secties", aanbevelingen.rule),  # secties and aanbevelingen with their stance
    ("vragen", vragen.rule),  # soort, and the Kamervragen with their answers
    ("voetnoten", voetnoten.rule),  # typed note list, Word notes, page feet, notes after the letter
    ("toezeggingen", commitments.rule),  # commitments in the sections and responses
    ("verwijzingen", references.rule),  # cited documents in all of the above
    ("ondertekening", ondertekening.rule),  # closing formula and signers
)
