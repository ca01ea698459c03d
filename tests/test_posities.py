"""`posities`: each value's page and source lines, only when asked for, valid against the schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kamerbrief
from kamerbrief.cli import main
from kamerbrief.output import dumps, write_atomic
from kamerbrief.readers import read
from kamerbrief.schema import validator
from kamerbrief.show import display_lines

from .conftest import SAMPLES

GOLDEN = Path(__file__).parent / "data" / "posities"
ONE_PER_FORMAT = [
    "lnv-aanbevelingen-kabinetsreactie.md",
    "ocw-voortgang-laaggeletterdheid.txt",
    "ienw-kabinetsreactie-regenwater.pdf",
    "ienw-brief-word-voetnoten.docx",
    "jenv-antwoorden-gedeeld-antwoord.docx",
    "bzk-voortgang-zonder-aanbevelingen.md",
    "kst-36123-14-reactie-onderzoek.txt",
]


def resolve(record: dict[str, Any], pointer: str) -> Any:
    """The value a JSON pointer (RFC 6901) names; KeyError or IndexError when it names nothing."""
    value: Any = record
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def fold(text: str) -> str:
    return " ".join(text.split())


def test_posities_only_when_asked_for() -> None:
    letter = SAMPLES / ONE_PER_FORMAT[0]
    assert "posities" not in kamerbrief.parse_file(letter).record
    assert "posities" in kamerbrief.parse_file(letter, posities=True).record
    text = letter.read_text(encoding="utf-8")
    assert "posities" in kamerbrief.parse_text(text, fmt="markdown", posities=True).record
    assert "posities" in kamerbrief.parse_bytes(letter.read_bytes(), letter.name, posities=True).record


@pytest.mark.parametrize("name", ONE_PER_FORMAT)
def test_every_pointer_resolves_and_lies_in_the_source(name: str) -> None:
    letter = SAMPLES / name
    record = kamerbrief.parse_file(letter, posities=True).record
    posities = record["posities"]
    assert not list(validator().iter_errors(record))
    shown = {ln.number: ln for ln in display_lines(read(letter))}
    for pointer, where in posities.items():
        value = resolve(record, pointer)
        assert value not in (None, "", []), pointer
        assert where["van"] <= where["tot"], pointer
        assert where["van"] in shown and where["tot"] in shown, (pointer, where)
        if where["pagina"] is not None:
            assert where["pagina"] == shown[where["van"]].page, (pointer, where)
    meta = record["metadata"]
    if meta["kenmerk"]:
        line = shown[posities["/metadata/kenmerk"]["van"]]
        assert fold(meta["kenmerk"]) in fold(line.text)
    for field in ("/metadata/datum", "/aanhef", "/metadata/afzender/functie"):
        if resolve(record, field) is not None:
            assert field in posities, field
    for pointer, where in posities.items():
        # a footnote's, the salutation's and the signer's name's first word stands in their lines
        if pointer.startswith(("/voetnoten/", "/aanhef", "/metadata/afzender/naam")):
            lines = " ".join(shown[n].text for n in range(where["van"], where["tot"] + 1) if n in shown)
            first = resolve(record, pointer)
            assert (first["tekst"] if isinstance(first, dict) else first).split()[0] in lines, pointer
    for key in ("secties", "aanbevelingen", "toezeggingen"):
        for n in range(len(record[key])):
            assert f"/{key}/{n}" in posities, (key, n)
    for n, vraag in enumerate(record.get("vragen", [])):
        assert f"/vragen/{n}/vraag" in posities
        if vraag["antwoord"] is not None:
            assert f"/vragen/{n}/antwoord" in posities


def test_pdf_posities_carry_pages() -> None:
    record = kamerbrief.parse_file(SAMPLES / "ienw-kabinetsreactie-regenwater.pdf", posities=True).record
    pages = {w["pagina"] for w in record["posities"].values()}
    assert None not in pages and len(pages) >= 2


def test_markdown_has_no_pages() -> None:
    record = kamerbrief.parse_file(SAMPLES / ONE_PER_FORMAT[0], posities=True).record
    assert {w["pagina"] for w in record["posities"].values()} == {None}


def test_the_posities_golden_file(regen: bool) -> None:
    """A self-written letter with --posities, compared exactly: tests/data/posities/<name>.yaml."""
    letter = SAMPLES / "lnv-aanbevelingen-kabinetsreactie.md"
    text = dumps(kamerbrief.parse_file(letter, posities=True).record, "yaml")
    golden = GOLDEN / (letter.stem + ".yaml")
    if regen:
        write_atomic(golden, text)
    assert golden.read_text(encoding="utf-8") == text


def test_cli_parse_posities() -> None:
    letter = str(SAMPLES / ONE_PER_FORMAT[0])
    plain = CliRunner().invoke(main, ["parse", letter, "--to", "json", "-q"])
    given = CliRunner().invoke(main, ["parse", letter, "--to", "json", "-q", "--posities"])
    assert plain.exit_code == 0 and given.exit_code == 0
    assert '"posities"' not in plain.output and '"posities"' in given.output


def test_cli_batch_posities_and_validate(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "brief.md").write_bytes((SAMPLES / ONE_PER_FORMAT[0]).read_bytes())
    out = tmp_path / "out"
    done = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "-q", "--posities", "-j", "1"])
    assert done.exit_code == 0, done.output
    record = out / "brief.md.yaml"
    assert "posities:" in record.read_text(encoding="utf-8")
    checked = CliRunner().invoke(main, ["validate", str(record)])
    assert checked.exit_code == 0, checked.output


# A published Kamerstuk, invented, as pdftotext writes it: two pages, a footnote at the first page's foot,
# a co-sender, a citation and a commitment in the body's second paragraph.
KAMERSTUK_TXT = """\
Tweede Kamer der Staten-Generaal
Vergaderjaar 2030-2031

