"""Markdown that no name announces (standard input, a file called `brief`) is read as markdown, and plain
text stays text; markdown tables with and without outer pipes, and pandoc's grid tables, keep their cells."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kamerbrief.cli import main
from kamerbrief.readers import looks_like_markdown
from kamerbrief.readers.markup import markdown_lines

from .conftest import BULK, CORPUS, SAMPLES

MD_SAMPLES = sorted(SAMPLES.glob("*.md"))
TXT_SAMPLES = sorted(SAMPLES.glob("*.txt"))


def _parse(*args: str, data: bytes | None = None) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["parse", "--to", "json", "-q", *args], input=data)
    assert result.exit_code == 0, result.output
    record: dict[str, Any] = json.loads(result.stdout)
    return record


def _without_name(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "bron": {k: v for k, v in record["bron"].items() if k != "bestand"}}


@pytest.mark.parametrize("sample", MD_SAMPLES, ids=[p.name for p in MD_SAMPLES])
def test_every_markdown_sample_reads_the_same_from_standard_input_and_without_a_suffix(
        sample: Path, tmp_path: Path) -> None:
    named = _parse(str(sample))
    piped = _parse("-", data=sample.read_bytes())
    copy = tmp_path / sample.stem
    shutil.copy(sample, copy)
    unnamed = _parse(str(copy))
    assert named["bron"]["formaat"] == piped["bron"]["formaat"] == unnamed["bron"]["formaat"] == "markdown"
    assert piped["bron"]["bestand"] == "<stdin>" and unnamed["bron"]["bestand"] == sample.stem
    assert _without_name(piped) == _without_name(named)
    assert _without_name(unnamed) == _without_name(named)


@pytest.mark.parametrize("sample", TXT_SAMPLES, ids=[p.name for p in TXT_SAMPLES])
def test_every_text_sample_stays_text_from_standard_input(sample: Path) -> None:
    assert not looks_like_markdown(sample.read_bytes())
    piped = _parse("-", data=sample.read_bytes())
    assert piped["bron"]["formaat"] == "text"
    assert _without_name(piped) == _without_name(_parse(str(sample)))


def test_the_corpus_text_letters_stay_text() -> None:
    letters = sorted(CORPUS.glob("*.txt")) + sorted(BULK.rglob("*.txt"))
    if not letters:
        pytest.skip("../shared/corpus is not here")
    assert [p.name for p in letters if looks_like_markdown(p.read_bytes())] == []
    assert all(looks_like_markdown(p.read_bytes()) for p in CORPUS.glob("*.md"))


HEAD_MD = """**Ons kenmerk**
2025-0001

**Datum** 3 maart 2025
**Betreft** Beantwoording vragen over de veerpont

Geachte voorzitter,

"""

BOLD_QUESTIONS = HEAD_MD.replace("Geachte voorzitter,\n\n", "") + """Hierbij zend ik u de antwoorden op de vragen \
van het lid Jansen over de veerpont.

De Minister van Infrastructuur en Waterstaat,

P. de Vries

**Vraag 1**
Rijdt de pont nog?

**Antwoord op vraag 1**
Ja, sinds maandag weer.

**Vraag 2**
Wie betaalt de nieuwe pont?

