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
# "over" of "neemt ... over" closes its clause; "neemt een besluit over de financiering" is a preposition
_CLAUSE_END = r"\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:en|maar|om|omdat|want|zodat|waarbij|waarmee|dat|als|door|met|in|voor|nu|dus)\b)"

# (pattern, label, weight[, needs_subject]): weight 1.0 is an explicit decision, lower an indication.
# A cue marked True counts only in a sentence whose subject is the sender ("ik", "het kabinet") or
# that names the recommendation: "landen te ondersteunen" is no stance.
CUES: tuple[tuple[str, str, float] | tuple[str, str, float, bool], ...] = (
    # adopting
    (rf"\b(?:neem|neemt|nemen)\b[^.;]{{0,60}}\bover{_CLAUSE_END}", OVER, 1.0),
    (r"\bovergenomen\b", OVER, 0.9),
    (r"\b(?:overneemt|overnemen|overneem)\b", OVER, 1.0),
    (r"\b(?:steun|steunt|steunen|ondersteun|ondersteunt|ondersteunen)\b", OVER, 1.0, True),
    (r"\b(?:onderschrijf|onderschrijft|onderschrijven)\b", OVER, 1.0, True),
    (r"\b(?:omarm|omarmt|omarmen)\b", OVER, 1.0, True),
    (r"\b(?:deel|delen|deelt) (?:ik|wij|we|het kabinet) (?:de|deze|die|het)\b[^.;]{0,40}\b(?:analyse|opvatting|mening|zorg|aanbeveling|conclusie)", OVER, 0.8),
    (rf"\b{_SUBJ} (?:deel|deelt|delen)\b[^.;]{{0,20}}\b(?:de|deze|die|het)\b[^.;]{{0,40}}\b(?:analyse|opvatting|mening|zorg|zorgen|aanbeveling|conclusie|doel|doelstelling|ambitie)", OVER, 0.8),
    (r"\b(?:ben|is|zijn) (?:ik|het kabinet|wij|we) (?:het )?(?:eens|positief)\b", OVER, 0.8),
    (r"\b(?:ik ben|het kabinet is|wij zijn|we zijn|de regering is)\b[^.;]{0,40}\b(?:eens|positief)\b", OVER, 0.8),
    (r"\bspreekt (?:mij|ons|het kabinet) aan\b", OVER, 0.7),
    (r"\bzoals (?:de|het)\b[^.;]{0,40}\b(?:aanbeveelt|adviseert|voorstelt|bepleit)\b", OVER, 0.8),
    (r"\bzal (?:ik|het kabinet)\b[^.;]{0,60}\b(?:uitvoeren|overnemen|invoeren|realiseren|opvolgen)\b", OVER, 0.8),
    (r"\b(?:geef|geeft|geven)\b[^.;]{0,40}\b(?:graag )?(?:gevolg|opvolging|uitvoering) aan\b", OVER, 0.9),
    # already being done (counts as adopting)
    (rf"\b{_SUBJ} (?:zet|zetten) zich\b[^.;]{{0,40}}\b(?:reeds|al)\b", OVER, 0.7),
    (r"\b(?:reeds|al|inmiddels)\b[^.;]{0,50}\b(?:in gang gezet|actie toe heeft ondernomen|actie ondernomen|ingezet|gestart|opgepakt|geïmplementeerd|uitgevoerd|in uitvoering|vastgelegd|geregeld|gerealiseerd|opgericht|ingevoerd|ingesteld|getroffen)\b", OVER, 0.7),
    (r"\bwordt (?:reeds|al)\b[^.;]{0,30}\b(?:gedaan|gewerkt|uitgevoerd)\b", OVER, 0.7),
    # rejecting
    (rf"\b(?:neem|neemt|nemen)\b[^.;]{{0,60}}\bniet over{_CLAUSE_END}", NIET, 1.0),
    (r"\bniet (?:over te nemen|overgenomen)\b", NIET, 1.0),
    (r"\b(?:acht|achten|vind|vindt|vinden)\b[^.;]{0,80}\bniet (?:nodig|wenselijk|opportuun|zinvol|noodzakelijk|verstandig|haalbaar|passend|proportioneel)\b", NIET, 1.0),
    (r"\b(?:is|zijn)\b[^.;]{0,30}\bniet (?:nodig|wenselijk|opportuun|zinvol|noodzakelijk|haalbaar|proportioneel)\b", NIET, 0.6),
    (r"\bzie(?:t|n)? (?:ik|het kabinet|wij|we)\b[^.;]{0,40}\bgeen (?:aanleiding|noodzaak|meerwaarde|reden|toegevoegde waarde)\b", NIET, 1.0),
    (rf"\b{_SUBJ} (?:zie|ziet|zien)\b[^.;]{{0,40}}\bgeen (?:aanleiding|noodzaak|meerwaarde|reden|toegevoegde waarde)\b", NIET, 1.0),
    (r"\bgeen (?:aanleiding|noodzaak|meerwaarde|toegevoegde waarde)\b", NIET, 0.8),
    (r"\b(?:ziet|zie|zien)\b[^.;]{0,30}\bgeen (?:ruimte|mogelijkheid|mogelijkheden) (?:voor|om)\b", NIET, 0.8),
    (r"\b(?:ontraad|ontraden|afgewezen|geen voorstander)\b", NIET, 1.0),
    (r"\b(?:wijs|wijst|wijzen)\b[^.;]{0,40}\baf\b", NIET, 1.0, True),
    (r"\bzonder (?:concrete |duidelijke |aantoonbare )?(?:voordelen|meerwaarde)\b", NIET, 0.8),
    (r"\bniet gericht op (?:het )?(?:opzetten|oprichten|invoeren|instellen)\b", NIET, 0.8),
    (r"\bzie(?:t|n)? (?:ik|het kabinet|wij|we)\b[^.;]{0,40}\baf\b", NIET, 1.0),
    (r"\bkies (?:ik|het kabinet|wij|we) (?:daar |hier )?niet voor\b", NIET, 0.9),
    (rf"\b{_SUBJ} (?:kies|kiest|kiezen) (?:er |daar |hier )?niet voor\b", NIET, 0.9),
    # partly
    (r"\b(?:deels|gedeeltelijk|voor een deel|ten dele|in beginsel|op onderdelen)\b", DEELS, 0.8),
    # to be decided later
    (r"\b(?:zal|zullen|ga|gaat|gaan) (?:ik|het kabinet|wij|we|Nederland)\b[^.;]{0,80}\b(?:bezien|bekijken|onderzoeken|verkennen|nagaan|uitzoeken|overwegen|laten onderzoeken)\b", OVERWEGING, 0.8),
    (rf"\b{_SUBJ} (?:zal|zullen|gaat|gaan|ga)\b[^.;]{{0,80}}\b(?:bezien|bekijken|onderzoeken|verkennen|nagaan|uitzoeken|overwegen)\b", OVERWEGING, 0.8),
    (r"\b(?:zal ik|wordt|worden) (?:dit |deze aanbeveling |de aanbeveling )?(?:nader )?(?:bezien|onderzocht|verkend|overwogen)\b", OVERWEGING, 0.8),
    (r"\b(?:neem|neemt|nemen)\b[^.;]{0,50}\bmee (?:in|bij)\b", OVERWEGING, 0.8),
    (r"\bmeegenomen\b", OVERWEGING, 0.6),
    (r"\bkom(?:t|en)?\s+(?:ik|het kabinet|wij|we)\b[^.;]{0,60}\bterug\b", OVERWEGING, 0.9),
    (rf"\b{_SUBJ}\s+kom(?:t|en)?\b[^.;]{{0,60}}\bterug\b", OVERWEGING, 0.9),
    (r"\blaat\b[^.;]{0,40}\b(?:onderzoeken|uitwerken|verkennen|uitzoeken|analyseren|in kaart brengen)\b", OVERWEGING, 0.8),
    (rf"\b(?:onderzoek|onderzoekt|onderzoeken|verken|verkent|verkennen)\s+{_SUBJ}\b|\b{_SUBJ}\s+(?:onderzoek|onderzoekt|onderzoeken|verken|verkent)\b", OVERWEGING, 0.8),
    (r"\b(?:overweeg|overweegt)\b", OVERWEGING, 0.8),
    (r"\b(?:ga|gaat|gaan)\b(?:\s+(?:ik|het kabinet|wij|we))?\s+na\s+of\b", OVERWEGING, 0.8, True),
    (r"\bbetrek(?:t|ken)?\b[^.;]{0,40}\bbij\b", OVERWEGING, 0.7),
    (r"\bwacht(?:en)?\b[^.;]{0,60}\baf\b", OVERWEGING, 0.6),
    (r"\bbesluit\b[^.;]{0,60}\b(?:volgt|neemt het volgende kabinet|later)\b", OVERWEGING, 0.7),
    (r"\b(?:daarna|daarop|vervolgens|op basis daarvan|daarna)\b[^.;]{0,30}\b(?:besluit|besluiten|een besluit)\b", OVERWEGING, 0.7),
    (r"\blaat\b[^.;]{0,40}\b(?:verkenning|onderzoek|analyse)\b[^.;]{0,40}\buitvoeren\b", OVERWEGING, 0.8),
    (r"\b(?:bezie|beziet)\b", OVERWEGING, 0.8),
    (r"\bin overweging\b", OVERWEGING, 0.9),
)
SUBJECT = re.compile(r"\b(?:ik|wij|we|het kabinet|de regering|aanbeveling\w*|advie\w*|voorstel\w*)\b", re.IGNORECASE)
_COMPILED = tuple((re.compile(c[0], re.IGNORECASE), c[1], c[2], len(c) > 3 and bool(c[3])) for c in CUES)