40 123 Proefdossier over veerdiensten

Nr. 7 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 maart 2031

Mede namens de minister van Financiën bied ik u het verslag over de veren aan.
Het verslag volgt op mijn eerdere brief (Kamerstuk 40 123, nr. 5) over dit onderwerp.

De veren varen weer volgens de dienstregeling1. De beheerder houdt de
kosten bij en meldt afwijkingen.
1
Zie de dienstregeling van het veer.
Pagina 1 van 2
\fIk zal uw Kamer voor de zomer van 2031 informeren over de kosten. Tot die tijd volgt
de beheerder de afspraken.

De Minister van Infrastructuur en Waterstaat,
P. de Vries
"""

# A letter with a note list typed at its end, cited with "n)" markers.
TYPED_NOTES_TXT = """\
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Ons kenmerk IENW/BSK-2031/77
Datum 4 maart 2031
Betreft Veerdiensten

Geachte voorzitter,

Het veer vaart weer sinds het bericht 1) van de beheerder. De kosten staan in de bijlage 2).

Hoogachtend,

De Minister van Infrastructuur en Waterstaat,
P. de Vries

1) Bericht van de beheerder, 2 maart 2031.
2) Bijlage bij deze brief.
"""


def _placed(tmp_path: Path, name: str, text: str) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The record of a self-written letter with --posities (through the CLI), and its lines by number."""
    letter = tmp_path / name
    letter.write_text(text, encoding="utf-8")
    out = tmp_path / (name + ".yaml")
    done = CliRunner().invoke(main, ["parse", str(letter), "--posities", "-q", "-o", str(out)])
    assert done.exit_code == 0, done.output
    checked = CliRunner().invoke(main, ["validate", str(out)])
    assert checked.exit_code == 0, checked.output
    import yaml

    record = yaml.safe_load(out.read_text(encoding="utf-8"))
    lines = {ln.number: ln.text for ln in display_lines(read(letter))}
    return record, lines  # type: ignore[return-value]


def _text_at(record: dict[str, Any], lines: dict[int, Any], pointer: str) -> str:
    where = record["posities"][pointer]
    return " ".join(lines[n] for n in range(where["van"], where["tot"] + 1))


def test_kamerstuk_mede_namens_page_foot_notes_references_and_a_commitment_are_placed(tmp_path: Path) -> None:
    record, lines = _placed(tmp_path, "kamerstuk.txt", KAMERSTUK_TXT)
    posities = record["posities"]
    ks = record["metadata"]["kamerstuk"]
    assert ks == {"dossiernummer": "40123", "ondernummer": "7", "vergaderjaar": "2030-2031",
                  "dossiertitel": "Proefdossier over veerdiensten"}
    assert "40 123" in _text_at(record, lines, "/metadata/kamerstuk/dossiernummer")
    assert "Proefdossier" in _text_at(record, lines, "/metadata/kamerstuk/dossiertitel")
    assert "Nr. 7" in _text_at(record, lines, "/metadata/kamerstuk/ondernummer")
    assert "2030-2031" in _text_at(record, lines, "/metadata/kamerstuk/vergaderjaar")

    assert record["metadata"]["mede_namens"] == ["minister van Financiën"]
    assert "Mede namens de minister van Financiën" in _text_at(record, lines, "/metadata/mede_namens/0")

    assert record["voetnoten"] == [{"nummer": "1", "tekst": "Zie de dienstregeling van het veer."}]
    assert posities["/voetnoten/0"] == {"pagina": 1, "van": 18, "tot": 18}

    assert record["verwijzingen"][0]["tekst"] == "Kamerstuk 40 123, nr. 5"
    assert "Kamerstuk 40 123, nr. 5" in _text_at(record, lines, "/verwijzingen/0")

    # the commitment points at its own sentence's line on page 2, not at the whole section from page 1
    assert record["toezeggingen"][0]["tekst"] == "Ik zal uw Kamer voor de zomer van 2031 informeren over de kosten."
    assert posities["/toezeggingen/0"] == {"pagina": 2, "van": 20, "tot": 20}


