"""The schema is the contract: it is a valid 2020-12 schema, and records follow it, keys in its order."""

from __future__ import annotations

import json
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
    assert schema["$id"]
    assert schema["version"] == SCHEMA_VERSION


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
