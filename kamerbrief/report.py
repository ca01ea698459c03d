"""`kamerbrief report`: one self-contained HTML page over an archive's records.

Counts per ministry and year, stances per ministry and over time (inline SVG made here), a table of
every recommendation that sorts and filters in the browser, commitments on a timeline with those past
due marked, letters with warnings grouped by warning. The rows are embedded once, as JSON, and drawn by
the page's script as they scroll into view, so the file grows linearly and a big archive opens quickly.
Records that fail the schema are listed as skipped; every value from a record is escaped.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from .model import InputError
from .schema import passes_fast, validator
from .show import asset
from .validate import LoadProblem, dotted, load

RECORD_SUFFIXES = (".yaml", ".yml", ".json")
STANCES: list[tuple[str, str, str]] = [  # key, label, colour (the same as the badges in show)
    ("overgenomen", "overgenomen", "#1a7f37"),
    ("deels_overgenomen", "deels overgenomen", "#bf8700"),
    ("niet_overgenomen", "niet overgenomen", "#cf222e"),
    ("in_overweging", "in overweging", "#0969da"),
    ("onbepaald", "onbepaald", "#8c959f"),
]
UNKNOWN = "(onbekend)"
MAX_SKIPPED_SHOWN = 500


@dataclass
class Archive:
    """The records found under a folder (or in a JSONL file), and those skipped with the reason."""

    root: Path
    records: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (name, record)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)
    files: bool = True  # records are files below root: the report links to them


def _record_files(root: Path) -> Iterator[Path]:
    """Record files below root in a stable order; hidden folders and kamerbrief's own files left out."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(RECORD_SUFFIXES) and not name.startswith((".", "kamerbrief-")):
                yield Path(folder) / name