def test_typed_note_list_items_are_placed(tmp_path: Path) -> None:
    record, lines = _placed(tmp_path, "noten.txt", TYPED_NOTES_TXT)
    assert [n["nummer"] for n in record["voetnoten"]] == ["1", "2"]
    for n, note in enumerate(record["voetnoten"]):
        assert _text_at(record, lines, f"/voetnoten/{n}").startswith(f"{note['nummer']}) ")


def test_missing_fields_are_warned_at_the_colophon_not_at_line_1(tmp_path: Path) -> None:
    text = TYPED_NOTES_TXT.replace("Ons kenmerk IENW/BSK-2031/77\n", "")
    record, _ = _placed(tmp_path, "zonder-kenmerk.txt", text)
    warned = {w["code"]: w["line"] for w in record["waarschuwingen"]}
    assert warned["kenmerk"] == 3  # "Datum 4 maart 2031": where the colophon's labels stand


def test_sender_from_the_heading_kamer_from_the_footer_and_units_are_placed(tmp_path: Path) -> None:
    text = KAMERSTUK_TXT.replace("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n", "")
    text = text.replace("De Minister van Infrastructuur en Waterstaat,\nP. de Vries\n", "")
    text = text.replace("Pagina 1 van 2\n", "Tweede Kamer, vergaderjaar 2030-2031, 40 123, nr. 7\nPagina 1 van 2\n")
    record, lines = _placed(tmp_path, "zonder-ondertekening.txt", text)
    meta = record["metadata"]
    assert meta["afzender"]["functie"] == "Minister van Infrastructuur en Waterstaat"
    assert "BRIEF VAN DE MINISTER" in _text_at(record, lines, "/metadata/afzender/functie")
    assert meta["geadresseerde"] is None and meta["kamer"] == "Tweede Kamer"
    assert _text_at(record, lines, "/metadata/kamer").startswith("Tweede Kamer, vergaderjaar")

    record, lines = _placed(tmp_path, "eenheden.txt", "Directoraat-Generaal Mobiliteit\nDirectie Openbaar Vervoer en\n"
                            "Spoor\n\n" + TYPED_NOTES_TXT)
    units = record["metadata"]["afzender"]["organisatieonderdelen"]
    assert units == ["Directoraat-Generaal Mobiliteit", "Directie Openbaar Vervoer en Spoor"]
    assert _text_at(record, lines, "/metadata/afzender/organisatieonderdelen/1") == "Directie Openbaar Vervoer en Spoor"


def test_word_and_markdown_footnotes_are_placed_on_the_paragraphs_pandoc_wrote(tmp_path: Path) -> None:
    # Word's notes (footnotes 1, 2, endnote i) stand on the paragraphs of pandoc's "[^n]:" for the same text
    letter = SAMPLES / "ienw-brief-word-voetnoten.docx"
    record = kamerbrief.parse_file(letter, posities=True).record
    shown = {ln.number: ln.text for ln in display_lines(read(letter))}
    notes = record["voetnoten"]
    assert [n["nummer"] for n in notes] == ["1", "2", "i"]
    for n, note in enumerate(notes):
        where = record["posities"][f"/voetnoten/{n}"]
        assert fold(" ".join(shown[k] for k in range(where["van"], where["tot"] + 1))).endswith(note["tekst"]), n
    assert record["posities"]["/voetnoten/1"]["tot"] == record["posities"]["/voetnoten/1"]["van"] + 1  # 2 paragraphs
    # a markdown footnote definition is placed on its line
    md = LETTER_WITH_MD_NOTE
    result = kamerbrief.parse_text(md, "brief.md", fmt="markdown", posities=True).record
    assert result["voetnoten"] == [{"nummer": "1", "tekst": "Kamerstuk 40 123, nr. 5."}]
    line = md.splitlines().index("[^1]: Kamerstuk 40 123, nr. 5.") + 1
    assert result["posities"]["/voetnoten/0"] == {"pagina": None, "van": line, "tot": line}


LETTER_WITH_MD_NOTE = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Datum 3 maart 2031
Betreft Veerdiensten
Ons kenmerk IENW/BSK-2031/78

Geachte voorzitter,

Het veer vaart weer, zoals eerder gemeld.[^1]

De Minister van Infrastructuur en Waterstaat,

P. de Vries

[^1]: Kamerstuk 40 123, nr. 5.
"""


def _record_order(value: Any, pointer: str = "") -> list[str]:
    """Every pointer in a record, depth first in the record's own key order (the schema's)."""
    out = [pointer] if pointer else []
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "posities":
                out += _record_order(item, f"{pointer}/{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            out += _record_order(item, f"{pointer}/{n}")
    return out


@pytest.mark.parametrize("name", ONE_PER_FORMAT)
def test_posities_follow_the_record_order(name: str) -> None:
    """posities list their pointers in the order the record holds the values, nested keys included (the
    signature's slotformule before its ondertekenaars, a response's standpunt after its reactie)."""
    record = kamerbrief.parse_file(SAMPLES / name, posities=True).record
    order = {p: n for n, p in enumerate(_record_order(record))}
    pointers = list(record["posities"])
    assert pointers and all(p in order for p in pointers)
    assert pointers == sorted(pointers, key=order.__getitem__)