**Antwoord op vraag 2**
De provincie betaalt de helft.
"""


def test_kamervragen_with_bold_labels_are_read_from_standard_input() -> None:
    assert looks_like_markdown(BOLD_QUESTIONS.encode())
    piped = _parse("-", data=BOLD_QUESTIONS.encode())
    assert piped["bron"]["formaat"] == "markdown"
    assert [(v["nummer"], v["antwoord"]) for v in piped["vragen"]] == [
        (1, "Ja, sinds maandag weer."), (2, "De provincie betaalt de helft.")]
    assert "**" not in json.dumps(piped, ensure_ascii=False)
    assert piped == _parse("-", "--from", "markdown", data=BOLD_QUESTIONS.encode())


@pytest.mark.parametrize("text", [
    # a plain letter: numbered and dashed lists, a single "*" here and there
    "Geachte voorzitter,\n\nDe maatregelen zijn:\n1. meer veren;\n2. betere haltes.\n- ook 's nachts\n"
    "- in 2025\n\nDe kosten* vallen lager uit.\n\n* exclusief btw\n\nHoogachtend,\n",
    # pdftotext with footnote marks "*" and "**" after words and before the notes
    "Den Haag, 3 maart 2025\n\nHet budget van 14 miljoen euro* is verdeeld over de provincies**.\n"
    "De rest volgt in 2026.\n\f\n* bedragen exclusief btw\n** zie bijlage 2, tabel 3\n",
    # notes marked "*)" and "**)", and a sum of stars as a separator
    "De regeling*) geldt tot 2026**).\n\n*) Stb. 2024, 12\n**) Kamerstuk 36123, nr. 14\n\n* * *\n\nEinde.\n",
    # a pipe in prose, and a dash line that is no table's delimiter row
    "Zij kozen tussen veer | brug en zeiden:\n---------\nGeen van beide.\n",
    # a plus sign and dashes that draw no grid table
    "Totaal\n+-----+\n12 boten\n",
    # one line that opens with a bold span is not enough
    "**Let op** de termijn.\nDe brief volgt.\n",
])
def test_plain_text_with_stray_asterisks_and_pipes_stays_text(text: str) -> None:
    assert not looks_like_markdown(text.encode())


PLAIN_LETTER = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Datum 3 maart 2025
Betreft Voortgang veerdiensten
Ons kenmerk IENW/BSK-2025/1234

Geachte voorzitter,

Het budget van 14 miljoen euro* is verdeeld over de provincies**. De veren varen weer:
1. Schoonhoven;
2. Kinderdijk.

De Minister van Infrastructuur en Waterstaat,

P. de Vries

* bedragen exclusief btw
** zie bijlage 2
"""


def test_a_plain_letter_with_footnote_stars_is_text_on_standard_input() -> None:
    piped = _parse("-", data=PLAIN_LETTER.encode())
    assert piped["bron"]["formaat"] == "text"
    assert piped == _parse("-", "--from", "text", data=PLAIN_LETTER.encode())


@pytest.mark.parametrize("text", [
    "**Datum** 3 maart 2025\n**Betreft** Veren\n\nGeachte voorzitter,\n",  # two labels in bold
    "- **Aanbeveling 1** Stel een norm op.\n- **Aanbeveling 2** Oefen elk jaar.\n",  # bold opening list items
    "Aanbeveling | Reactie\n--- | ---\nStel een norm op. | Overgenomen.\n",  # a pipe table without outer pipes
    "+-----+-----+\n| a   | b   |\n+=====+=====+\n| c   | d   |\n+-----+-----+\n",  # a grid table
])
def test_markdown_without_headings_or_links_is_found(text: str) -> None:
    assert looks_like_markdown(text.encode())


TABLE_LETTER = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

**Ons kenmerk**
2025-0000777

**Datum** 12 mei 2025
**Betreft** Kabinetsreactie op het advies van de Raad voor de Leefomgeving over stille wegen

Geachte voorzitter,

De Raad voor de Leefomgeving deed in zijn advies drie aanbevelingen. Hieronder staat per aanbeveling de \
reactie van het kabinet.

{table}

Ik vertrouw erop uw Kamer hiermee te hebben geïnformeerd.

De minister van Infrastructuur en Waterstaat,

