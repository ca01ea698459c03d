"""Stance: what the government decides on one recommendation, from Dutch cue phrases.

Deterministic and offline. Each cue in `CUES` is (pattern, label, weight). A sentence is scored
by its cues; a negation near an adopting cue turns it into a rejection ("steun ik niet"), a contrast
("maar", "echter") after it into a partial adoption. Earlier sentences weigh more. When adopting and
rejecting cues are both strong, the result is `deels_overgenomen`; when nothing decides, `onbepaald`,
never a confident guess. The deciding sentence is quoted verbatim in `standpunt_citaat`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OVER = "overgenomen"
DEELS = "deels_overgenomen"
NIET = "niet_overgenomen"
OVERWEGING = "in_overweging"
ONBEPAALD = "onbepaald"

_SUBJ = r"(?:ik|wij|we|het kabinet|de regering|Nederland|het ministerie)"

# (pattern, label, weight): weight 1.0 is an explicit decision, lower is an indication.
# Verbs marked in NEEDS_SUBJECT count only in a sentence whose subject is the sender
# ("ik", "het kabinet") or that names the recommendation: "landen te ondersteunen" is no stance.
CUES: tuple[tuple[str, str, float], ...] = (
    # adopting
    (r"\bneem(?:t|en)?\b[^.;]{0,60}\bover\b", OVER, 1.0),
    (r"\bovergenomen\b", OVER, 0.9),
    (r"\b(?:overneemt|overnemen|overneem)\b", OVER, 1.0),
    (r"\b(?:steun|steunt|steunen|ondersteun|ondersteunt|ondersteunen)\b", OVER, 1.0),
    (r"\b(?:onderschrijf|onderschrijft|onderschrijven)\b", OVER, 1.0),
    (r"\b(?:omarm|omarmt|omarmen)\b", OVER, 1.0),
    (r"\b(?:deel|delen|deelt) (?:ik|wij|we|het kabinet) (?:de|deze|die|het)\b[^.;]{0,40}\b(?:analyse|opvatting|mening|zorg|aanbeveling|conclusie)", OVER, 0.8),
    (rf"\b{_SUBJ} (?:deel|deelt|delen)\b[^.;]{{0,20}}\b(?:de|deze|die|het)\b[^.;]{{0,40}}\b(?:analyse|opvatting|mening|zorg|zorgen|aanbeveling|conclusie|doel|doelstelling|ambitie)", OVER, 0.8),
    (r"\b(?:ben|is|zijn) (?:ik|het kabinet|wij) (?:het )?(?:eens|positief)\b", OVER, 0.8),
    (r"\bzal (?:ik|het kabinet)\b[^.;]{0,60}\b(?:uitvoeren|overnemen|invoeren|realiseren|opvolgen)\b", OVER, 0.8),
    (r"\bgeef (?:ik|het kabinet) (?:hier )?(?:graag )?(?:gevolg|opvolging|uitvoering)\b", OVER, 0.9),
    # already being done (counts as adopting)
    (rf"\b{_SUBJ} (?:zet|zetten) zich\b[^.;]{{0,40}}\b(?:reeds|al)\b", OVER, 0.7),
    (r"\b(?:reeds|al)\b[^.;]{0,50}\b(?:in gang gezet|actie toe heeft ondernomen|actie ondernomen|ingezet|gestart|opgepakt|geïmplementeerd|uitgevoerd|in uitvoering|vastgelegd|geregeld|gerealiseerd)\b", OVER, 0.7),
    (r"\bwordt (?:reeds|al)\b[^.;]{0,30}\b(?:gedaan|gewerkt|uitgevoerd)\b", OVER, 0.7),
    # rejecting
    (r"\bneem(?:t|en)?\b[^.;]{0,60}\bniet over\b", NIET, 1.0),
    (r"\bniet (?:over te nemen|overgenomen)\b", NIET, 1.0),
    (r"\b(?:acht|achten|vind|vindt|vinden)\b[^.;]{0,80}\bniet (?:nodig|wenselijk|opportuun|zinvol|noodzakelijk|verstandig|haalbaar|passend)\b", NIET, 1.0),
    (r"\bzie(?:t|n)? (?:ik|het kabinet|wij|we)\b[^.;]{0,40}\bgeen (?:aanleiding|noodzaak|meerwaarde|reden|toegevoegde waarde)\b", NIET, 1.0),
    (r"\bgeen (?:aanleiding|noodzaak|meerwaarde|toegevoegde waarde)\b", NIET, 0.8),
    (r"\b(?:ziet|zie|zien)\b[^.;]{0,30}\bgeen (?:ruimte|mogelijkheid|mogelijkheden) (?:voor|om)\b", NIET, 0.8),
    (r"\b(?:ontraad|ontraden|wijs(?:t)? (?:ik|het kabinet) af|afgewezen|geen voorstander)\b", NIET, 1.0),
    (r"\bzonder (?:concrete |duidelijke |aantoonbare )?(?:voordelen|meerwaarde)\b", NIET, 0.8),
    (r"\bniet gericht op (?:het )?(?:opzetten|oprichten|invoeren|instellen)\b", NIET, 0.8),
    (r"\bzie(?:t|n)? (?:ik|het kabinet|wij|we) af van\b", NIET, 1.0),
    # partly
    (r"\b(?:deels|gedeeltelijk|voor een deel|ten dele|in beginsel|op onderdelen)\b", DEELS, 0.8),
    # to be decided later
    (r"\b(?:zal|zullen|ga|gaat|gaan) (?:ik|het kabinet|wij|we|Nederland)\b[^.;]{0,80}\b(?:bezien|bekijken|onderzoeken|verkennen|nagaan|uitzoeken|overwegen|laten onderzoeken)\b", OVERWEGING, 0.8),
    (rf"\b{_SUBJ} (?:zal|zullen|gaat|gaan)\b[^.;]{{0,80}}\b(?:bezien|bekijken|onderzoeken|verkennen|nagaan|uitzoeken|overwegen)\b", OVERWEGING, 0.8),
    (r"\b(?:zal ik|wordt|worden) (?:dit |deze aanbeveling |de aanbeveling )?(?:nader )?(?:bezien|onderzocht|verkend|overwogen)\b", OVERWEGING, 0.8),
    (r"\bneem (?:ik|het kabinet|wij)\b[^.;]{0,40}\bmee in\b", OVERWEGING, 0.8),
    (r"\bkom(?:t|en)? (?:ik|het kabinet|wij)\b[^.;]{0,40}\bop terug\b", OVERWEGING, 0.9),
    (r"\bin overweging\b", OVERWEGING, 0.9),
)
NEEDS_SUBJECT = frozenset({CUES[2][0], CUES[3][0], CUES[4][0]})
SUBJECT = re.compile(r"\b(?:ik|wij|we|het kabinet|de regering|aanbeveling\w*|advie\w*|voorstel\w*)\b", re.IGNORECASE)
_COMPILED = tuple((re.compile(p, re.IGNORECASE), lab, w, p in NEEDS_SUBJECT) for p, lab, w in CUES)

NEGATION = re.compile(r"\b(?:niet|geen|nooit|allerminst)\b", re.IGNORECASE)
CONTRAST = re.compile(r"\b(?:maar|echter|evenwel|wel\b.*\bmaar|tegelijkertijd)\b", re.IGNORECASE)
ALREADY = re.compile(
    r"\b(?:reeds|al)\b[^.;]{0,50}\b(?:in gang|actie|ondernomen|ingezet|gestart|opgepakt|uitgevoerd|voor in|zich in|vastgelegd|geregeld|gerealiseerd)\b"
    r"|\b(?:zet(?:ten)?|werkt|werken) zich\b[^.;]{0,40}\b(?:reeds|al)\b|\bal (?:jarenlang|sinds \d{4})\b|\bloopt al\b",
    re.IGNORECASE,
)
SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z\"“(])|\n\n+")


@dataclass(frozen=True)
class Stance:
    standpunt: str
    citaat: str | None
    vertrouwen: float
    reeds_in_gang: bool


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.split(text) if s.strip()]


def classify(reactie: str) -> Stance:
    """The stance a response takes, the sentence that decides it, and how explicit it is."""
    sents = sentences(reactie)
    scores: dict[str, float] = {}
    best: dict[str, tuple[float, str, float]] = {}  # label -> (weighted score, sentence, cue weight)
    for k, s in enumerate(sents):
        position = 1.0 / (1.0 + 0.1 * k)
        for label, weight in _sentence_cues(s):
            w = weight * position
            scores[label] = scores.get(label, 0.0) + w
            if label not in best or w > best[label][0]:
                best[label] = (w, s, weight)
    reeds = any(ALREADY.search(s) for s in sents)
    if not scores:
        return Stance(ONBEPAALD, None, 0.0, reeds)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    top, top_score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    total = sum(scores.values())
    labels = {lab for lab, sc in ranked if sc >= 0.5 * top_score}
    if {OVER, NIET} <= labels or (DEELS in labels and top in (OVER, NIET, DEELS)):
        label = DEELS
        citaat = best.get(DEELS, best[top])[1]
        conf = 0.6
    elif second and top_score < 1.5 * second:
        label, citaat, conf = ONBEPAALD, best[top][1], 0.3
    else:
        label = top
        citaat = best[top][1]
        conf = round(min(1.0, best[top][2] * (top_score / total)), 2)
    return Stance(label, citaat, conf, reeds)


def _sentence_cues(s: str) -> list[tuple[str, float]]:
    """The cues a sentence holds, after negation and contrast are applied."""
    found: list[tuple[str, float]] = []
    has_subject = bool(SUBJECT.search(s))
    for rx, label, weight, needs_subject in _COMPILED:
        m = rx.search(s)
        if not m or (needs_subject and not has_subject):
            continue
        if label == OVER:
            window = s[max(0, m.start() - 25): m.end() + 25]
            cue = m.group(0)
            if NEGATION.search(window) and not NEGATION.search(cue):
                label = NIET
            elif CONTRAST.search(s[m.end():]):
                label = DEELS
                weight *= 0.8
        found.append((label, weight))
    # a rejection cue makes a generic adopting cue in the same sentence moot
    if any(lab == NIET and w >= 1.0 for lab, w in found):
        found = [(lab, w) for lab, w in found if lab != OVER]
    return found