def schema_problem(record: object) -> str | None:
    """Why a record fails the schema (the first error, as `kamerbrief validate` words it), or None."""
    if not isinstance(record, dict):
        return "not a record (a record is a mapping)"
    if passes_fast(record):
        return None
    errors = sorted(validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    e = errors[0]
    return f"does not match the schema at {dotted(e.absolute_path) or '(record)'}: {e.message}"


def load_archive(path: Path) -> Archive:
    """Every record under a folder that `batch` wrote, or in a JSONL file; InputError when there are none."""
    if not path.exists():
        raise InputError("no such file or folder", str(path))
    if path.is_file():
        return _load_jsonl(path)
    if not path.is_dir():
        raise InputError("not a folder or a JSONL file", str(path))
    archive = Archive(path)
    for file in _record_files(path):
        name = file.relative_to(path).as_posix()
        try:
            data, _ = load(file)
        except LoadProblem as exc:
            archive.skipped.append((name, exc.message))
            continue
        except OSError as exc:
            archive.skipped.append((name, f"cannot read: {exc.strerror or exc}"))
            continue
        _add(archive, name, data)
    if not archive.records and not archive.skipped:
        raise InputError("no records found (.yaml, .yml or .json files, as kamerbrief batch writes them)",
                         str(path))
    return archive


def _load_jsonl(path: Path) -> Archive:
    archive = Archive(path, files=False)
    try:
        with open(path, encoding="utf-8") as fh:
            for no, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except ValueError as exc:
                    archive.skipped.append((f"{path.name}:{no}", f"not JSON ({exc})"))
                    continue
                bron = data.get("bron") if isinstance(data, dict) else None
                name = bron.get("bestand") if isinstance(bron, dict) and isinstance(bron.get("bestand"), str) else None
                _add(archive, name or f"{path.name}:{no}", data)
    except UnicodeDecodeError:
        raise InputError("not a JSONL file of records (not UTF-8 text)", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    if not archive.records and not archive.skipped:
        raise InputError("no records found in this JSONL file", str(path))
    return archive


def _add(archive: Archive, name: str, data: object) -> None:
    problem = schema_problem(data)
    if problem is not None or not isinstance(data, dict):
        archive.skipped.append((name, problem or "not a record"))
    else:
        archive.records.append((name, data))


# ---------------------------------------------------------------------------------------------------------
# The data the page's script draws from: each letter once, rows pointing at their letter by index
# ---------------------------------------------------------------------------------------------------------


def _ministry(record: dict[str, Any]) -> str:
    sender = (record.get("metadata") or {}).get("afzender") or {}
    return str(sender.get("ministerie") or UNKNOWN)


def _date(record: dict[str, Any]) -> str | None:
    value = (record.get("metadata") or {}).get("datum")
    return value if isinstance(value, str) else None


def _year(record: dict[str, Any]) -> str:
    date = _date(record)
    return date[:4] if date else UNKNOWN


def page_data(archive: Archive, peildatum: dt.date, link_prefix: str | None) -> dict[str, Any]:
    """Compact rows for the script: letters [name, date, ministry, subject], recommendations, commitments."""
    ministries: dict[str, int] = {}
    letters: list[list[Any]] = []
    recs: list[list[Any]] = []
    toez: list[list[Any]] = []
    warnings: dict[str, list[list[Any]]] = defaultdict(list)
    for li, (name, record) in enumerate(archive.records):
        meta = record.get("metadata") or {}
        ministry = _ministry(record)
        mi = ministries.setdefault(ministry, len(ministries))
        letters.append([name, _date(record), mi, meta.get("onderwerp") or ""])
        for a in record.get("aanbevelingen") or []:
            recs.append([li, a.get("nummer"), a.get("titel") or "", a.get("standpunt") or "onbepaald",
                         a.get("standpunt_citaat") or ""])
        for t in record.get("toezeggingen") or []:
            toez.append([li, t.get("uiterlijk"), t.get("termijn") or "", t.get("tekst") or ""])
        for w in record.get("waarschuwingen") or []:
            warnings[str(w.get("code") or "")].append([li, w.get("line"), w.get("message") or ""])
    toez.sort(key=lambda t: (t[1] is None, t[1] or ""))
    return {"letters": letters, "ministries": list(ministries), "recs": recs, "toez": toez,
            "warnings": dict(sorted(warnings.items(), key=lambda kv: (-len({r[0] for r in kv[1]}), kv[0]))),
            "prefix": link_prefix, "peildatum": peildatum.isoformat(),
            "stances": {k: label for k, label, _ in STANCES}}


def _json_for_html(data: object) -> str:
    """JSON that cannot end its <script> element: every `<` written as \\u003c."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


# ---------------------------------------------------------------------------------------------------------
# Charts: inline SVG, one <rect> per count with data-label, data-series and data-count to read back
# ---------------------------------------------------------------------------------------------------------

Series = list[tuple[str, str, str]]  # key, label, colour
LETTERS: Series = [("brieven", "brieven", "#154273")]


def _short(text: str, n: int = 42) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def hbar_chart(chart_id: str, title: str, rows: list[tuple[str, Counter[str]]], series: Series) -> str:
    """Horizontal (stacked) bars, one row per label, longest first as given."""
    label_w, plot_w, row_h = 300, 420, 22
    top = max((sum(c.values()) for _, c in rows), default=0) or 1
    height = row_h * len(rows) + 10
    out = [f'<svg class="chart" id="{chart_id}" role="img" aria-label="{escape(title)}" '
           f'viewBox="0 0 {label_w + plot_w + 60} {height}" width="{label_w + plot_w + 60}" height="{height}">']
    for i, (label, counts) in enumerate(rows):
        y = 5 + i * row_h
        total = sum(counts.values())
        out.append(f'<g class="row" data-label="{escape(label)}" data-total="{total}">'
                   f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end"><title>{escape(label)}</title>'
                   f"{escape(_short(label))}</text>")
        x = float(label_w)
        for key, name, colour in series:
            n = counts.get(key, 0)
            if not n:
                continue
            w = plot_w * n / top
            out.append(f'<rect class="bar" data-label="{escape(label)}" data-series="{key}" data-count="{n}" '
                       f'x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{colour}">'
                       f"<title>{escape(label)}: {n} {escape(name)}</title></rect>")
            x += w
        out.append(f'<text class="n" x="{x + 4:.1f}" y="{y + 15}">{total}</text></g>')
    out.append("</svg>")
    return "".join(out)


def vbar_chart(chart_id: str, title: str, columns: list[tuple[str, Counter[str]]], series: Series,
               label_every: int = 1) -> str:
    """Vertical (stacked) bars, one column per label (years, months) in the order given."""
    plot_h, left, bottom = 180, 40, 36
    col_w = max(4.0, min(36.0, 640 / max(len(columns), 1)))
    width = left + col_w * len(columns) + 10
    top = max((sum(c.values()) for _, c in columns), default=0) or 1
    out = [f'<svg class="chart" id="{chart_id}" role="img" aria-label="{escape(title)}" '
           f'viewBox="0 0 {width:.0f} {plot_h + bottom + 10}" width="{width:.0f}" height="{plot_h + bottom + 10}">',
           f'<text x="{left - 4}" y="14" text-anchor="end" class="axis">{top}</text>',
           f'<line x1="{left}" y1="{plot_h + 10}" x2="{width - 10:.0f}" y2="{plot_h + 10}" class="base"/>']
    for i, (label, counts) in enumerate(columns):
        x = left + i * col_w
        total = sum(counts.values())
        out.append(f'<g class="col" data-label="{escape(label)}" data-total="{total}">')
        y = float(plot_h + 10)
        for key, name, colour in series:
            n = counts.get(key, 0)
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            out.append(f'<rect class="bar" data-label="{escape(label)}" data-series="{key}" data-count="{n}" '
                       f'x="{x + 1:.1f}" y="{y:.1f}" width="{col_w - 2:.1f}" height="{h:.1f}" fill="{colour}">'
                       f"<title>{escape(label)}: {n} {escape(name)}</title></rect>")
        if i % label_every == 0:
            out.append(f'<text x="{x + col_w / 2:.1f}" y="{plot_h + 24}" text-anchor="middle" class="axis">'
                       f"{escape(label[:4] if label_every > 1 else label)}</text>")
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def _legend(series: Series) -> str:
    return '<p class="legend">' + "".join(
        f'<span><i style="background:{colour}"></i>{escape(name)}</span>' for _, name, colour in series) + "</p>"


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last[:7]:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def charts(archive: Archive, peildatum: dt.date) -> tuple[str, str]:
    """(the count and stance charts, the commitments' timeline chart)."""
    per_ministry: dict[str, Counter[str]] = defaultdict(Counter)
    per_year: dict[str, Counter[str]] = defaultdict(Counter)
    stance_ministry: dict[str, Counter[str]] = defaultdict(Counter)
    stance_year: dict[str, Counter[str]] = defaultdict(Counter)
    due: dict[str, Counter[str]] = defaultdict(Counter)
    today = peildatum.isoformat()
    for _, record in archive.records:
        ministry, year = _ministry(record), _year(record)
        per_ministry[ministry]["brieven"] += 1
        per_year[year]["brieven"] += 1
        for a in record.get("aanbevelingen") or []:
            stance = a.get("standpunt") or "onbepaald"
            stance_ministry[ministry][stance] += 1
            stance_year[year][stance] += 1
        for t in record.get("toezeggingen") or []:
            when = t.get("uiterlijk")
            if isinstance(when, str) and len(when) >= 7:
                due[when[:7]]["verlopen" if when < today else "open"] += 1
    by_count = sorted(per_ministry.items(), key=lambda kv: (-kv[1]["brieven"], kv[0]))
    years = sorted(per_year.items(), key=lambda kv: (kv[0] == UNKNOWN, kv[0]))
    stance_rows = sorted(stance_ministry.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    stance_cols = sorted(stance_year.items(), key=lambda kv: (kv[0] == UNKNOWN, kv[0]))
    parts = ['<section id="tellingen"><h2>Brieven per ministerie en per jaar</h2><div class="two">',
             '<figure><figcaption>Per ministerie</figcaption>',
             hbar_chart("chart-ministerie", "Brieven per ministerie", by_count, LETTERS), "</figure>",
             '<figure><figcaption>Per jaar</figcaption>',
             vbar_chart("chart-jaar", "Brieven per jaar", years, LETTERS), "</figure></div></section>",
             '<section id="standpunten"><h2>Standpunten</h2>', _legend(STANCES), '<div class="two">',
             '<figure><figcaption>Per ministerie</figcaption>',
             hbar_chart("chart-standpunt-ministerie", "Standpunten per ministerie", stance_rows, STANCES)
             if stance_rows else "<p>Geen aanbevelingen.</p>", "</figure>",
             '<figure><figcaption>Per jaar</figcaption>',
             vbar_chart("chart-standpunt-jaar", "Standpunten per jaar", stance_cols, STANCES)
             if stance_cols else "<p>Geen aanbevelingen.</p>", "</figure></div></section>"]
    timeline = ""
    if due:
        months = _months(min(due), max(due))
        columns = [(m, due.get(m, Counter())) for m in months]
        series: Series = [("verlopen", "verlopen", "#cf222e"), ("open", "open", "#0969da")]
        timeline = (f"<figure><figcaption>Per maand van uiterlijk (peildatum {escape(today)})</figcaption>"
                    + _legend(series) + vbar_chart("chart-toezeggingen", "Toezeggingen per maand", columns, series,
                                                   label_every=12 if len(columns) > 24 else 1) + "</figure>")
    return "".join(parts), timeline


# ---------------------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------------------


def report_html(archive: Archive, peildatum: dt.date | None = None, output: Path | None = None) -> str:
    """The report page; links to record files are relative to the folder `output` is written to."""
    peildatum = peildatum or dt.date.today()
    prefix = None
    if archive.files:
        base = (output.resolve().parent if output is not None else Path.cwd())
        prefix = Path(os.path.relpath(archive.root.resolve(), base)).as_posix().rstrip("/") + "/"
    data = page_data(archive, peildatum, prefix)
    n_recs, n_toez = len(data["recs"]), len(data["toez"])
    overdue = sum(1 for t in data["toez"] if t[1] and t[1] < peildatum.isoformat())
    warned = len({li for rows in data["warnings"].values() for li, _, _ in rows})
    years = sorted({_year(r) for _, r in archive.records}, key=lambda y: (y == UNKNOWN, y))
    ministries = sorted(data["ministries"])
    option = "".join
    summary = (f'<ul class="summary"><li><b id="n-brieven">{len(archive.records)}</b> brieven</li>'
               f'<li><b id="n-aanbevelingen">{n_recs}</b> aanbevelingen</li>'
               f'<li><b id="n-toezeggingen">{n_toez}</b> toezeggingen, <b id="n-verlopen">{overdue}</b> verlopen</li>'
               f'<li><b id="n-gewaarschuwd">{warned}</b> brieven met waarschuwingen</li>'
               f'<li><b id="n-overgeslagen">{len(archive.skipped)}</b> overgeslagen</li></ul>')
    table = (
        '<section id="aanbevelingen"><h2>Aanbevelingen</h2><form class="filters" role="search" '
        'onsubmit="return false">'
        '<label>Standpunt <select id="f-standpunt"><option value="">alle</option>'
        + option(f'<option value="{k}">{escape(label)}</option>' for k, label, _ in STANCES) + "</select></label>"
        '<label>Ministerie <select id="f-ministerie"><option value="">alle</option>'
        + option(f'<option value="{escape(m)}">{escape(m)}</option>' for m in ministries) + "</select></label>"
        '<label>Jaar <select id="f-jaar"><option value="">alle</option>'
        + option(f'<option value="{escape(y)}">{escape(y)}</option>' for y in years) + "</select></label>"
        '<label>Zoek <input id="f-zoek" type="search" placeholder="woord in titel of citaat"></label>'
        '<output id="n-rijen" aria-live="polite"></output></form>'
        '<div class="tablewrap" id="tablewrap"><table id="tabel"><thead><tr>'
        + option(f'<th scope="col"><button type="button" data-sort="{k}">{label}</button></th>'
                 for k, label in (("brief", "Brief"), ("datum", "Datum"), ("ministerie", "Ministerie"),
                                  ("titel", "Titel"), ("standpunt", "Standpunt"), ("citaat", "Citaat")))
        + '</tr></thead><tbody id="rijen"></tbody></table><div id="meer-rijen" class="sentinel"></div></div></section>')
    counts, timeline_chart = charts(archive, peildatum)
    timeline = ('<section id="toezeggingen"><h2>Toezeggingen op uiterlijke datum</h2>' + timeline_chart +
                '<label><input type="checkbox" id="f-verlopen"> alleen verlopen</label>'
                '<ol id="tijdlijn" class="timeline"></ol><button type="button" id="meer-tijdlijn" hidden>'
                "toon meer</button></section>")
    warn_parts = "".join(
        f'<details data-code="{escape(code)}"><summary><span class="tag">{escape(code)}</span> '
        f'<span class="count">{len({r[0] for r in rows})}</span> brieven, {len(rows)} waarschuwingen</summary>'
        '<ul class="warnlist"></ul></details>' for code, rows in data["warnings"].items())
    warnings = (f'<section id="waarschuwingen"><h2>Brieven met waarschuwingen</h2>'
                f'{warn_parts or "<p>Geen.</p>"}</section>')
    skipped_rows = "".join(f"<li><code>{escape(name)}</code>: {escape(reason)}</li>"
                           for name, reason in archive.skipped[:MAX_SKIPPED_SHOWN])
    more = len(archive.skipped) - MAX_SKIPPED_SHOWN
    skipped = (f'<section id="overgeslagen"><h2>Overgeslagen records ({len(archive.skipped)})</h2>'
               f'<ul>{skipped_rows}</ul>{f"<p>… en nog {more}.</p>" if more > 0 else ""}</section>'
               if archive.skipped else "")
    return (
        "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>kamerbrief report — {escape(archive.root.name)}</title><style>{asset('report.css')}</style></head>"
        f"<body><header><h1>Kamerbrieven: {escape(archive.root.name)}</h1>"
        f"<p>peildatum {escape(peildatum.isoformat())}</p></header><main>{summary}{counts}{table}{timeline}"
        f"{warnings}{skipped}</main>"
        f'<script type="application/json" id="data">{_json_for_html(data)}</script>'
        f"<script>{asset('report.js')}</script></body></html>\n"
    )