NEGATION = re.compile(r"\b(?:niet|geen|nooit|allerminst)\b", re.IGNORECASE)
# ", al ... niet": the scan after one ", al" stops at the next (which scans on from there), so that a run
# of ", al" is read once and not once for every ", al" in it
CONTRAST = re.compile(
    r"\b(?:maar|echter|evenwel|tegelijkertijd)\b|;[^;]*\b(?:niet|geen)\b|,\s*al\b(?:(?!,\s*al\b)[^.;])*?\bniet\b",
    re.IGNORECASE,
)
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
    return [s for _, s in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of the text, as `sentences` splits it."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in [*SENTENCE.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            out.append((start + len(piece) - len(piece.lstrip()), stripped))
        if m:
            start = m.end()
    return out


def classify(reactie: str) -> Stance:
    """The stance a response takes, the sentence that decides it, and how explicit it is."""
    sents = sentences(reactie)
    scores: dict[str, float] = {}
    best: dict[str, tuple[float, str, float]] = {}  # label -> (weighted score, sentence, cue weight)
    for k, s in enumerate(sents):
        position = 1.0 / (1.0 + 0.25 * k)
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
    contrast = False
    for rx, label, weight, needs_subject in _COMPILED:
        m = rx.search(s)
        if not m or (needs_subject and not has_subject):
            continue
        if label == OVER:
            # the cue's own clause: up to 20 characters either side, not past a comma or semicolon
            before = re.split(r"[,;]", s[max(0, m.start() - 20): m.start()])[-1]
            after = re.split(r"[,;]", s[m.end(): m.end() + 20])[0]
            if CONTRAST.search(s[m.end():]) and not NEGATION.search(before + m.group(0)):
                label = DEELS
                weight *= 0.8
                contrast = True
            elif NEGATION.search(before + m.group(0) + after):
                label = NIET
        found.append((label, weight))
    labels = {lab for lab, _ in found}
    if contrast and NIET in labels:
        return [(DEELS, 1.0)]  # "eens met de analyse, maar neemt de oplossing niet over"
    # a rejection cue makes a generic adopting cue in the same sentence moot
    if any(lab == NIET and w >= 1.0 for lab, w in found):
        found = [(lab, w) for lab, w in found if lab != OVER]
    # overlapping cues for one phrase count once: the strongest per label
    best: dict[str, float] = {}
    for lab, w in found:
        best[lab] = max(best.get(lab, 0.0), w)
    return list(best.items())
