"""Stance: what the government decides on one recommendation, from Dutch cue phrases and a learned model.

Deterministic and offline. Two readers, combined in `classify`: the cues below, which know explicit
decisions, negation, concession and structure ("neem ik over", "zie ik af van", one part taken and another
refused), and `stance_model`, a logistic regression over word uni- and bigrams trained on the labelled sets,
which reads the implicit language the cues miss (an act that does what was asked, the present arrangement
said to suffice). An explicit cue decides (`EXPLICIT`), unless the model overrules it (`classify`); otherwise
the model decides, and below `MODEL_THRESHOLD` says
`onbepaald`. On a set written by a new writer and never trained on, the cues alone read 54.5 % right, the two
together 83.0 % at the first reading (README "Stance").

The cues. Each cue in `CUES` is (pattern, label, weight, keys[, flags]). A sentence is
scored by its cues; a negation in the cue's own clause turns an adopting cue into a rejection ("steun ik
niet", "volgt het advies ... niet"), a contrast ("maar", "echter") after it into a partial adoption, a
restriction ("neem ik alleen over voor ...") too. Cues inside a concessive clause ("Hoewel ik niet uitsluit
dat ...", "zonder dat ...") do not count, except agreement conceded there; nor do cues in an indirect
question ("Ik heb overwogen of ..."): the main clause decides. Earlier sentences weigh
more, the last sentence not much less (kabinetsreacties state the decision up front or conclude with it
after the context). When adopting and rejecting cues are both strong, or a rejection is set against an
adoption ("echter", "maar"), the result is `deels_overgenomen` (the aim shared, not the means); when
nothing decides, `onbepaald`, never a confident guess. Where no cue speaks, the sender's own act is read
("Ik richt dit fonds per 1 januari op"): trusted just above the threshold when it is concrete (a date, money,
a rule) and nothing else in the response limits it, a lean below it otherwise. What the recommendation itself
asks ("De aanbeveling om ... te betrekken bij ...") never decides. The deciding sentence is quoted verbatim in
`standpunt_citaat`.

Speed: a cue only runs on the sentences that hold one of its `keys` (whole words, lower case). The words
of the response are read once, so a long response costs one tokenisation plus the few cue searches that
can match, instead of every cue on every sentence. The cue table is made on the first classification
(`_lexicon`), not at import, and each cue's pattern, like the classifier's other patterns, is compiled on
its first search (`lexicon.LazyPattern`): a letter pays only for the cues its responses can match (the
markdown sample with recommendations compiles 35 of the 199, about a fifth of their compiling time), and one
without recommendations for none of them.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from . import stance_model
from .lexicon import FOLDS, MONTH_NAMES, LazyPattern

OVER = "overgenomen"
DEELS = "deels_overgenomen"
NIET = "niet_overgenomen"
OVERWEGING = "in_overweging"
ONBEPAALD = "onbepaald"
# internal: the recommendation is addressed to others and only passed on; reported as `onbepaald`
ELDERS = "elders"

# The cues' own cut, from before the model (the blind3 round; `benchmarks/stance_report.py --cues-only` reads
# with it): a label from an explicit, uncontested cue scores 0.8-1.0, one from an indication or a mixed
# response 0.6-0.7, a concrete act of the sender's own where no cue speaks 0.55, a lean 0.4 and a contested
# response 0.3; below 0.5 the cues alone say `onbepaald`. `classify` no longer applies it: below `EXPLICIT`
# the model reads the response.
THRESHOLD = 0.5
# `classify`: a label from the cues at EXPLICIT or more is a decision they read (an explicit cue, a mixed
# response, a refusal in the sender's own words); below it (a lean from an act, a contested response, nothing
# found) the model reads the response. Measured with `python tools/train_stance.py --check`, each labelled set
# read by a model trained without it (1,375 passages): the model's label was right 611/619 times at 0.8 and
# more, 328/367 at 0.6-0.8, 144/199 at 0.5-0.6, 49/84 at 0.45-0.5, 28/49 at 0.40-0.45, 15/38 at 0.35-0.40 and
# 8/19 below. MODEL_THRESHOLD: below it `onbepaald`, though the label would still be right a little over a
# third of the time (`onbepaald` about a fifth): precision before coverage. MODEL_SURE: from here the model
# overrules a cue that says the opposite. MODEL_PART: from here its `deels_overgenomen` overrules a cue's all or
# nothing. TORN: the model's rejection at least this share of its adoption is no adoption. The figures for
# EXPLICIT, MODEL_SURE, MODEL_PART and TORN are in tools/train_stance.py --check (leave one set out, the cues and
# the model together: 88.2 %, no rejection read as an adoption).
EXPLICIT = 0.6
MODEL_THRESHOLD = 0.4
MODEL_SURE = 0.8
MODEL_PART = 0.6
TORN = 0.6

_SUBJ = r"(?:ik|wij|we|het kabinet|de regering|Nederland|het ministerie)"
_SUBJ_KEYS = "ik wij we kabinet regering nederland ministerie"
# "over" of "neemt ... over" closes its clause; "neemt een besluit over de financiering" is a preposition
_CLAUSE_END = r"\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:en|maar|om|omdat|want|zodat|waarbij|waarmee|dat|als|door|met|in|voor|nu|dus|wat|onder|mits|zodra|tenzij)\b)"
_NEEM = "neem neemt nemen"

# (pattern, label, weight, keys[, flags]): weight 1.0 is an explicit decision, lower an indication.
# keys: the cue runs only on a sentence holding one of these words (every match must contain one).
# flags: "s" counts only in a sentence whose subject is the sender ("ik", "het kabinet") or that names the
# recommendation ("landen te ondersteunen" is no stance); "aim" agrees with the aim (with a rejection of
# the means it makes `deels`); "means" rejects the proposed means and counts only next to an aim cue;
# "ref" only names the recommendation ("zoals de raad aanbeveelt") and counts only where no other cue in its
# sentence decides; "dbl" a double negation that adopts ("geen reden om ... niet over te nemen").
CUES: tuple[tuple[str, str, float, str] | tuple[str, str, float, str, str], ...] = (
    # adopting
    # "neemt daar geen besluit over" decides nothing: the gap holds no decision noun
    (rf"\b(?:neem|neemt|nemen)\b(?:(?!\b(?:besluit|beslissing|standpunt)\b)[^.;]){{0,160}}\bover{_CLAUSE_END}", OVER, 1.0,
     _NEEM),
    (r"\bovergenomen\b", OVER, 0.9, "overgenomen"),
    (r"\b(?:overneemt|overnemen|overneem)\b", OVER, 1.0, "overneemt overnemen overneem"),
    (r"\b(?:steun|steunt|steunen|ondersteun|ondersteunt|ondersteunen)\b", OVER, 1.0,
     "steun steunt steunen ondersteun ondersteunt ondersteunen", "s"),
    (r"\b(?:onderschrijf|onderschrijft|onderschrijven)\b", OVER, 1.0, "onderschrijf onderschrijft onderschrijven",
     "s"),
    (r"\b(?:omarm|omarmt|omarmen|omarmd)\b", OVER, 1.0, "omarm omarmt omarmen omarmd", "s"),
    (r"\b(?:deel|delen|deelt) (?:ik|wij|we|het kabinet) (?:de|deze|die|het)\b[^.;]{0,40}\b(?:analyse|opvatting|mening|zorg|aanbeveling|conclusie)",
     OVER, 0.8, "deel delen deelt", "aim"),
    (rf"\b{_SUBJ} (?:deel|deelt|delen)\b[^.;]{{0,20}}\b(?:de|deze|die|het)\b[^.;]{{0,40}}\b(?:analyse|opvatting|mening|zorg|zorgen|aanbeveling|conclusie|doel|doelstelling|ambitie|wens|streven|strekking)",
     OVER, 0.8, "deel delen deelt", "aim"),
    # the aim named first: "Het doel van de aanbeveling ... deelt het kabinet", "Het streven ... steun ik"
    (r"\b(?:doel|doelen|doelstelling|streven|strekking|wens|ambitie|zorg|zorgen|analyse|probleemanalyse)\b[^.;]{0,100}\b(?:deel|deelt|delen|onderschrijf|onderschrijft|onderschrijven|steun|steunt|steunen) (?:ik|wij|we|het kabinet)\b",
     OVER, 0.9, "doel doelen doelstelling streven strekking wens ambitie zorg zorgen analyse probleemanalyse", "aim"),
    (r"\b(?:onderschrijf|onderschrijft|onderschrijven|steun|steunt|steunen|deel|deelt|delen|erken|erkent|erkennen|herken|herkent|herkennen|onderken|onderkent|onderkennen)\b[^.;]{0,30}\b(?:het|de|dit|deze|dat|die) (?:doel|doelstelling|streven|strekking|wens|ambitie|noodzaak|belang|zorg|zorgen|probleem|analyse|beeld|richting|intentie)\b",
     OVER, 0.9, "onderschrijf onderschrijft onderschrijven steun steunt steunen deel deelt delen erken erkent erkennen "
     "herken herkent herkennen onderken onderkent onderkennen",
     "aim"),
    (r"\b(?:ben|is|zijn) (?:ik|het kabinet|wij|we) (?:het )?(?:eens|positief)\b", OVER, 0.8, "eens positief", "aim"),
    (r"\b(?:ben|is|zijn) (?:ik|het kabinet|wij|we)\b[^.;]{0,40}\beens\b", OVER, 0.8, "eens", "aim"),
    (r"^Met (?:de|het)\b[^.;,]{0,40}\b(?:vind|vindt|vinden|ben|is|zijn|deel|deelt|delen) (?:ik|wij|we|het kabinet)\b", OVER, 0.8,
     "met", "aim"),
    (r"\b(?:kan|kunnen|kun)\b[^.;]{0,30}\b(?:zich|mij|me|ons)\b[^.;]{0,20}\bvinden in\b", OVER, 0.9, "vinden"),
    (r"\b(?:ik ben|het kabinet is|wij zijn|we zijn|de regering is)\b[^.;]{0,40}\b(?:eens|positief)\b", OVER, 0.8,
     "eens positief", "aim"),
    (r"\bspreekt (?:mij|ons|het kabinet) aan\b", OVER, 0.7, "spreekt"),
    # a reference, not a decision: below EXPLICIT, so the model reads the response ("Een verplichting, zoals de
    # commissie aanbeveelt, is in strijd met het vrije verkeer" refuses)
    (r"\bzoals (?:de|het)\b[^.;]{0,40}\b(?:aanbeveelt|adviseert|voorstelt|bepleit)\b", OVER, 0.5,
     "aanbeveelt adviseert voorstelt bepleit", "ref"),
    (r"\b(?:conform|overeenkomstig) (?:de|het|deze|dit) (?:aanbeveling|advies|voorstel)", OVER, 0.8,
     "conform overeenkomstig"),
    (r"\bzal (?:ik|het kabinet)\b[^.;]{0,60}\b(?:uitvoeren|overnemen|invoeren|realiseren|opvolgen|doorvoeren|implementeren|toepassen)\b", OVER, 0.8,
     "uitvoeren overnemen invoeren realiseren opvolgen doorvoeren implementeren toepassen"),
    (rf"\b{_SUBJ} (?:zal|zullen|ga|gaat|gaan)\b[^.;]{{0,80}}\b(?:uitvoeren|overnemen|invoeren|realiseren|opvolgen|doorvoeren|implementeren|toepassen|opnemen|vastleggen|verankeren)\b", OVER,
     0.8, "uitvoeren overnemen invoeren realiseren opvolgen doorvoeren implementeren toepassen opnemen vastleggen verankeren"),
    (r"\b(?:voer|voert|voeren) (?:ik|wij|we|het kabinet)\b[^.;]{0,60}\buit\b", OVER, 0.8, "voer voert voeren"),
    # an intention or decision to carry it out: "Ik ben voornemens de aanbeveling uit te voeren."
    (r"\b(?:besloten|besluit|voornemens|bereid|van plan|toe)\b[^.;]{0,160}\b(?:uit te voeren|in te voeren|over te nemen|op te volgen|door te voeren|te realiseren|aan te passen|te volgen|te implementeren|toe te passen)\b",
     OVER, 0.9, "voeren nemen volgen realiseren passen implementeren", "s"),
    # assent: "Het kabinet stemt in met deze aanbeveling."
    (r"\b(?:stem|stemt|stemmen)\b[^.;]{0,30}\bin met\b", OVER, 1.0, "stem stemt stemmen", "s"),
    (r"\bgeen (?:bezwaar|bezwaren) tegen\b", OVER, 0.8, "bezwaar bezwaren", "dbl"),
    (r"\b(?:zeg|zegt|zeggen) (?:ik|wij|we|het kabinet) toe\b|\b(?:ik|wij|we|het kabinet) (?:zeg|zegt|zeggen) toe\b", OVER, 0.8,
     "zeg zegt zeggen"),
    (r"\b(?:aanbeveling|aanbevelingen|advies|adviezen)\b[^.;]{0,40}\b(?:wordt|worden|is|zijn)\b[^.;]{0,30}\b(?:uitgevoerd|opgevolgd|ingevoerd|doorgevoerd|verwerkt|opgenomen|geïmplementeerd)\b(?!\s+in (?:de |het )?bijlage)",
     OVER, 0.8, "uitgevoerd opgevolgd ingevoerd doorgevoerd verwerkt opgenomen geïmplementeerd"),
    # an order given to carry it out: "Ik heb de Belastingdienst opdracht gegeven de brieven te herschrijven"
    # (to study it is in_overweging, below)
    (r"\bopdracht (?:gegeven|verleend)\b(?![^.;]*\b(?:onderzoek\w*|verken\w*|uit te zoeken|in kaart|na te gaan|te bezien)\b)"
     r"|\b(?:maak|maakt|maken)\b[^.;]{0,30}\bwerk van\b", OVER, 0.8, "opdracht werk", "s"),
    (r"\b(?:ga|gaat|gaan)\b[^.;]{0,30}\bover tot\b", OVER, 0.8, "tot"),
    (rf"\b{_SUBJ} (?:voer|voert|voeren)\b[^.;]{{0,60}}\buit\b", OVER, 0.8, "voer voert voeren"),
    (r"\b(?:geef|geeft|geven)\b[^.;]{0,40}\b(?:graag )?(?:gevolg|opvolging|uitvoering) aan\b", OVER, 0.9,
     "geef geeft geven"),
    (r"\b(?:gevolg|opvolging|uitvoering) aan (?:geven|te geven|gegeven)\b", OVER, 0.9, "gevolg opvolging uitvoering"),
    (r"\b(?:wordt|worden|is|zijn)\b[^.;]{0,20}\b(?:invulling|gehoor) aan gegeven\b", OVER, 0.8, "invulling gehoor"),
    # the decision in the passive, the recommendation its subject: "Het voorstel om ... in te voeren, wordt
    # uitgevoerd.", "Het advies ... wordt niet integraal gevolgd." (the negation makes it a rejection or, of the
    # extent, a part), "Aan het voorstel ... wordt geen gevolg gegeven."
    (r"\b(?:wordt|worden)\s+(?:(?:niet|geen)\s+)?[^.;,]{0,30}\b(?:gevolgd|opgevolgd|uitgevoerd|overgenomen)\b"
     r"|\b(?:wordt|worden)\s+(?:dan ook\s+)?(?:geen\s+)?(?:gevolg|uitvoering|opvolging) gegeven\b",
     OVER, 0.9, "gevolgd opgevolgd uitgevoerd overgenomen gegeven", "s"),
    (r"\b(?:in lijn met|sluit aan bij|past in|past bij)\b[^.;]{0,30}\b(?:bestaande|huidige|ingezette|staande) (?:beleid|aanpak|lijn)\b",
     OVER, 0.7, "lijn sluit past"),
    (r"\b(?:investeer|investeert|investeren)\b[^.;]{0,60}\bin\b", OVER, 0.7, "investeer investeert investeren", "s"),
    (r"\b(?:volg|volgt|volgen)\s+(?:het|dit|dat|deze|die|de)\s+(?:advies|adviezen|aanbeveling|aanbevelingen)\b", OVER, 0.9,
     "volg volgt volgen"),
    (r"\b(?:advies|adviezen|aanbeveling|aanbevelingen)\b[^.;]{0,80}\b(?:volg|volgt|volgen) (?:ik|wij|we|het kabinet)\b", OVER, 0.9,
     "volg volgt volgen"),
    # the recommendation named as what will be carried out: "... en zal de aanbeveling om ... in te voeren uitvoeren"
    (r"\b(?:zal|zullen)\b[^.;]{0,20}\b(?:de|deze|dit|het) (?:aanbeveling|advies|voorstel)\b[^.;]{0,120}\b(?:uitvoeren|opvolgen|overnemen)\b",
     OVER, 0.9, "uitvoeren opvolgen overnemen"),
    # done to carry it out: "Om de aanbeveling van de Inspectie uit te voeren, wordt de opleiding verlengd"
    (r"^om (?:de|deze|dit|het|die)\b[^.;,]{0,20}\b(?:aanbeveling|aanbevelingen|advies|adviezen|voorstel)\b[^.;,]{0,60}\b"
     r"(?:uit te voeren|op te volgen|te volgen|in te voeren|te realiseren)\b", OVER, 0.9, "om"),
    # a decision to do so: "besluit het kabinet daartoe"
    (r"\b(?:besluit|besluiten|besloten)\b[^.;]{0,30}\bdaartoe\b", OVER, 0.9, "daartoe"),
    # agreeing with the adviser: "Net als de commissie vinden wij dat ..."
    (r"\b(?:net als|evenals) (?:de|het)\b[^.;,]{0,40}\b(?:vind|vindt|vinden|ben|is|zijn|acht|achten|meen|menen) (?:ik|wij|we|het kabinet)\b",
     OVER, 0.8, "net evenals"),
    # the recommended measure met: "ten minste 30 procent ..., het percentage dat de Raad voorstelt"
    (r"\b(?:het|de) (?:percentage|bedrag|niveau|norm|termijn|aantal|minimum|maximum)\b[^.;]{0,10}\b(?:dat|die) (?:de|het)\b[^.;]{0,40}"
     r"\b(?:voorstelt|adviseert|aanbeveelt|noemt|nodig acht|nodig achtte|vraagt|bepleit)\b"
     r"|\bwat (?:de|het)\b[^.;]{0,40}\b(?:als minimum noemt|nodig acht|voorstelt|vraagt|aanbeveelt)\b",
     OVER, 0.8, "percentage bedrag niveau norm termijn aantal minimum maximum wat"),
    # the sender's will to do it: "Ik wil de verplichting invoeren dat ..."
    (rf"^{_SUBJ} (?:wil|willen)\b[^.;]{{0,100}}\b(?:invoeren|regelen|verplichten|uitbreiden|mogelijk maken|verankeren|vastleggen)\b", OVER,
     0.8, "invoeren regelen verplichten uitbreiden maken verankeren vastleggen"),
    # short decisions: "Dat doen we.", "Zo gaan we het doen."
    (r"\b(?:dat|dit|zo) (?:blijf|blijft|blijven) (?:ik|wij|we|het kabinet) (?:het |dat |dit )?doen\b"
     r"|^(?:zo|dat|dit) (?:zal|gaat) het (?:ook )?(?:gaan|gebeuren)\b", OVER, 0.9, "doen gaan gebeuren"),
    (r"\b(?:dat|dit|zo) (?:doe|doen) (?:ik|wij|we|het kabinet)\b", OVER, 0.9, "doe doen"),
    (r"\b(?:dat|dit|zo) (?:ga|gaan|zal|zullen) (?:ik|wij|we|het kabinet) (?:het |dat |dit )?doen\b", OVER, 0.9, "doen"),
    (rf"\b{_SUBJ} (?:ga|gaat|gaan|zal|zullen) (?:dit|dat|het) (?:ook |dan ook )?doen\b", OVER, 0.9, "doen"),
    # the subject left out after "en": "... ziet geen belemmeringen en zal dat ook doen"
    (r"\b(?:en|dus) (?:ga|gaat|gaan|zal|zullen) (?:dit|dat|het) (?:ook |dan ook |graag )?doen\b", OVER, 0.9, "doen", "s"),
    # a terse answer in a table cell or list: "Ja.", "Akkoord.", "Ja, de minister stelt ..."
    (r"^(?:[^.:;]{0,40}:\s*)?(?:ja|akkoord|eens|instemming)\s*(?:[.!]\s*$|[,:;])", OVER, 0.9, "ja akkoord eens instemming"),
    # the conclusion after the context, in the sender's own words and with no other cue: "... Ik verleng de
    # termijn daarom per 1 januari naar twaalf weken." Not where it picks an alternative: "Ik kies daarom voor
    # betere samenwerking tussen de bestaande loketten" concludes just as well, and rejects.
    (r"^(?![^.;]*\b(?:kies|kiest|kiezen|keuze|liever|plaats|bestaande|huidige|andere|anders|alternatief|alternatieve)\b)"
     r"(?:(?:ik|wij|we|het kabinet)\b[^.;,]{0,80}\b(?:daarom|dan ook|derhalve)\b|(?:daarom|derhalve)\s+\w+\s+(?:ik|wij|we|het kabinet)\b)",
     OVER, 0.6, "daarom dan derhalve", "ref"),
    # done because the adviser advised it: "Op advies van de commissie wordt ...", "In navolging van het advies ..."
    (r"(?:^|[,;:]\s*)op (?:advies|aanraden|aanbeveling|voorstel) van\b", OVER, 0.8, "aanraden op"),
    (r"\bin navolging van\b", OVER, 0.8, "navolging"),
    # the proposal appraised as good: "Ik vind dit een waardevol voorstel"
    (r"\b(?:vind|vindt|vinden|acht|achten)\b[^.;]{0,30}\b(?:goed|goede|waardevol|waardevolle|nuttig|nuttige|zinvol|zinvolle|verstandig|verstandige)\s+(?:voorstel|advies|aanbeveling|idee|suggestie)\b",
     OVER, 0.8, "goed goede waardevol waardevolle nuttig nuttige zinvol zinvolle verstandig verstandige", "aim"),
    # nothing stands in the way: "ziet geen belemmeringen om deze aanbeveling over te nemen"
    (r"\bgeen (?:belemmering|belemmeringen|bezwaar|bezwaren|beletsel|beletselen|obstakel|obstakels)\b[^.;]{0,20}\bom\b[^.;]{0,80}\bte\b",
     OVER, 0.9, "belemmering belemmeringen bezwaar bezwaren beletsel beletselen obstakel obstakels", "dbl"),
    (r"\b(?:ga|gaat|gaan)\b[^.;]{0,30}\baan de slag\b", OVER, 0.9, "slag", "s"),
    (r"\bter harte\b", OVER, 0.9, "harte", "s"),
    (r"\b(?:volg|volgt|volgen)\b[^.;]{0,40}\bop\b(?=\s*[.;,]|\s*$)|\bopgevolgd\b", OVER, 0.8, "volg volgt volgen opgevolgd",
     "s"),
    (r"\b(?:gehoor|invulling) aan\b", OVER, 0.8, "gehoor invulling", "s"),
    (r"\b(?:voldaan|tegemoetgekomen|tegemoet gekomen)\b", OVER, 0.7, "voldaan tegemoetgekomen tegemoet", "s"),
    (r"\b(?:sta|staat|staan)\b[^.;]{0,30}\bpositief\b", OVER, 0.8, "positief"),
    (r"\b(?:staand|staande) (?:beleid|praktijk)\b", OVER, 0.8, "staand staande"),
    (r"\b(?:stel|stelt|stellen|maak|maakt|maken|trek|trekt|trekken)\b[^.;]{0,80}\b(?:middelen|geld|budget|financiering|miljoen|miljard)\b[^.;]{0,30}\b(?:beschikbaar|vrij|uit)\b",
     OVER, 0.8, "middelen geld budget financiering miljoen miljard", "s"),
    (r"\b(?:middelen|geld|budget|financiering|miljoen|miljard)\b[^.;]{0,40}\b(?:beschikbaar|vrijmaken|vrij te maken|uittrekken|uit te trekken|vrijgemaakt|uitgetrokken)\b",
     OVER, 0.8, "middelen geld budget financiering miljoen miljard", "s"),
    # double negation: "Er is geen enkele reden om deze aanbeveling niet over te nemen."
    (r"\bgeen (?:enkele )?(?:reden|aanleiding|bezwaar)\b[^.;]{0,80}\bniet\b", OVER, 1.0, "reden aanleiding bezwaar", "dbl"),
    # already being done (counts as adopting)
    (rf"\b{_SUBJ} (?:zet|zetten) zich\b[^.;]{{0,40}}\b(?:reeds|al)\b", OVER, 0.7, "zet zetten"),
    (r"\b(?:reeds|al|inmiddels)\b[^.;]{0,50}\b(?:in gang gezet|actie toe heeft ondernomen|actie ondernomen|ingezet|gestart|opgepakt|geïmplementeerd|uitgevoerd|in uitvoering|vastgelegd|geregeld|gerealiseerd|opgericht|ingevoerd|ingesteld|getroffen|gebeurd|doorgevoerd|aangepast|toegepast)\b",
     OVER, 0.7, "toegepast gebeurd doorgevoerd aangepast gezet ondernomen ingezet gestart opgepakt geïmplementeerd uitgevoerd uitvoering vastgelegd geregeld "
     "gerealiseerd opgericht ingevoerd ingesteld getroffen"),
    (r"\bwordt (?:reeds|al)\b[^.;]{0,30}\b(?:gedaan|gewerkt|uitgevoerd)\b", OVER, 0.7, "gedaan gewerkt uitgevoerd"),
    (r"\b(?:gebeurt|geschiedt)\b[^.;]{0,20}\b(?:reeds|al|inmiddels)\b", OVER, 0.8, "gebeurt geschiedt"),
    (r"\b(?:werk|werkt|werken)\b[^.;]{0,30}\b(?:al|reeds|inmiddels)\b[^.;]{0,30}\baan\b", OVER, 0.7, "werk werkt werken"),
    (r"\b(?:dit|dat) is (?:al|reeds|inmiddels) (?:het geval|zo|praktijk|staand beleid|geregeld)\b", OVER, 0.8, "al reeds inmiddels"),
    (r"\b(?:voorziet|voorzien|voorzag)\b[^.;]{0,30}\b(?:al|reeds)\b[^.;]{0,20}\bin\b", OVER, 0.8, "voorziet voorzien voorzag"),
    (r"\b(?:al|reeds)\b[^.;]{0,40}\b(?:op gericht|in voorzien|ingediend|aangenomen|van kracht|van start gegaan)\b", OVER, 0.7,
     "gericht voorzien ingediend aangenomen kracht start"),
    (r"\b(?:daar|hier|daarvoor|hiervoor)\b[^.;]{0,20}\b(?:zorg|zorgt|zorgen)\b|\b(?:zorg|zorgt|zorgen) (?:ik|wij|we|het kabinet) (?:voor|ervoor|daarvoor)\b",
     OVER, 0.8, "zorg zorgt zorgen"),
    # rejecting
    (rf"\b(?:neem|neemt|nemen)\b[^.;]{{0,160}}\bniet over{_CLAUSE_END}", NIET, 1.0, _NEEM),
    (r"\bniet (?:over te nemen|overgenomen)\b", NIET, 1.0, "nemen overgenomen"),
    # not taken up in the sender's own instrument: "De voorgestelde boete neem ik daarin niet op"
    (r"\b(?:neem|neemt|nemen)\b[^.;]{0,60}\bniet op\b", NIET, 0.9, _NEEM),
    (r"\b(?:acht|achten|vind|vindt|vinden)\b[^.;]{0,80}\bniet (?:nodig|wenselijk|opportuun|zinvol|noodzakelijk|verstandig|haalbaar|passend|proportioneel|doelmatig|uitvoerbaar|effectief|realistisch|gewenst|gerechtvaardigd|doeltreffend|aanvaardbaar|verantwoord|acceptabel)\b",
     NIET, 1.0, "acht achten vind vindt vinden"),
    (r"\b(?:is|zijn)\b[^.;]{0,50}\bniet (?:nodig|wenselijk|opportuun|zinvol|noodzakelijk|haalbaar|proportioneel|doelmatig|uitvoerbaar|mogelijk|handhaafbaar|werkbaar|toepasbaar|betaalbaar)\b",
     NIET, 0.6, "nodig wenselijk opportuun zinvol noodzakelijk haalbaar proportioneel doelmatig uitvoerbaar mogelijk handhaafbaar "
     "werkbaar toepasbaar betaalbaar"),
    # the present arrangement suffices or stays: "De huidige regeling volstaat.", "blijft de huidige regeling gelden"
    (r"\b(?:huidige|bestaande|geldende)\b[^.;]{0,60}(?<!niet )\b(?:volstaat|volstaan|toereikend|afdoende)\b", NIET, 0.8,
     "volstaat volstaan toereikend afdoende"),
    (r"\b(?:huidige|bestaande|geldende)\b[^.;]{0,40}\b(?:blijft|blijven)\b[^.;]{0,20}\b(?:gelden|bestaan|ongewijzigd|van kracht|in stand)\b"
     r"|\b(?:blijft|blijven)\b[^.;]{0,20}\b(?:de|het) (?:huidige|bestaande|geldende)\b[^.;]{0,30}\b(?:gelden|bestaan|van kracht|in stand)\b",
     NIET, 0.8, "blijft blijven"),
    # the present arrangement offers enough: "Het huidige stelsel biedt voldoende ruimte om ...", "de bestaande
    # bevoegdheden ... voldoende zijn"
    (r"\b(?:huidige|bestaande|geldende)\b[^.;]{0,120}\b(?:biedt|bieden|geeft|geven|is|zijn)\s+(?:al\s+|reeds\s+|nu\s+)?(?:voldoende|genoeg)\b"
     r"|\b(?:huidige|bestaande|geldende)\b[^.;]{0,60}(?<!niet )\b(?:voldoende|toereikend) (?:zijn|is)\b",
     NIET, 0.8, "voldoende genoeg toereikend"),
    # the present arrangement kept: "Ik kies ervoor de huidige doorstroomtoets te handhaven.", "Ik laat de
    # organisatie in haar huidige vorm voortbestaan.", "De bijdrage blijft op het huidige niveau."
    (r"\b(?:huidige|bestaande)\b[^.;]{0,120}\b(?:handhaven|behouden|voortzetten|voort te zetten|voortbestaan|laten bestaan)\b"
     r"|\b(?:blijft|blijven)\b[^.;]{0,30}\b(?:op|in|bij) (?:het|de|haar|zijn) (?:huidige|bestaande)\b",
     NIET, 0.8, "handhaven behouden voortzetten voort voortbestaan bestaan blijft blijven"),
    # the sender's course kept: "Ik blijf vasthouden aan de huidige systematiek", "blijft daarom beperkt tot"
    (r"\bvasthouden aan (?:de|het) (?:huidige|bestaande)\b|\b(?:blijft|blijven)\b[^.;]{0,30}\bbeperkt tot\b", NIET, 0.8,
     "vasthouden blijft blijven"),
    # what is kept as it is: "Die positie wil ik behouden"
    (r"\b(?:wil|willen) (?:ik|wij|we|het kabinet) (?:\w+ )?(?:behouden|handhaven)\b", NIET, 0.7, "behouden handhaven"),
    # a verdict of excess: "Een centrale app acht ik ... te risicovol", "achten wij een te grote inbreuk"
    (r"\b(?:acht|achten|vind|vindt|vinden)\b[^.;]{0,100}\bte (?:groot|grote|risicovol|risicovolle|kostbaar|kostbare|duur|dure"
     r"|complex|complexe|zwaar|zware|ingrijpend|ingrijpende|belastend|belastende|omslachtig|vergaand|vergaande)\b",
     NIET, 0.9, "acht achten vind vindt vinden", "s"),
    # distance taken, not gone over to: "Ik neem afstand van het voorstel", "gaat daar in deze fase niet toe over"
    (r"\b(?:neem|neemt|nemen)\b[^.;]{0,20}\bafstand van\b", NIET, 1.0, "afstand"),
    (r"\b(?:ga|gaat|gaan)\b[^.;]{0,40}\bniet toe over\b|\b(?:ga|gaat|gaan)\b[^.;]{0,30}\bniet over tot\b", NIET, 0.9, "toe tot"),
    # another way chosen: "Het kabinet kiest voor een andere aanpak."
    (r"\b(?:kies|kiest|kiezen)\b[^.;]{0,30}\bvoor een andere\b", NIET, 0.7, "kies kiest kiezen", "s"),
    (r"\bniet (?:de|het|een) (?:(?:juiste|goede|aangewezen|geschikte|beste) )?(?:weg|oplossing|instrument|middel|route|antwoord)\b",
     NIET, 0.9, "weg oplossing instrument middel route antwoord"),
    (r"\b(?:huidige|bestaande) (?:regeling|beleid|systeem|stelsel|aanpak|werkwijze|regels|wet|praktijk)\b[^.;]{0,30}\b(?:handhaven|te handhaven|behouden|te behouden|ongewijzigd)\b",
     NIET, 0.7, "handhaven behouden ongewijzigd"),
    (r"\bzie(?:t|n)? (?:ik|het kabinet|wij|we)\b[^.;]{0,40}\bgeen (?:aanleiding|noodzaak|meerwaarde|reden|toegevoegde waarde)\b",
     NIET, 1.0, "zie ziet zien"),
    (rf"\b{_SUBJ} (?:zie|ziet|zien)\b[^.;]{{0,40}}\bgeen (?:aanleiding|noodzaak|meerwaarde|reden|toegevoegde waarde)\b",
     NIET, 1.0, "zie ziet zien"),
    (r"\bgeen (?:aanleiding|noodzaak|meerwaarde|toegevoegde waarde)\b", NIET, 0.8, "aanleiding noodzaak meerwaarde waarde"),
    (r"\b(?:ziet|zie|zien)\b[^.;]{0,30}\bgeen (?:ruimte|mogelijkheid|mogelijkheden) (?:voor|om)\b", NIET, 0.8,
     "ziet zie zien"),
    (r"\b(?:zie|ziet|zien)\b[^.;]{0,60}\bniet als (?:de|een) (?:oplossing|goede|juiste|geschikte|begaanbare)\b", NIET, 1.0,
     "zie ziet zien"),
    (r"\b(?:ontraad|ontraden|afgewezen|geen voorstander)\b", NIET, 1.0, "ontraad ontraden afgewezen voorstander"),
    (r"\b(?:wijs|wijst|wijzen)\b[^.;]{0,40}\baf\b", NIET, 1.0, "wijs wijst wijzen", "s"),
    (r"\bzonder (?:concrete |duidelijke |aantoonbare )?(?:voordelen|meerwaarde)\b", NIET, 0.8, "zonder"),
    (r"\bniet gericht op (?:het )?(?:opzetten|oprichten|invoeren|instellen)\b", NIET, 0.8, "gericht"),
    (r"\bzie(?:t|n)? (?:ik|het kabinet|wij|we)\b[^.;]{0,40}\baf\b", NIET, 1.0, "zie ziet zien"),
    (rf"\b{_SUBJ} (?:zie|ziet|zien)\b[^.;]{{0,40}}\b(?:af van|van af)\b", NIET, 1.0, "zie ziet zien"),
    (r"\b(?:kies|kiest|kiezen) (?:ik|het kabinet|wij|we)\b[^.;]{0,20}\bniet voor\b", NIET, 0.9, "kies kiest kiezen"),
    # no intention: "Ik ben niet voornemens ... vast te leggen"
    (r"\b(?:ben|is|zijn) (?:ik|het kabinet|wij|we) niet (?:voornemens|van plan|van zins)\b|\b(?:ik ben|het kabinet is|wij zijn|we zijn) niet (?:voornemens|van plan|van zins)\b",
     NIET, 0.9, "voornemens plan zins"),
    # the status quo kept: "Het kabinet laat het bij de huidige systematiek.", "handhaaft de huidige regeling"
    (r"\b(?:laat|laten|houd|houdt|houden|blijf|blijft|blijven)\b[^.;]{0,20}\bbij (?:de|het) (?:huidige|bestaande|geldende)\b"
     r"|\b(?:handhaaf|handhaaft|handhaven|behoud|behoudt|behouden)\b[^.;]{0,20}\b(?:de|het) (?:huidige|bestaande|geldende)\b", NIET, 0.8,
     "huidige bestaande geldende", "s"),
    # "Nee.", "Nee, ...", "Nee – zie ..." in a table cell
    (r"^(?:[^.:;]{0,40}:\s*)?(?:nee|neen)\s*(?:[.!]\s*$|[,:;–—]|-\s)", NIET, 0.9, "nee neen"),
    # does not fit, no money, too heavy, not enough reason, adds nothing
    (r"\b(?:past|passen)\b[^.;]{0,20}\bniet (?:binnen|bij|in)\b", NIET, 0.8, "past passen"),
    (r"\bgeen (?:financiële |budgettaire )?(?:ruimte|dekking)\b|\bgeen (?:extra )?(?:middelen|budget|geld)\b[^.;]{0,20}\bbeschikbaar\b",
     NIET, 0.8, "ruimte dekking beschikbaar"),
    # reluctance: "Het kabinet is terughoudend met nieuwe verplichtingen."
    (r"\bterughoudend\b", NIET, 0.7, "terughoudend", "s"),
    (r"\bte (?:zwaar|zware|grof|grove) (?:middel|instrument|maatregel)\b", NIET, 0.8, "middel instrument maatregel"),
    (r"\bonvoldoende (?:aanleiding|reden|redenen|grond|noodzaak)\b", NIET, 0.8, "onvoldoende"),
    # "voegt daar niets aan toe"; "Daar heb ik niets aan toe te voegen" agrees
    (r"\bniets\b[^.;]{0,20}\btoe\b(?! te voegen)", NIET, 0.8, "niets"),
    # disagreement on the proposal: "over de uitwerking verschil ik van mening met de Raad"
    (r"\bverschil\w* (?:ik |wij |we |het kabinet )?van (?:mening|inzicht)\b|\bvan mening verschil\w*\b", NIET, 0.8, "mening inzicht"),
    (rf"\b{_SUBJ} (?:kies|kiest|kiezen)\b[^.;]{{0,20}}\bniet voor\b", NIET, 0.9, "kies kiest kiezen"),
    # "Ik kies er daarom voor het huidige toezicht niet uit te breiden."
    (r"\b(?:kies|kiest|kiezen)\b[^.;]{0,20}\bvoor\b[^.;]{0,80}\bniet\b", NIET, 0.8, "kies kiest kiezen", "s"),
    # too far, disproportionate: "Een wettelijke verplichting gaat mij te ver."
    (r"\b(?:gaat|gaan)\s+(?:mij|ons|het kabinet)\b[^.;]{0,30}\bte ver\b", NIET, 1.0, "ver"),
    (r"\bte ver (?:gaan|gaat|voeren)\b", NIET, 0.9, "ver", "s"),
    (r"\b(?:disproportioneel|disproportionele|buitenproportioneel|onevenredig|onuitvoerbaar)\b", NIET, 0.9,
     "disproportioneel disproportionele buitenproportioneel onevenredig onuitvoerbaar"),
    (r"\bniet aan de orde\b", NIET, 1.0, "orde"),
    (r"\b(?:dit|dat) gebeurt niet\b", NIET, 0.9, "gebeurt"),
    (r"\b(?:gaat|gaan)\b[^.;]{0,40}\bte ver\b|\bbrug te ver\b", NIET, 0.9, "ver"),
    (r"\bschiet\w*\b[^.;]{0,30}\bdoel voorbij\b|\bbuiten (?:proportie|proporties)\b", NIET, 0.9, "voorbij proportie proporties"),
    (r"\b(?:onwenselijk|ongewenst|onnodig|onhaalbaar|onverstandig|ondoelmatig|onuitvoerbaar|overbodig)\b",
     NIET, 0.9, "onwenselijk ongewenst onnodig onhaalbaar onverstandig ondoelmatig onuitvoerbaar overbodig"),
    # a verdict on the proposal, not on the problem ("de wachttijden zijn onaanvaardbaar lang")
    (r"\b(?:acht|achten|vind|vindt|vinden)\b[^.;]{0,60}\b(?:onaanvaardbaar|onverantwoord|onevenredig)\b", NIET, 1.0,
     "onaanvaardbaar onverantwoord onevenredig", "s"),
    (r"\bte (?:verstrekkend|vergaand|ingrijpend|rigoureus)\b", NIET, 0.9, "verstrekkend vergaand ingrijpend rigoureus"),
    (r"\bgeen (?:heil|behoefte|voorstander|draagvlak)\b", NIET, 0.9, "heil behoefte voorstander draagvlak"),
    (r"\b(?:zie|ziet|zien)\b[^.;]{0,30}\bniets in\b", NIET, 1.0, "niets"),
    (r"\bniet bereid\b", NIET, 0.9, "bereid", "s"),
    (r"\b(?:weegt|wegen)\b[^.;]{0,40}\bniet (?:op tegen|tegen\b[^.;]{0,20}\bop)\b|\bstaan? niet in verhouding\b", NIET, 0.8,
     "weegt wegen verhouding"),
    (r"\banders dan (?:de|het)\b[^.;]{0,50}\b(?:adviseert|aanbeveelt|voorstelt|bepleit|vraagt)\b", NIET, 0.9, "anders"),
    (r"\b(?:houd|houdt|houden|hou)\b[^.;]{0,40}\bvast aan\b(?!\s+(?:deze|dit|die|dat)\b)", NIET, 0.7, "houd houdt houden hou", "s"),
    (r"\bniet (?:van )?overtuigd\b", NIET, 0.7, "overtuigd", "s"),
    (r"\bwil(?:len)? (?:ik|wij|we|het kabinet)\b[^.;]{0,30}\b(?:niet|geen)\b(?![^.;]{0,20}\b(?:uitsluiten|uit te sluiten|vooruit|vooruitlopen))",
     NIET, 0.7, "wil willen"),
    (rf"\b{_SUBJ} wil(?:len)?\b[^.;]{{0,30}}\b(?:niet|geen)\b(?![^.;]{{0,20}}\b(?:uitsluiten|uit te sluiten|vooruit|vooruitlopen))",
     NIET, 0.7, "wil willen"),
    # another means than the proposed one: only with an aim cue does this make `deels`
    (r"\bin plaats (?:daarvan|van)\b", NIET, 0.7, "plaats", "means"),
    # something done, "but" the asked thing refused in the sender's own voice: "Ik ga in gesprek over een
    # ondergrens, maar ik leg geen landelijke norm op"; only next to an aim or a shared concern
    (r"\bmaar (?:ik|wij|we|het kabinet)\b[^.;,]{0,60}\b(?:geen|niet)\b", NIET, 0.7, "maar", "means"),
    # partly
    (r"\b(?:deels|gedeeltelijk|voor een deel|ten dele|in beginsel|in principe|op onderdelen)\b", DEELS, 0.8,
     "deels gedeeltelijk deel dele beginsel principe onderdelen"),
    (r"\b(?:eerste|tweede|derde|laatste|ene|andere) (?:deel|onderdeel|helft)\b", DEELS, 0.8, "deel onderdeel helft"),
    (r"\bmet uitzondering van\b|\buitgezonderd\b|\bmet (?:één|een|twee|enkele) uitzondering(?:en)?\b", DEELS, 0.8,
     "uitzondering uitzonderingen uitgezonderd"),
    # adopted with a proviso: "neem ik over, met dien verstande dat ..."; one part yes, another no: "Wel ..., maar ... niet"
    (r"\bmet dien verstande\b|\bmet (?:een|de|één) (?:belangrijke |wezenlijke )?kanttekening\b", DEELS, 0.7, "verstande kanttekening"),
    (r"^Wel\b[^.;]{0,120}\bmaar\b[^.;]{0,80}\b(?:niet|geen)\b", DEELS, 0.8, "wel"),
    # a middle way, or a part of the scope set apart: "Ik kies voor een tussenweg.", "Voor de overige gebieden
    # hanteer ik 2035", "; de overige maatregelen worden gefaseerd ingevoerd"
    (r"\b(?:tussenweg|middenweg|tussenvorm|tussenoplossing|compromis)\b"
     r"|(?:^|[;:]\s*)(?:voor\s+)?(?:de\s+|het\s+)?(?:overige|resterende)\b|^voor (?:de |het )?andere\b",
     DEELS, 0.7, "tussenweg middenweg tussenvorm tussenoplossing compromis overige resterende andere"),
    # a trial instead of the whole: "kies ik niet voor landelijke invoering, maar start ik een experiment"
    (r"\bmaar\b[^.;]{0,30}\b(?:start|starten|begin|beginnen)\b[^.;]{0,40}\b(?:experiment|pilot|proef|proefproject)\b", DEELS, 0.9,
     "experiment pilot proef proefproject"),
    # adopted on a condition not yet met: "neem ik over onder de voorwaarde dat ...", "mits de verzekeraars ..."
    (r"\bmits\b|\b(?:op|onder) (?:de )?voorwaarde(?:n)? dat\b|\b(?:een|als|de) (?:belangrijke )?voorwaarde (?:is|geldt)\b",
     DEELS, 0.8, "mits voorwaarde voorwaarden"),
    # a step towards it, or it without its proposed part: "een eerste stap in de richting van wat de Raad voorstelt"
    (r"\bstap\w* in de richting van\b", DEELS, 0.8, "richting", "s"),
    (r"\bzonder (?:de|het) (?:door (?:de|het) \w+ )?(?:voorgestelde|bepleite|aanbevolen|geadviseerde|gevraagde)\b", DEELS, 0.8, "zonder"),
    # to be decided later
    (r"\b(?:zal|zullen|ga|gaat|gaan) (?:ik|het kabinet|wij|we|Nederland)\b[^.;]{0,80}\b(?:bezien|bekijken|onderzoeken|verkennen|nagaan|uitzoeken|overwegen|laten onderzoeken)\b",
     OVERWEGING, 0.8, "bezien bekijken onderzoeken verkennen nagaan uitzoeken overwegen"),
    (rf"\b{_SUBJ} (?:zal|zullen|gaat|gaan|ga)\b[^.;]{{0,80}}\b(?:bezien|bekijken|onderzoeken|verkennen|nagaan|uitzoeken|overwegen)\b",
     OVERWEGING, 0.8, "bezien bekijken onderzoeken verkennen nagaan uitzoeken overwegen"),
    (r"\b(?:zal|zullen)\b[^.;]{0,60}\b(?:bezien|bekijken|onderzoeken|verkennen|nagaan|uitzoeken|overwegen)\b", OVERWEGING, 0.7,
     "bezien bekijken onderzoeken verkennen nagaan uitzoeken overwegen", "s"),
    (r"\bwil(?:len)?\b[^.;]{0,20}\beerst\b", OVERWEGING, 0.8, "eerst"),
    (r"\b(?:zal ik|wordt|worden) (?:dit |deze aanbeveling |de aanbeveling )?(?:nader )?(?:bezien|onderzocht|verkend|overwogen)\b",
     OVERWEGING, 0.8, "bezien onderzocht verkend overwogen"),
    (r"\b(?:neem|neemt|nemen)\b[^.;]{0,50}\bmee (?:in|bij)\b", OVERWEGING, 0.8, _NEEM),
    (r"\b(?:weeg|weegt|wegen)\b[^.;]{0,50}\b(?:mee|opnieuw|af)\b", OVERWEGING, 0.8, "weeg weegt wegen"),
    (r"\bmeegenomen\b", OVERWEGING, 0.6, "meegenomen"),
    (r"\b(?:meenemen|mee te nemen)\b", OVERWEGING, 0.8, "meenemen mee"),
    (r"\b(?:gevraagd|opdracht (?:gegeven|verleend))\b[^.;]{0,120}\b(?:te adviseren|advies uit te brengen|te onderzoeken|te verkennen|uit te zoeken|in kaart te brengen|in beeld te brengen|na te gaan|te bezien|door te rekenen|te inventariseren|te evalueren|te analyseren)\b",
     OVERWEGING, 0.8, "gevraagd opdracht"),
    (r"\b(?:informeer|informeren|bericht)\b[^.;]{0,40}\bover (?:mijn|ons|het|zijn) (?:standpunt|besluit)\b", OVERWEGING, 0.8,
     "standpunt besluit"),
    (r"\b(?:bestudeer|bestudeert|bestuderen)\b|\b(?:wordt|worden)\b[^.;]{0,30}\b(?:bestudeerd|onderzocht|verkend|bezien|bekeken)\b",
     OVERWEGING, 0.8, "bestudeer bestudeert bestuderen bestudeerd onderzocht verkend bezien bekeken"),
    (r"\bkom(?:t|en)?\b[^.;]{0,40}\bmet een (?:reactie|standpunt|besluit|kabinetsstandpunt)\b", OVERWEGING, 0.8,
     "reactie standpunt besluit kabinetsstandpunt"),
    (r"\bhang(?:t|en)?\b[^.;]{0,30}\baf van\b", OVERWEGING, 0.7, "hangt hangen hang"),
    (r"\bkom(?:t|en)?\s+(?:ik|het kabinet|wij|we)\b[^.;]{0,60}\bterug\b", OVERWEGING, 0.9, "terug"),
    (rf"\b{_SUBJ}\s+kom(?:t|en)?\b[^.;]{{0,60}}\bterug\b", OVERWEGING, 0.9, "terug"),
    (r"\b(?:laat|laten)\b[^.;]{0,40}\b(?:onderzoeken|uitwerken|verkennen|uitzoeken|analyseren|in kaart brengen|toetsen)\b",
     OVERWEGING, 0.8, "laat laten"),
    (rf"\b(?:onderzoek|onderzoekt|onderzoeken|verken|verkent|verkennen)\s+{_SUBJ}\b|\b{_SUBJ}\s+(?:onderzoek|onderzoekt|onderzoeken|verken|verkent)\b",
     OVERWEGING, 0.8, "onderzoek onderzoekt onderzoeken verken verkent verkennen"),
    (r"\b(?:overweeg|overweegt|heroverweeg|heroverweegt|heroverwegen)\b", OVERWEGING, 0.8,
     "overweeg overweegt heroverweeg heroverweegt heroverwegen"),
    (r"\b(?:ga|gaat|gaan)\b(?:\s+(?:ik|het kabinet|wij|we))?\s+na\s+of\b", OVERWEGING, 0.8, "na", "s"),
    (r"\bbetrek(?:t|ken)?\b[^.;]{0,40}\bbij\b", OVERWEGING, 0.7, "betrek betrekt betrekken"),
    (r"\bwacht(?:en)?\b[^.;]{0,60}\baf\b", OVERWEGING, 0.6, "wacht wachten"),
    (r"\b(?:afwachten|afwacht|afgewacht)\b", OVERWEGING, 0.7, "afwachten afwacht afgewacht"),
    (r"\bbesluit\b[^.;]{0,60}\b(?:volgt|neemt het volgende kabinet|later)\b", OVERWEGING, 0.7, "besluit"),
    (r"\b(?:daarna|daarop|vervolgens|op basis (?:daarvan|van)|na ontvangst)\b[^.;]{0,40}\b(?:besluit|besluiten|een besluit|standpunt)\b",
     OVERWEGING, 0.8, "daarna daarop vervolgens basis ontvangst"),
    (r"\b(?:besluit|beslis|beslist|besluiten|beslissen) (?:ik|wij|we|het kabinet)\b[^.;]{0,30}\b(?:na (?:de|het|afloop|ontvangst)|later|op een later|zodra|nadat|in het (?:voorjaar|najaar)|voor de zomer|na de zomer|bij de)\b",
     OVERWEGING, 0.9, "besluit beslis beslist besluiten beslissen"),
    (r"\bover de vraag of\b", OVERWEGING, 0.7, "vraag"),
    (r"\b(?:bepaal|bepaalt|bepalen|formuleer|formuleert|formuleren)\b[^.;]{0,30}\b(?:zijn|ons|mijn|het) (?:standpunt|positie)\b",
     OVERWEGING, 0.8, "standpunt positie"),
    (r"\bnog geen (?:standpunt|besluit|oordeel|definitief)\b", OVERWEGING, 0.9, "standpunt besluit oordeel definitief"),
    # a decision expected or taken at a set moment: "Ik verwacht in het najaar een besluit te nemen", "Bij de
    # Voorjaarsnota besluit het kabinet over de financiering"
    (r"\b(?:verwacht|verwachten)\b[^.;]{0,40}\b(?:besluit|beslissing|standpunt)\b", OVERWEGING, 0.8, "verwacht verwachten"),
    (r"\b(?:besluit|beslist|besluiten|beslissen) (?:ik|wij|we|het kabinet)\b[^.;]{0,40}\bover (?!te\b)", OVERWEGING, 0.8,
     "besluit beslist besluiten beslissen"),
    (r"^(?![^.;]*\b(?:wetsvoorstel|wetswijziging|amvb|regeling)\b)[^.;]*?\bin (?:behandeling|voorbereiding)\b", OVERWEGING, 0.7,
     "behandeling voorbereiding"),
    # legislation to carry it out being drafted: "Een wetsvoorstel is in voorbereiding"
    (r"\b(?:wetsvoorstel|wetswijziging|amvb|regeling)\b[^.;]{0,40}\b(?:is|wordt|zijn|worden) in voorbereiding\b", OVER, 0.8,
     "voorbereiding"),
    # no decision now: "neemt daar op dit moment geen besluit over"
    (r"\bgeen (?:besluit|beslissing|standpunt)\b", OVERWEGING, 0.8, "besluit beslissing standpunt"),
    # a decision after talks or study: "... eerst met uw Kamer in gesprek voordat ik een besluit neem"
    (r"\b(?:voordat|alvorens)\b[^.;]{0,40}\b(?:besluit|besluiten|beslis|beslissing|standpunt)\b", OVERWEGING, 0.9,
     "voordat alvorens"),
    # a study started: "Ik start dit jaar een verkenning naar ..."
    (r"\b(?:start|starten|begin|beginnen)\b[^.;]{0,30}\b(?:verkenning|onderzoek|studie|haalbaarheidsstudie)\b", OVERWEGING, 0.8,
     "verkenning onderzoek studie haalbaarheidsstudie", "s"),
    (r"\bnog geen (?:uitspraak|keuze|beslissing)\b|\bnog niet (?:besloten|beslist)\b", OVERWEGING, 0.9,
     "uitspraak keuze beslissing besloten beslist"),
    (r"\b(?:wordt|worden|zal|zullen)\b[^.;]{0,40}\bbesloten\b", OVERWEGING, 0.8, "besloten"),
    (r"\b(?:beraad|beraadt|beraden)\b", OVERWEGING, 0.8, "beraad beraadt beraden"),
    (r"\bnader (?:onderzoek|onderzocht|bezien|uitgewerkt|uitwerken)\b", OVERWEGING, 0.7, "nader"),
    (r"\bnadere (?:afweging|uitwerking|analyse|studie|verkenning)\b", OVERWEGING, 0.7, "nadere"),
    # talks or a result still to come: "voer ik dit najaar overleg met ...", "informeer uw Kamer over de uitkomst"
    (r"\b(?:voer|voert|voeren|ga|gaat|gaan)\b[^.;]{0,40}\b(?:overleg|in gesprek)\b", OVERWEGING, 0.7, "overleg gesprek", "s"),
    (r"\b(?:informeer|informeert|informeren|bericht)\b[^.;]{0,40}\bover de (?:uitkomst|uitkomsten|resultaten)\b", OVERWEGING, 0.7,
     "uitkomst uitkomsten resultaten"),
    (r"\b(?:wordt|worden|zal|zullen)\b[^.;]{0,40}\b(?:besluit|beslissing) (?:genomen|worden genomen)\b", OVERWEGING, 0.8,
     "besluit beslissing"),
    (r"\b(?:reactie|standpunt|besluit)\b[^.;]{0,20}\bvolgt\b", OVERWEGING, 0.8, "volgt"),
    (r"\b(?:vraag|vraagt|vragen)\b[^.;]{0,60}\bom (?:een )?(?:advies|uitvoeringstoets)\b", OVERWEGING, 0.7,
     "vraag vraagt vragen", "s"),
    # left to the next cabinet
    (r"\b(?:volgend|volgende|nieuw|nieuwe|komend|komende) kabinet\b|\bvolgende kabinetsperiode\b", OVERWEGING, 0.9,
     "volgend volgende nieuw nieuwe komend komende"),
    (r"\b(?:kabinetsformatie|opvolger|ambtsopvolger|demissionair|demissionaire)\b|\b(?:tijdens|na|in|bij|aan) de formatie\b", OVERWEGING, 0.8,
     "kabinetsformatie formatie opvolger ambtsopvolger demissionair demissionaire"),
    (r"\blaat\b[^.;]{0,40}\b(?:verkenning|onderzoek|analyse)\b[^.;]{0,40}\buitvoeren\b", OVERWEGING, 0.8, "laat"),
    (r"\b(?:bezie|beziet)\b", OVERWEGING, 0.8, "bezie beziet"),
    (r"\bin overweging\b", OVERWEGING, 0.9, "overweging"),
    # the decision still to take: "op basis van de resultaten bepaal ik of en hoe een landelijke uitrol volgt"
    (r"\b(?:bepaal|bepaalt|bepalen|beslis|beslist|beslissen)\s+(?:ik|wij|we|het kabinet)\b[^.;]{0,20}\b(?:of|hoe|wanneer|welke)\b",
     OVERWEGING, 0.8, "bepaal bepaalt bepalen beslis beslist beslissen"),
    # addressed to others, passed on: no stance of the sender's own
    (r"\b(?:gericht aan|richt zich (?:\w+ )?(?:tot|aan)|is aan (?:hen|haar|hem|de|het)\b[^.;]{0,60}\bom|ligt op het terrein van|doorgeleid|doorgestuurd|doorgegeven|doorgezonden|onder de aandacht (?:gebracht|brengen))\b",
     ELDERS, 0.8, "gericht richt aan terrein doorgeleid doorgestuurd doorgegeven doorgezonden aandacht"),
    (r"\b(?:aanbeveling|aanbevelingen|advies)\b (?:is|zijn) (?:gericht )?aan (?:de|het)\b", ELDERS, 0.8, "aan"),
    # shared with those it concerns, left to them: "Ik deel de aanbeveling met de gemeenten via de VNG en laat de
    # uitvoering aan hen"
    (r"\b(?:deel|deelt|delen)\b[^.;]{0,40}\bmet (?:de |het |alle )?(?:gemeenten|provincies|waterschappen|sector|veld|VNG|IPO|koepels|instellingen|toezichthouders?|partijen)\b"
     r"|\b(?:laat|laten)\b[^.;]{0,20}\b(?:uitvoering|invulling|keuze|afweging)\b[^.;]{0,10}\baan (?:hen|de gemeenten|de provincies|de sector|het veld)\b",
     ELDERS, 0.8, "deel deelt delen laat laten"),
    (r"^(?:dit|dat|het) is (?:primair |allereerst )?aan (?:de|het|hen)\b(?! orde\b)|\b(?:verantwoordelijkheid|bevoegdheid)\b[^.;]{0,40}\bligt\b[^.;]{0,20}\bbij\b",
     ELDERS, 0.7, "aan verantwoordelijkheid bevoegdheid"),
    (r"\baan (?:de|het|hen|haar)\b[^.;]{0,40}\bgericht\b|\b(?:verantwoordelijkheid|bevoegdheid) van (?:de|het)\b", ELDERS, 0.7,
     "gericht verantwoordelijkheid bevoegdheid"),
)
SUBJECT = LazyPattern(r"\b(?:ik|wij|we|het kabinet|de regering|aanbeveling\w*|advie\w*|voorstel\w*)\b", re.IGNORECASE)


class _Cue(NamedTuple):
    rx: LazyPattern  # compiled on its first search: a letter runs only the cues whose keys its responses hold
    label: str
    weight: float
    keys: frozenset[str]
    needs_subject: bool
    flag: str


def _compile(c: tuple[str, ...] | tuple[str, str, float, str] | tuple[str, str, float, str, str]) -> _Cue:
    flags = c[4] if len(c) > 4 else ""
    keys = frozenset(str(c[3]).split())
    return _Cue(LazyPattern(str(c[0]), re.IGNORECASE | re.MULTILINE), str(c[1]), float(c[2]), keys,
                "s" in str(flags).split(), next((f for f in str(flags).split() if f != "s"), ""))


class _Lexicon(NamedTuple):
    cues: tuple[_Cue, ...]
    by_key: dict[str, tuple[int, ...]]  # word -> the cues that need it
    keys: frozenset[str]


@functools.cache
def _lexicon() -> _Lexicon:
    """The cue table, made on the first classification and not at import; each cue's pattern is compiled
    on its first search (`LazyPattern`), so a letter pays only for the cues its responses can match, and a
    program that imports the package for something else (`validate`, `--help`) for none of the 199."""
    cues = tuple(_compile(c) for c in CUES)
    by_key: dict[str, tuple[int, ...]] = {}
    for i, cue in enumerate(cues):
        for k in cue.keys:
            by_key[k] = (*by_key.get(k, ()), i)
    return _Lexicon(cues, by_key, frozenset(by_key))


def compiled_cues() -> tuple[_Cue, ...]:
    """Every cue (for tests and benchmarks); `cue.rx` compiles its pattern when first used."""
    return _lexicon().cues


WORD = re.compile(r"\w+")
# a reference to the recommendation adopts only in an affirmative, real clause: "Een overstap naar vaste
# budgetten, zoals de commissie bepleit, zou de prikkel wegnemen" and "wordt niet, zoals de commissie
# voorstelt, verdubbeld" reject
REF_VOID = LazyPattern(r"\b(?:zou|zouden)\b|(?<!\bwaaronder )(?<!\bwaarbij )(?<!\bwaarin )\b(?:niet|geen)\b", re.IGNORECASE)
_CLAUSE_MARK = LazyPattern(r"[,;]")
_CLAUSE_MARK_COLON = LazyPattern(r"[,;:]")

# "niet alleen ..., (maar) ook" does not negate
NEGATION = LazyPattern(r"\b(?:niet|geen|nooit|allerminst)\b(?!\s+(?:alleen|enkel|slechts|uitsluitend)\b)", re.IGNORECASE)
# a negation of the extent, not of the adoption: "neem ik niet in de voorgestelde vorm over", "niet volledig"
PARTIAL_NEGATION = LazyPattern(
    r"\bniet (?:in (?:de|haar|zijn|deze) (?:voorgestelde|gevraagde) vorm|in (?:haar|zijn) geheel|volledig|geheel"
    r"|helemaal|onverkort|integraal|letterlijk|één op één|1-op-1|in alle opzichten)\b"
    r"|\bniet\b[^.;]{0,80}\bmaar\b[^.;]{0,40}\bwel\b",
    re.IGNORECASE)
# a negation closing the cue's clause: "volgt het advies om ... te activeren niet", "steun ik niet"
NEGATION_AT_END = LazyPattern(r"\b(?:niet|geen)(?:\s+(?:over|op|in|uit|toe|aan|mee|meer|door))?\s*[.!?]?\s*$", re.IGNORECASE)
# ", al ... niet": the scan after one ", al" stops at the next (which scans on from there), so that a run
# of ", al" is read once and not once for every ", al" in it
CONTRAST = LazyPattern(
    r"\b(?:maar|echter|evenwel|tegelijkertijd)\b|;[^;]*\b(?:niet|geen)\b|,\s*al\b(?:(?!,\s*al\b)[^.;])*?\b(?:niet|geen)\b"
    # the other part left out, its verb elided: "Aanbeveling a neem ik over, aanbeveling b niet."
    r"|,[^,.;]{0,40}\b(?:niet|geen)\s*[.!]?\s*$",
    re.IGNORECASE,
)
PREFERENCE = LazyPattern(r"\b(?:liever|bij voorkeur)\b", re.IGNORECASE)
DEFERRAL = LazyPattern(r"\b(?:eerst|afwachten|nader onderzoek|laten (?:toetsen|onderzoeken|uitzoeken))\b", re.IGNORECASE)
# a clause whose subject is a third party: "zij nemen haar mee in hun inkoopbeleid"
THIRD_PARTY = LazyPattern(r"^\s*(?:(?:en|maar|want|dus) )?(?:zij|ze|hij)\b", re.IGNORECASE)
THIRD_WORD = LazyPattern(r"\b(?:zij|ze|hij)\b", re.IGNORECASE)
CONTRAST_WORD = LazyPattern(r"\b(?:maar|echter|evenwel|daarentegen)\b", re.IGNORECASE)
# "neem ik alleen over voor de kantoorgebouwen" adopts a part; "niet alleen ..., maar ook" does not restrict
RESTRICTION = LazyPattern(r"(?<!niet )\b(?:alleen|uitsluitend|slechts|enkel|deels|gedeeltelijk|ten dele|voor een deel|voor zover"
                         r"|wat betreft|over wat|grotendeels|in (?:aangepaste|gewijzigde|afgezwakte|beperkte|andere) vorm)\b",
                         re.IGNORECASE)
# an adoption for one scope only: "neem ik over voor cosmetica", "wordt gevolgd voor nieuwe projecten",
# "wordt voor munitie en brandstof gevolgd" (not "voor zover", which RESTRICTION reads, nor a date)
SCOPE = LazyPattern(r"^\s*(?:(?:ik|wij|we|het kabinet)\s+)?voor (?!zover\b|in\b|aan\b|(?:de|het) (?:zomer|najaar|voorjaar|eind|einde|jaareinde)\b|\d)", re.IGNORECASE)
SCOPE_IN = LazyPattern(r"\b(?:wordt|worden) voor (?!zover\b|\d)\w+", re.IGNORECASE)
# an adoption on a condition not yet met is a part: "kan rekenen op mijn steun zodra er een alternatief is"
CONDITION = LazyPattern(r"^[^.;]{0,40}\b(?:mits|zodra|op voorwaarde|onder (?:de )?voorwaarde)\b", re.IGNORECASE)
# a concessive clause does not decide: "Hoewel ik niet uitsluit dat ..., neem ik ... over"; only agreement
# conceded there counts ("Hoewel ik de intentie onderschrijf, kies ik niet voor ...")
# what the recommendation wants, as opposed to the analysis or the concern behind it
AIM_WORD = LazyPattern(r"\b(?:doel|doelen|doelstelling|doelstellingen|streven|strekking|wens|ambitie|intentie|gedachte|richting"
                      r"|noodzaak|belang|achterliggende|beoogde)\b", re.IGNORECASE)
# a reason given after the decision: "Ik neem deze aanbeveling niet over, omdat de capaciteit al volledig wordt
# ingezet ..." - what the reason says (already done, shared, needed) is no second decision
REASON = LazyPattern(r",\s*(?:omdat|aangezien|want|doordat|daar)\b", re.IGNORECASE)
CONCESSIVE = LazyPattern(r"\b(?:hoewel|ofschoon|alhoewel|ook al|zonder dat|zonder te)\b[^,;.]{0,200}", re.IGNORECASE)
# an indirect question weighed, not decided: "Ik heb overwogen of ... disproportioneel zou zijn."
HYPOTHETICAL = LazyPattern(
    r"\b(?:overwogen|bezien|bekeken|nagegaan|onderzocht|afgewogen|getwijfeld|de vraag)\s+of\b[^,;.]{0,200}|^Of\b[^,;.]{0,200}",
    re.IGNORECASE)
# what the adviser says is reported, not decided: "De raad concludeert dat dit op onderdelen niet zo is."
# what the recommendation asks, named in the sender's sentence: "De aanbeveling om de reclassering eerder te
# betrekken bij het strafadvies ..." (its "betrekken bij" decides nothing), and what the adviser proposes, up to
# the next comma: "De commissie stelt voor iedere aanvraag te laten toetsen ..."
CONTENT = LazyPattern(
    r"\b(?:aanbeveling|aanbevelingen|advies|voorstel)\b(?: van (?:de|het) \w+)? om\b[^.;,]{0,200}?\bte \w+"
    r"|\b(?:de|het) (?:raad|commissie|inspectie|rekenkamer|\w+raad|\w+commissie)\b[^.;,]{0,30}"
    r"\b(?:stelt voor|adviseert|beveelt aan|pleit voor|bepleit|raadt aan)\b[^.;,]{0,200}",
    re.IGNORECASE)
REPORTED = LazyPattern(
    r"\b(?:de|het) (?:raad|commissie|inspectie|rekenkamer|ombudsman|\w+raad|\w+commissie|onderzoekers)\b[^.;,]{0,40}"
    r"\b(?:concludeert|constateert|stelt vast|signaleert|meent|merkt op|wijst erop|heeft laten zien|laat zien|toont aan"
    r"|heeft aangetoond|beschrijft)\b[^.;]{0,200}", re.IGNORECASE)
ALREADY = LazyPattern(
    r"\b(?:reeds|al)\b[^.;]{0,50}\b(?:in gang|actie|ondernomen|ingezet|gestart|opgepakt|uitgevoerd|voor in|zich in|vastgelegd|geregeld|gerealiseerd)\b"
    r"|\b(?:zet(?:ten)?|werkt|werken) zich\b[^.;]{0,40}\b(?:reeds|al)\b|\bal (?:jarenlang|sinds \d{4})\b|\bloopt al\b"
    r"|\b(?:gebeurt|geschiedt)\b[^.;]{0,20}\b(?:reeds|al|inmiddels)\b",
    re.IGNORECASE,
)
# A sentence break: after ".", "!" or "?" (and closing quotes or brackets), white space and a capital; or a
# blank line. The full stop is taken in, not looked behind for (a lookbehind is tried at every character).
SENTENCE_AFTER_STOP = re.compile(r"[.!?]([\"”’)]*\s+)(?=[A-Z\"“(])|\n\n+")


class Stance(NamedTuple):
    standpunt: str
    citaat: str | None
    vertrouwen: float
    reeds_in_gang: bool


def sentences(text: str) -> list[str]:
    return [s for _, s in _sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of the text, as `sentences` splits it."""
    return list(_sentence_spans(text))


