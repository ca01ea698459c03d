"""The schema is the contract: it is a valid 2020-12 schema, and records follow it, keys in its order."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import kamerbrief
from kamerbrief.model import SchemaError
from kamerbrief.schema import SCHEMA_VERSION, check_record, load_schema, schema_path

from .conftest import ROOT, SAMPLES, sample_letters


def test_schema_passes_its_metaschema() -> None:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["version"] == SCHEMA_VERSION


def test_schema_id_is_a_stable_documented_name() -> None:
    # a name, not a location: nothing is hosted; `kamerbrief schema` prints the file (README, "The record")
    schema_id = load_schema()["$id"]
    assert schema_id == f"urn:kamerbrief:schema:{SCHEMA_VERSION}"
    assert f"`{schema_id}`" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_sdist_and_wheel_build_pass_twine_and_ship_the_schema(tmp_path: Path) -> None:
    """What a release would publish: `python -m build` (no network: hatchling from the test extras)."""
    built = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = tmp_path.glob("*.whl")  # built from the sdist, so the sdist holds what the wheel needs
    [sdist] = tmp_path.glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as z:
        assert json.loads(z.read("kamerbrief/schemas/kamerbrief.schema.json")) == load_schema()
        assert "kamerbrief/py.typed" in z.namelist()
        # the stance model: kamerbrief reads it at run time
        assert z.read("kamerbrief/data/stance-model.json") == (ROOT / "kamerbrief/data/stance-model.json").read_bytes()
    with tarfile.open(sdist) as t:
        names = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    assert {"schemas/kamerbrief.schema.json", "README.md", "CHANGELOG.md", ".pre-commit-hooks.yaml",
            "tools/train_stance.py"} <= names
    checked = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_package_reads_the_repository_schema() -> None:
    shipped = json.loads(schema_path().read_text(encoding="utf-8"))
    assert shipped == json.loads((ROOT / "schemas" / "kamerbrief.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("golden", sorted(SAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_golden_record_validates(golden: Any) -> None:
    check_record(yaml.safe_load(golden.read_text(encoding="utf-8")), str(golden))


def _order(schema: dict[str, Any], record: Any, where: str) -> None:
    if not isinstance(record, dict) or "properties" not in schema:
        return
    props = list(schema["properties"])
    keys = list(record)
    assert keys == [k for k in props if k in record], f"{where}: keys out of schema order: {keys}"
    for k, v in record.items():
        sub = schema["properties"][k]
        if isinstance(v, list) and "items" in sub:
            for i, item in enumerate(v):
                _order(sub["items"], item, f"{where}.{k}[{i}]")
        else:
            _order(sub, v, f"{where}.{k}")


@pytest.mark.parametrize("letter", sample_letters(), ids=lambda p: p.name)
def test_output_key_order_follows_the_schema(letter: Any) -> None:
    _order(load_schema(), kamerbrief.parse_file(letter).record, "record")


def test_an_invalid_record_is_refused() -> None:
    record = kamerbrief.parse_file(sample_letters()[0]).record
    record["metadata"]["datum"] = "2018-13-02"
    with pytest.raises(SchemaError, match=r"metadata\.datum"):
        check_record(record, "x")
    record["metadata"]["datum"] = None
    record["aanbevelingen"] = [{"nummer": 0}]
    with pytest.raises(SchemaError):
        check_record(record, "x")


def _mutations(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Valid and broken variants of a record: each kind of constraint the schema has, broken once."""
    import copy

    out = []
    edits = [
        ("metadata", "datum", "2018-13-02"), ("metadata", "datum", "2018-02-30"), ("metadata", "datum", "2-7-2018"),
        ("metadata", "datum", 20180702), ("metadata", "kenmerk", ""), ("metadata", "kamer", "Derde Kamer"),
        ("metadata", "bijlagen", -1), ("metadata", "bijlagen", "twee"), ("metadata", "bijlagen", 2.5),
        ("metadata", "kamerstuk", {"dossiernummer": "35 165", "ondernummer": "2", "vergaderjaar": None,
                                   "dossiertitel": None}),
        ("metadata", "kamerstuk", {"dossiernummer": "35165", "ondernummer": "2", "vergaderjaar": "2018/19",
                                   "dossiertitel": None}),
        ("metadata", "mede_namens", "minister van Defensie"), ("metadata", "extra", 1),
        ("schema_version", None, "1.0"), ("soort", None, "nota"), ("aanhef", None, 5),
        ("bron", "sha256", "xyz"), ("bron", "paginas", 0), ("metadata", "datum", None),
        ("metadata", "bijlagen", 3), ("aanhef", None, None),
    ]
    for a, b, value in edits:
        r = copy.deepcopy(record)
        if b is None:
            r[a] = value
        else:
            r[a][b] = value
        out.append(r)
    for key in ("metadata", "secties", "waarschuwingen"):
        r = copy.deepcopy(record)
        del r[key]
        out.append(r)
    return out


def test_fast_and_full_validators_agree() -> None:
    from kamerbrief.schema import fast_validator, passes_fast, validator

    if fast_validator() is None:
        pytest.skip("jsonschema-rs is not installed")
    records = [kamerbrief.parse_file(p).record for p in sample_letters()]
    unloadable = ("bomb.yaml", "tagged.yaml", "two-docs.yaml", "syntax.yaml", "duplicate-key.yaml",
                  "unclosed-quote.yaml")
    fixtures = sorted((ROOT / "tests" / "invalid").glob("*.yaml"))
    records += [yaml.safe_load(p.read_text(encoding="utf-8")) for p in fixtures if p.name not in unloadable]
    records += [m for r in records[:3] for m in _mutations(r)]
    assert len(records) > 60
    for r in records:
        assert passes_fast(r) == validator().is_valid(r), r.get("metadata") if isinstance(r, dict) else r


def test_schema_formaat_enum_is_the_reader_registry() -> None:
    from kamerbrief.readers import FORMATS, READERS

    enum = load_schema()["properties"]["bron"]["properties"]["formaat"]["enum"]
    assert len(enum) == len(set(enum))
    assert set(enum) == set(FORMATS) == {r.name for r in READERS}


def test_from_choices_and_batch_suffixes_come_from_the_registry() -> None:
    from kamerbrief import batch, cli
    from kamerbrief.readers import EXTENSIONS, FORMAT_NAMES, READERS

    suffixes = {s for r in READERS for s in r.suffixes}
    assert set(EXTENSIONS) == suffixes and batch.EXTENSIONS is EXTENSIONS
    opt = next(o for o in cli.parse.params if o.name == "fmt")
    assert set(opt.type.choices) == set(FORMAT_NAMES) == {r.name for r in READERS} | {s[1:] for s in suffixes}