K. van Dalen
"""

ROWS = [
    ("Aanbeveling", "Reactie kabinet"),
    ("Leg stil asfalt aan op alle rijkswegen binnen de bebouwde kom.",
     "Ik neem deze aanbeveling over. Rijkswaterstaat legt het asfalt aan bij het volgende onderhoud."),
    ("Meet het geluid langs drukke wegen elk jaar opnieuw.",
     "Deze aanbeveling neem ik deels over: de metingen komen er om het jaar."),
    ("Verlaag de snelheid 's nachts naar tachtig kilometer per uur.",
     "Deze aanbeveling neem ik niet over. De snelheid blijft zoals zij is."),
]


def _pipe_table(outer: bool, rule: str = "---") -> str:
    lines = [" | ".join(r) for r in ROWS]
    lines.insert(1, f"{rule} | {rule}")
    return "\n".join(f"| {ln} |" if outer else ln for ln in lines)


def test_pipe_tables_without_outer_pipes_give_the_same_recommendations() -> None:
    records = {}
    for name, table in [("outer", _pipe_table(True)), ("bare", _pipe_table(False)),
                        ("colons", _pipe_table(False, ":--")), ("short", _pipe_table(True, "-"))]:
        letter = TABLE_LETTER.format(table=table).encode()
        assert looks_like_markdown(letter), name
        records[name] = _parse("-", data=letter)
    recs = [(a["titel"], a["reactie"]) for a in records["outer"]["aanbevelingen"]]
    assert recs == [(r[0], r[1]) for r in ROWS[1:]]
    for name, record in records.items():
        assert record["aanbevelingen"] == records["outer"]["aanbevelingen"], name
        assert "| ---" not in json.dumps(record, ensure_ascii=False) and "---" not in record["secties"][0]["tekst"]


def test_a_pipe_in_prose_is_no_table() -> None:
    lines = markdown_lines("De keuze veer | brug viel op de brug.\nHet veer | de pont stopt.\n\n"
                           "Tarief | prijs\nx\n")
    assert [ln.cells for ln in lines] == [(), (), (), (), ()]
    assert lines[0].text == "De keuze veer | brug viel op de brug."
    table = [ln.cells for ln in markdown_lines("Veer | Boten\n:-- | --:\nSchoonhoven | 2\nKinderdijk | 1\n"
                                               "Een regel tekst.\n")]
    assert table == [("Veer", "Boten"), ("Schoonhoven", "2"), ("Kinderdijk", "1"), ()]
    # a delimiter row of fewer cells than the row above it makes no table (GFM)
    assert [ln.cells for ln in markdown_lines("a | b | c\n--- | ---\n")] == [(), ()]


# ROWS as pandoc writes them in a grid table (`pandoc -t markdown` for cells that hold paragraphs or lists):
# each cell wrapped over lines, a response of two paragraphs, a header row under "+===+"
GRID = """\
+---------------------------------------+----------------------------------------------+
| Aanbeveling                           | Reactie kabinet                              |
+=======================================+==============================================+
| Leg stil asfalt aan op alle rijkswegen| Ik neem deze aanbeveling over.               |
| binnen de bebouwde kom.               |                                              |
|                                       | Rijkswaterstaat legt het asfalt aan bij het  |
|                                       | volgende onderhoud.                          |
+---------------------------------------+----------------------------------------------+
| Meet het geluid langs drukke wegen    | Deze aanbeveling neem ik deels over: de      |
| elk jaar opnieuw.                     | metingen komen er om het jaar.               |
+---------------------------------------+----------------------------------------------+
| Verlaag de snelheid 's nachts naar    | Deze aanbeveling neem ik niet over. De       |
| tachtig kilometer per uur.            | snelheid blijft zoals zij is.                |
+---------------------------------------+----------------------------------------------+"""


def test_grid_tables_are_read_as_rows_with_cells() -> None:
    lines = markdown_lines(GRID + "\n\nNa de tabel.\n")
    rows = [ln for ln in lines if ln.cells]
    assert [ln.cells for ln in rows] == ROWS
    assert [ln.lineno for ln in rows] == [2, 4, 9, 12] and {ln.role for ln in rows} == {"table_cell"}
    # the rows stand together, with no line between them: one table; the borders leave no "+---" text
    assert lines.index(rows[-1]) - lines.index(rows[0]) == 3
    assert not [ln for ln in lines if "+-" in ln.text or "+=" in ln.text or ln.text.startswith("|")]
    assert lines[-1].text == "Na de tabel." and not lines[-1].cells


def test_a_grid_table_gives_the_recommendations_of_its_pipe_table() -> None:
    grid = TABLE_LETTER.format(table=GRID).encode()
    assert looks_like_markdown(grid)
    record = _parse("-", data=grid)
    assert record["bron"]["formaat"] == "markdown"
    assert [(a["titel"], a["reactie"]) for a in record["aanbevelingen"]] == [
        (ROWS[1][0], "Ik neem deze aanbeveling over. Rijkswaterstaat legt het asfalt aan bij het volgende onderhoud."),
        *ROWS[2:]]
    piped = _parse("-", data=TABLE_LETTER.format(table=_pipe_table(True)).encode())
    assert [a["reactie"] for a in record["aanbevelingen"]] == [a["reactie"] for a in piped["aanbevelingen"]]
    assert "+---" not in json.dumps(record, ensure_ascii=False)


def test_grid_table_cells_that_span_columns_lists_and_wide_text() -> None:
    grid = ("+-----------+-----------+\n"
            "| **Thema** | Stand     |\n"
            "+===========+===========+\n"
            "| Veren     | - Gouda   |\n"
            "|           | - Delft   |\n"
            "+-----------+-----------+\n"
            "| Een rij over beide    |\n"
            "+-----------+-----------+\n"
            "| Café’s | 3 \\| 4 |\n"  # pipes that do not stand at the border's columns
            "+-----------+-----------+\n")
    rows = [ln.cells for ln in markdown_lines(grid) if ln.cells]
    assert rows == [("Thema", "Stand"), ("Veren", "- Gouda - Delft"), ("Een rij over beide", ""),
                    ("Café’s", "3 | 4")]
    # a one-column grid table (a box around text) is its text, as a layout table is
    box = [ln for ln in markdown_lines("+------+\n| Let  |\n| op.  |\n+------+\n") if ln.text]
    assert [(ln.text, ln.cells) for ln in box] == [("Let op.", ())]


def _strip_inline_unguarded(text: str) -> str:
    """strip_inline as it was written before each step got its guard: every pattern on every text."""
    from kamerbrief.readers import markup as m

    if not m.MARKUP_CHARS.search(text):
        return text
    for pattern, repl in ((m.IMAGE, ""), (m.SPAN, "text"), (m.LINK, "text"), (m.AUTOLINK, "text"),
                          (m.FOOTNOTE_REF, "")):
        text = m._sub_whole(pattern, repl, text)
    text = m.CODE.sub(r"\1", text)
    text = m._sub_whole(m.HTML_TAG, "", text)
    text = m.STRONG.sub("", text)
    for _ in range(2):
        text = m._sub_whole(m.EMPH_STAR, "text", text)
        text = m._sub_whole(m.EMPH_UNDERSCORE, "text", text)
    return m.ESCAPE.sub(r"\1", text)


def test_strip_inline_guards_change_no_result() -> None:
    """Each step of strip_inline runs only where its opening sign is in the text; on random markup (every
    sign the patterns use, in every order) it gives what running every step gives."""
    import random

    from kamerbrief.readers.markup import strip_inline

    rng = random.Random(13)
    alphabet = ["*", "**", "_", "__", "[", "]", "(", ")", "![", "[^", "{", "}", "`", "<", ">", "\\", "!",
                "<br>", "<span>", "https://x.nl", "www.", "a", "b", " ", "  ", "tekst", "\"t\"", "#", "-", "."]
    changed = 0
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        want = _strip_inline_unguarded(text)
        assert strip_inline(text) == want, text
        changed += want != text
    assert changed > 1000