def forget() -> None:
    """Empty the per-text caches (sentence splits and words here, the model's probabilities), so that they
    serve one letter only: called as each letter's parse begins. A text repeated in another letter is read again, as
    it would be in an archive of letters that share no text (and a benchmark archive built from a few
    samples does not get faster by its repetition)."""
    _sentence_spans.cache_clear()
    _words.cache_clear()
    stance_model._probabilities.cache_clear()


@functools.lru_cache(maxsize=128)
def _sentence_spans(text: str) -> tuple[tuple[int, str], ...]:
    """`sentence_spans`, kept for the last 128 texts: a response is split by the commitments rule, the
    letter order of the parse and the stance classifier, each in turn (a pure function of the string).
    A letter has 8 such texts on average, at most 35 in the benchmark archive; `forget` empties the cache as
    each letter begins."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in SENTENCE_AFTER_STOP.finditer(text):
        end = m.start(1) if m.start(1) >= 0 else m.start()
        piece = text[start:end].lstrip()
        if piece:
            out.append((end - len(piece), piece.rstrip()))
        start = m.end()
    piece = text[start:].lstrip()
    if piece:
        out.append((len(text) - len(piece), piece.rstrip()))
    return tuple(out)


def classify(reactie: str) -> Stance:
    """The stance a response takes, the sentence that decides it, and how sure that is.

    The cues decide where they read a decision (`classify_raw` at `EXPLICIT` or more: "neem ik over", "zie ik
    af van", a part taken and a part refused), unless the model overrules them:
    - it is `MODEL_SURE` of the opposite between adopting and rejecting, and the cue is short of the most
      explicit (1.0): "Een verplichting, zoals de commissie aanbeveelt, is in strijd met ..." refuses;
    - it reads a part adopted (`deels_overgenomen` at `MODEL_PART`) in a response of two or more sentences
      where a cue short of 1.0 reads all or nothing ("Een verplichting gaat mij te ver." after a pilot in
      three regions): the cues cannot see a part done without a cue word.
    Elsewhere the model reads the whole response. Its label is `onbepaald` below `MODEL_THRESHOLD`, and where
    it is torn between adopting and rejecting (`TORN`); the cues' `in_overweging` stands for `onbepaald`
    where they saw a deferral. `vertrouwen` is the cues' confidence where they decide, else the model's
    probability of the label reported. The sentence quoted is the cues' where they agree with the label,
    else the one the model reads as most saying it, not the one restating the recommendation."""
    st = classify_raw(reactie)
    if not reactie.strip():
        return st  # nothing to read: the cues' onbepaald, confidence 0
    if st.vertrouwen >= 1.0:
        return st  # the most explicit cue: nothing the model could overrule (both overrules need less than 1.0)
    probs = stance_model.probabilities(reactie)
    label = max(probs, key=probs.__getitem__)
    opposite = st.vertrouwen < 1.0 and probs[label] >= MODEL_SURE and {st.standpunt, label} == {OVER, NIET}
    part = (label == DEELS and st.standpunt in (OVER, NIET) and st.vertrouwen < 1.0 and probs[label] >= MODEL_PART
            and len(sentences(reactie)) > 1)
    if st.vertrouwen >= EXPLICIT and not (opposite or part):
        return st
    torn = label == OVER and probs[NIET] >= TORN * probs[OVER]
    if label == ONBEPAALD or probs[label] < MODEL_THRESHOLD or torn:
        undecided = OVERWEGING if st.standpunt == OVERWEGING else ONBEPAALD
        quote = st.citaat if st.standpunt in (ONBEPAALD, OVERWEGING) and st.citaat else _deciding(reactie, ONBEPAALD)
        return Stance(undecided, quote, round(probs[ONBEPAALD], 2), st.reeds_in_gang)
    citaat = st.citaat if st.standpunt == label and st.citaat else _deciding(reactie, label)
    return Stance(label, citaat, round(probs[label], 2), st.reeds_in_gang)


def _deciding(reactie: str, label: str) -> str | None:
    """The sentence that says `label` most, by the model, among those that do not restate the
    recommendation ("De Raad adviseert ..."), where there are such."""
    sents = sentences(reactie)
    own = [s for s in sents if not ADVISER.search(s)] or sents
    return max(own, key=lambda s: stance_model.probabilities(s)[label], default=None)


def classify_raw(reactie: str, prefilter: bool = True) -> Stance:
    """The stance before the confidence threshold; `prefilter=False` runs every cue on every sentence
    (the slow path, kept to check that the keyword filter changes nothing)."""
    sents = sentences(reactie)
    n = len(sents)
    read = [_read_sentence(s, prefilter) for s in sents]
    sents_read = [text for text, _ in read]
    per_sentence = [cues for _, cues in read]
    if any(lab == ELDERS for found in per_sentence for lab, _, _ in found):
        # addressed to others: what they do ("zij nemen haar mee") is not the sender's stance
        per_sentence = [_sentence_cues(s, prefilter, skip_third_party=True) if found and THIRD_WORD.search(s) else found
                        for s, found in zip(sents_read, per_sentence, strict=True)]
    # one part taken, another refused, in one sentence: "Voor het Rijk voer ik de verplichting in; voor private
    # werkgevers zie ik hiervan af"
    mixed = [any(lab == NIET for lab, _, _ in found) and _mixed(s) for s, found in zip(sents_read, per_sentence, strict=True)]
    per_sentence = [[(DEELS, 1.0, "")] if mix else found for mix, found in zip(mixed, per_sentence, strict=True)]
    has_aim = any(flag in ("aim", "concern") for found in per_sentence for _, _, flag in found)
    # a rejection set against what came before ("Een apart instituut is echter niet nodig.")
    contrasted = any(lab == NIET and CONTRAST_WORD.search(s)
                     for s, found in zip(sents, per_sentence, strict=True) for lab, _, _ in found)
    scores: dict[str, float] = {}
    best: dict[str, tuple[float, str, float]] = {}  # label -> (weighted score, sentence, cue weight)
    flags: dict[str, set[str]] = {}  # label -> the flags of the cues that gave it
    quote: dict[str, tuple[tuple[float, ...], str]] = {}  # label -> (rank, sentence): the one to quote
    for k, (s, found) in enumerate(zip(sents, per_sentence, strict=True)):
        # earlier sentences weigh more, but the last never much less: the decision comes up front or concludes
        # the context ("... Ik neem de aanbeveling daarom over.")
        position = 1.0 / (1.0 + 0.25 * k)
        if k == n - 1:
            position = max(position, 0.8)
        for label, weight, flag in found:
            if flag == "means" and not has_aim:
                continue
            w = weight * position
            flags.setdefault(label, set()).add(flag)
            scores[label] = scores.get(label, 0.0) + w
            if label not in best or w > best[label][0]:
                best[label] = (w, s, weight)
            key = _quote_key(s, w, flag)
            if label not in quote or key > quote[label][0]:
                quote[label] = (key, s)
    # work under way, but not what the reason for a rejection says ("niet over, omdat ... al ... wordt ingezet")
    reeds = any(_may(s, ALREADY_WORDS, prefilter) and ALREADY.search(s) for s in sents_read) or (
        not any(lab == NIET for f in per_sentence for lab, _, _ in f)
        and any(_may(s, ALREADY_WORDS, prefilter) and ALREADY.search(s) for s in sents))
    if not scores:
        act = _own_act(sents)
        if act is None:
            return Stance(ONBEPAALD, None, 0.0, reeds)
        if not NEGATION.search(act) and any(PART_KEPT.search(x) for x in sents if x is not act):
            # an act next to a part kept as it is: "Het kabinet werkt toe naar de afschaffing van de zorgtoeslag.
            # De huurtoeslag en de kinderopvangtoeslag blijven vooralsnog bestaan."
            return Stance(DEELS, act, PART_SURE, reeds)
        return Stance(NIET if NEGATION.search(act) else OVER, act, _act_weight(sents, act), reeds)
    if ELDERS in scores:
        # addressed to others: only an explicit decision of the sender's own outweighs it
        own = [lab for lab in scores if lab != ELDERS and best[lab][2] >= 0.8]
        if not own:
            return Stance(ONBEPAALD, best[ELDERS][1], round(best[ELDERS][2], 2), reeds)
        del scores[ELDERS]
    if (flags.get(OVER) == {"concern"} and NIET in scores and DEELS not in scores and "means" not in flags[NIET]
            and not contrasted):
        # the concern shared, the recommendation rejected (not set against it with "echter", "maar") and
        # nothing else done: "Ik deel de zorg van de Raad. ... De aanbeveling neem ik daarom niet over." rejects
        del scores[OVER]
    if (OVER in scores and flags[OVER] <= {"aim", "concern"} and OVERWEGING in scores and NIET not in scores
            and best[OVERWEGING][2] >= 0.8):
        # the aim shared, the decision left for later: "Het kabinet deelt het doel van deze aanbeveling. Over
        # extra middelen besluit een volgend kabinet." defers; sharing an aim adopts nothing
        del scores[OVER]
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    top, top_score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    total = sum(scores.values())
    labels = {lab for lab, sc in ranked if sc >= 0.5 * top_score}
    # both adopting and rejecting, or a part adopted next to a part adopted, rejected or left for later
    if {OVER, NIET} <= labels or ({OVER, NIET} <= set(scores) and contrasted and top == OVER) or (DEELS in labels and (top in (OVER, NIET, DEELS) or labels & {OVER, NIET})):
        label = DEELS
        citaat = quote.get(DEELS, quote[top])[1]
        conf = 0.8 if any(mixed) else 0.6
    elif second and top_score < 1.5 * second:
        label, citaat, conf = ONBEPAALD, quote[top][1], 0.3
    else:
        label = top
        citaat = quote[top][1]
        conf = round(min(1.0, best[top][2] * (top_score / total)), 2)
    return Stance(label, citaat, conf, reeds)


# the parts of a sentence that can each decide: "...; ...", "..., maar ...", "..., en ..."
PARTS = LazyPattern(r";|,\s+(?:maar|en)\s+")
FIRST = LazyPattern(r"\b(?:eerst|vooralsnog|voorlopig)\b", re.IGNORECASE)  # a first step, not the measure asked
# a part that makes something apply, not what is kept as it is: "Voor de websites van het Rijk geldt deze
# termijn", "De sluitingsbevoegdheid komt er" (not "De huidige norm blijft gelden")
PART_APPLIES = LazyPattern(r"^(?!.*\b(?:blijft|blijven|huidige|bestaande)\b).*\b(?:geldt|gelden|komt er|komen er)\b", re.IGNORECASE)


def _mixed(s: str) -> bool:
    """Whether one part of the sentence refuses and another, not negated, adopts or acts."""
    parts = [p for p in PARTS.split(s) if p.strip()]
    if len(parts) < 2:
        return False
    refuses = acts = False
    for part in parts:
        labels = {lab for lab, _, _ in _sentence_cues(part)}
        if NIET in labels:
            refuses = True
        elif not NEGATION.search(part) and not FIRST.search(part) and (OVER in labels or OWN_ACT.search(part.strip()) or PART_APPLIES.search(part)):
            acts = True
    return refuses and acts


# a sentence that concludes: "Ik neem de aanbeveling daarom over.", "Dat doen we dan ook niet."
CONCLUSIVE = LazyPattern(r"\b(?:daarom|dan ook|dus|derhalve|om (?:die|deze) redenen?|zo)\b", re.IGNORECASE)


def _quote_key(s: str, weight: float, flag: str) -> tuple[float, ...]:
    """How fit a sentence is to quote as the decision (higher is better): a decision on the recommendation
    before agreement with its aim or a mere reference ("Het kabinet deelt de opvatting van de Raad ...
    Daarom wordt de looptijd verlengd"), a sentence that concludes ("daarom", "dan ook") before one that
    does not, then the weighted cue (`weight` already carries the sentence's position)."""
    explicit = 0.0 if flag in ("aim", "concern", "ref", "means") else 1.0
    concludes = 1.0 if CONCLUSIVE.search(s) else 0.0
    return (explicit, concludes, weight)


# The sender's own act, where no cue speaks: "Per 1 januari opent het kabinet dit loket.", "Wij starten dit
# najaar een campagne.", "De meldcode wordt per 1 juli aangescherpt." What the sender only reports, thanks,
# sees or sends ("Ik informeer uw Kamer", "Ik dank de raad", "Ik heb het rapport gelezen") is no act.
_OWN = r"(?:ik|wij|we|het kabinet|de regering)"
_NOT_ACT = (r"(?:heb|heeft|hebben|ben|is|zijn|kan|kunnen|moet|moeten|wil|willen|zou|zouden|dank|danken|waardeer|waarderen"
            r"|informeer|informeren|stuur|sturen|bericht|berichten|verwacht|verwachten|zie|ziet|zien|vind|vindt|vinden"
            r"|constateer|constateren|merk|merken|hoop|hopen|begrijp|begrijpen|denk|denken|lees|lezen|wacht|wachten|laat|laten)")
_MONTH = rf"(?:{MONTH_NAMES})"
_DATE = (rf"(?:(?:per|vanaf|met ingang van|vóór|uiterlijk)\s+(?:(?:het\s+)?(?:school|kalender)jaar\s+)?(?:\d{{1,2}}\s+{_MONTH}|\d{{4}}|{_MONTH})|in\s+\d{{4}}"
         r"|(?:dit|volgend|komend)\s+(?:jaar|voorjaar|najaar|kwartaal))")
_DONE = (r"(?:gevraagd|opgedragen|vrijgemaakt|gereserveerd|toegevoegd|uitgetrokken|verhoogd|verlaagd|verlengd|geregeld"
         r"|vastgelegd|verankerd|ingevoerd|uitgebreid|aangescherpt|opgenomen|aangewezen|ingesteld|opgericht|voortgezet|gefinancierd)")
_FOUND = r"(?:vrijgemaakt|gereserveerd|toegevoegd|uitgetrokken|(?:verhoogd|verlaagd)(?=[^.;]{0,40}(?:€|\bmiljoen\b|\bmiljard\b)))"
_DO = (r"(?:regelen|invoeren|mogelijk maken|vastleggen|verankeren|verhogen|verlagen|verlengen|uitbreiden|aanpassen|opnemen"
       r"|starten|oprichten|instellen|wijzigen|verplichten|financieren|opdracht geven|beschikbaar stellen)")
OWN_ACT = LazyPattern(
    rf"^{_OWN}\s+(?!{_NOT_ACT}\b)\w+"
    rf"|^(?!(?:de|het|een|deze|dit|die|dat|er|zij|ze|hij|gemeenten|provincies)\b)[^.;,]{{0,60}}\b(?!{_NOT_ACT}\b)\w+ {_OWN}\b"
    rf"|\b(?:wordt|worden|geldt|gelden)\b[^.;]{{0,60}}\b{_DATE}\b|\b{_DATE}\b[^.;]{{0,60}}\b(?:wordt|worden|geldt|gelden)\b"
    # the verb second after a fronted clause: "Om de aanbeveling uit te voeren, reserveer ik € 8 miljoen"
    rf"|,\s+(?!{_NOT_ACT}\b)\w+ {_OWN}\b"
    # done, asked or ordered by the sender: "Ik heb het RIVM gevraagd de invoering voor te bereiden"
    rf"|^{_OWN}\s+(?:heb|hebben)\b[^.;]{{0,100}}\b{_DONE}\b|\bop (?:mijn|ons) verzoek\b"
    # the sender's own future act: "Dat recht ga ik regelen", "Ik ga de NZa opdracht geven ..."
    rf"|\b(?:ga|gaan|zal|zullen) {_OWN}\b[^.;]{{0,80}}\b{_DO}\b|^{_OWN}\s+(?:ga|gaan|zal|zullen)\b[^.;]{{0,80}}\b{_DO}\b"
    # money found or a rule made, in the passive: "Hiervoor is structureel € 340 miljoen vrijgemaakt", "Dit
    # wordt geregeld in de nieuwe Participatieregeling"
    rf"|\b(?:wordt|worden)\b[^.;]{{0,80}}\b{_DONE}\b|\b(?:is|zijn)\b[^.;]{{0,80}}\b{_FOUND}\b",
    re.IGNORECASE)
ADVISER = LazyPattern(r"\b(?:adviseert|adviseren|beveelt|bevelen|stelt|stellen|vraagt|vragen|pleit|pleiten|bepleit|wijst|concludeert"
                     r"|constateert|raadt)\b", re.IGNORECASE)
# what is done now describes, it does not decide: "Momenteel wordt de capaciteit per kwartaal vastgesteld"
CURRENT = LazyPattern(r"\b(?:momenteel|thans|op dit moment|nu al|al jaren|sinds)\b", re.IGNORECASE)
# an act found where no cue speaks: a lean below THRESHOLD; just above it where the act is concrete and nothing
# else limits it (`_act_weight`). Both are below EXPLICIT: `classify` lets the model read such a response
ACT_WEIGHT = 0.4
ACT_SURE = 0.55
# the sender refusing in its own words, nothing else done: "Ik maak deze koppeling niet mogelijk." (a decision,
# as explicit as a cue: at `EXPLICIT`)
REFUSAL_SURE = EXPLICIT
# an act next to a part kept as it is: a part adopted (`deels_overgenomen`), as explicit as a cue
PART_SURE = EXPLICIT
# what limits an act elsewhere in the response: a negation, a contrast, a consequence argued against, a part
# kept as it is or left for later
LIMIT = LazyPattern(r"\b(?:niet|geen|nooit|echter|maar|wel|zou|zouden|ontbreekt|ontbreken|blijft|blijven|overige|vooralsnog"
            r"|voorlopig|behalve|uitgezonderd)\b", re.IGNORECASE)
# an act made concrete: a date, money, a rule or a law, an order given
CONCRETE = LazyPattern(rf"\b{_DATE}\b|€|\b(?:miljoen|miljard|begroting|wet|wetsvoorstel|wetswijziging|regeling|amvb|opdracht"
               r"|verzoek|verplicht|verplichting|middelen|budget|gereserveerd|vrijgemaakt|implementeren|invoering|invoeren)\b|\bwet\w+", re.IGNORECASE)
# an act that may be the sender's alternative to what is recommended, or an argument against it
ALTERNATIVE = LazyPattern(r"\b(?:plaats|liever|alternatief|alternatieve|andere|anders|huidige|bestaande|nadelen|nadeel|risico|risico's)\b",
                  re.IGNORECASE)
# a part of what is recommended kept as it is, or left for want of means
PART_KEPT = LazyPattern(r"\b(?:blijft|blijven)\b[^.;]{0,40}\b(?:vooralsnog|voorlopig|bestaan|ongewijzigd|uitgangspunt|in stand)\b"
                r"|\b(?:blijft|blijven) (?:op )?(?:hun|haar|zijn) huidige\b|\bontbre(?:ekt|ken)\b[^.;]{0,40}\b(?:middelen|geld|budget)\b",
                re.IGNORECASE)
# the sender refuses in the first person: "Ik maak deze koppeling niet mogelijk", "... voer ik niet in"
OWN_REFUSAL = LazyPattern(rf"^{_OWN}\s+\w+\b[^.;,]{{0,80}}\b(?:niet|geen)\b|\b\w+ {_OWN}\b[^.;,]{{0,60}}\b(?:niet|geen)\b", re.IGNORECASE)
WEL = LazyPattern(r"\bwel\b", re.IGNORECASE)
# what is put in an annex is no act: "die in de bijlage bij deze brief is opgenomen"
ANNEX = LazyPattern(r"\bbijlage\b", re.IGNORECASE)


def _own_act(sents: list[str]) -> str | None:
    """The first sentence that states an act of the sender's own, in a response where no cue decides."""
    for s in sents:
        if (OWN_ACT.search(s) and not ADVISER.search(s) and not CURRENT.search(s) and not HYPOTHETICAL.search(s)
                and not CONCESSIVE.match(s) and not ANNEX.search(s)):
            return s
    return None


def _act_weight(sents: list[str], act: str) -> float:
    """How far an act found where no cue speaks can be trusted: above the threshold only where the rest of the
    response holds nothing that limits it (a negation, a contrast, a consequence argued against, another part
    left as it is), as in "De Raad adviseert ... Ik richt dit fonds per 1 januari op." Otherwise it may be an
    alternative or one part of several ("In het MIRT is € 600 miljoen gereserveerd ... Voor volledige
    verdubbeling ontbreken de middelen."): a lean, below the threshold."""
    if NEGATION.search(act):
        # a refusal in the sender's own words, with nothing else done: "Ik maak deze koppeling niet mogelijk."
        own = OWN_REFUSAL.search(act)
        return REFUSAL_SURE if own and not any(CONTRAST_WORD.search(x) or WEL.search(x) for x in sents) else ACT_WEIGHT
    if not CONCRETE.search(act):
        return ACT_WEIGHT
    if any(LIMIT.search(s) for s in sents if s is not act) or ALTERNATIVE.search(" ".join(sents)):
        return ACT_WEIGHT
    return ACT_SURE


@functools.lru_cache(maxsize=1024)
def _words(s: str) -> frozenset[str]:
    """The lowercased words of a sentence, kept while a letter is read (`forget` empties the cache): the cue
    filter and the guards below each ask them of the same sentences."""
    return frozenset(WORD.findall(s.lower()))


# Each auxiliary pattern matches only where the sentence holds one of these words (its lowercased words, as
# `_words` gives them; a sentence with a character of FOLDS is read without this filter): a sentence without
# them is passed over without running the pattern. tests/test_stance.py holds each match to its words.
ALREADY_WORDS = frozenset({"reeds", "al", "inmiddels"})
CONCESSIVE_WORDS = frozenset({"hoewel", "ofschoon", "alhoewel", "al", "zonder"})
HYPOTHETICAL_WORDS = frozenset({"of"})
REPORTED_WORDS = frozenset({"concludeert", "constateert", "stelt", "signaleert", "meent", "merkt", "wijst", "heeft",
                            "laat", "toont", "beschrijft"})
CONTENT_WORDS = frozenset({"om", "stelt", "adviseert", "beveelt", "pleit", "bepleit", "raadt"})


def _may(s: str, words: frozenset[str], prefilter: bool) -> bool:
    """Whether a pattern guarded by `words` can match in the sentence (always, without the prefilter)."""
    return not prefilter or not words.isdisjoint(_words(s)) or any(c in s for c in FOLDS)


def _spans(pattern: LazyPattern, words: frozenset[str], s: str, prefilter: bool) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(s)] if _may(s, words, prefilter) else []


def _candidates(s: str) -> list[_Cue]:
    """The cues that can match in this sentence: those with one of their keys among its words."""
    lex = _lexicon()
    hits = lex.keys.intersection(_words(s))
    if not hits:
        return []
    return [lex.cues[i] for i in sorted({i for word in hits for i in lex.by_key[word]})]


def _read_sentence(s: str, prefilter: bool = True) -> tuple[str, list[tuple[str, float, str]]]:
    """The part of the sentence that decides, with its cues: up to a reason clause (", omdat ...") when the
    part before it takes an explicit decision (a cue of weight 0.8 or more), else the whole sentence. The
    sentence quoted stays the whole one."""
    m = REASON.search(s)
    if m:
        head = s[:m.start()]
        cues = _sentence_cues(head, prefilter)
        if any(w >= 0.8 for _, w, _ in cues):
            return head, cues
    return s, _sentence_cues(s, prefilter)


def _sentence_cues(s: str, prefilter: bool = True, skip_third_party: bool = False) -> list[tuple[str, float, str]]:
    """The cues a sentence holds (label, weight, flag), after concession, negation and contrast."""
    found: list[tuple[str, float, str]] = []
    cues = _candidates(s) if prefilter else _lexicon().cues
    if not cues:
        return found
    has_subject: bool | None = None  # looked up only for a cue that needs it
    concessive: list[tuple[int, int]] | None = None  # clause spans, found once a cue matches
    hypothetical: list[tuple[int, int]] = []
    contrast = False
    for cue in cues:
        m = cue.rx.search(s)
        if not m:
            continue
        if concessive is None:
            concessive = _spans(CONCESSIVE, CONCESSIVE_WORDS, s, prefilter)
            hypothetical = (_spans(HYPOTHETICAL, HYPOTHETICAL_WORDS, s, prefilter)
                            + _spans(REPORTED, REPORTED_WORDS, s, prefilter) + _spans(CONTENT, CONTENT_WORDS, s, prefilter))
        if cue.needs_subject:
            if has_subject is None:
                has_subject = bool(SUBJECT.search(s))
            if not has_subject:
                continue
        inside = next((b for a, b in hypothetical if a <= m.start() < b), None)
        if inside is not None:
            # the cue may still match after the clause that only names or weighs the recommendation: "Het advies
            # om vaccinatie op te nemen in het programma neem ik over"
            m = cue.rx.search(s, inside)
            if not m or any(a <= m.start() < b for a, b in hypothetical):
                continue
        conceded = any(a <= m.start() < b for a, b in concessive)
        if conceded and cue.label != OVER:
            continue
        label, weight = cue.label, cue.weight
        if label == OVER and cue.flag != "dbl":
            # the cue's own clause: up to 20 characters either side, not past a comma or semicolon
            before = _CLAUSE_MARK.split(s[max(0, m.start() - 20): m.start()])[-1]
            after = _CLAUSE_MARK.split(s[m.end(): m.end() + 20])[0]
            rest = _CLAUSE_MARK_COLON.split(s[m.end():], maxsplit=1)[0]
            if PREFERENCE.search(before + m.group(0) + after):
                continue  # the alternative preferred: "Wij investeren liever in voorlichting"
            if CONTRAST.search(s[m.end():]) and DEFERRAL.search(s[m.end():]):
                label = OVERWEGING  # "neem ik over, maar wil eerst de uitvoerbaarheid laten toetsen"
                weight = 0.8
            elif CONTRAST.search(s[m.end():]) and not NEGATION.search(before + m.group(0)):
                label = DEELS
                weight *= 0.8
                contrast = True
            elif NEGATION.search(before + m.group(0) + after) or NEGATION_AT_END.search(rest):
                if PARTIAL_NEGATION.search(before + s[m.start():]):
                    label = DEELS  # the extent negated, not the adoption: "niet in de voorgestelde vorm"
                    weight *= 0.9
                else:
                    label = NIET
            elif (RESTRICTION.search(before + m.group(0) + after) or CONDITION.search(s[m.end():])
                  or SCOPE.search(s[m.end():]) or SCOPE_IN.search(m.group(0))):
                label = DEELS
                weight *= 0.9
        if conceded and label == NIET:
            continue
        if skip_third_party and THIRD_PARTY.search(_CLAUSE_MARK.split(s[:m.start()])[-1]):
            continue
        found.append((label, weight, cue.flag))
    if any(flag != "ref" for _, _, flag in found) or (found and REF_VOID.search(s)):
        found = [f for f in found if f[2] != "ref"]
    if any(flag == "dbl" for _, _, flag in found):
        found = [f for f in found if f[0] != NIET]
    labels = {lab for lab, _, _ in found}
    if contrast and NIET in labels:
        return [(DEELS, 1.0, "")]  # "eens met de analyse, maar neemt de oplossing niet over"
    # a rejection cue makes a generic adopting cue in the same sentence moot
    if any(lab == NIET and w >= 1.0 for lab, w, _ in found):
        found = [f for f in found if f[0] != OVER]
    # an explicit adoption says how in the same breath: "Ik geef hier graag gevolg aan en neem de wijziging
    # mee in de eerstvolgende aanpassing" adopts; the "meenemen" is the way, not a decision deferred
    if (OVERWEGING in labels and any(lab == OVER and w >= 0.9 and flag == "" for lab, w, flag in found)
            and not CONTRAST.search(s)):
        found = [f for f in found if f[0] != OVERWEGING]
    # overlapping cues for one phrase count once: the strongest per label; an aim cue marks the label,
    # a means cue stays conditional only when nothing else gave the label
    best: dict[str, tuple[float, str]] = {}
    for lab, w, flag in found:
        if lab not in best:
            best[lab] = (w, flag)
            continue
        old_w, old_flag = best[lab]
        keep = "aim" if "aim" in (flag, old_flag) else ("means" if flag == old_flag == "means" else "")
        if keep != "means" and "means" in (flag, old_flag):
            w = w if flag != "means" else old_w
            old_w = old_w if old_flag != "means" else w
        best[lab] = (max(old_w, w), keep)
    # agreeing with the analysis or the concern is not agreeing with the aim: it is marked "concern"
    if any(flag == "aim" for _, flag in best.values()) and not AIM_WORD.search(s):
        return [(lab, w, "concern" if flag == "aim" else flag) for lab, (w, flag) in best.items()]
    return [(lab, w, flag) for lab, (w, flag) in best.items()]
