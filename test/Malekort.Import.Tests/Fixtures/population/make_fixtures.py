"""Builds the JSON-stat and CSV-export fixtures in this folder from the real SSB by-age files in data/ssb/.

Run from the repository root: python3 test/Malekort.Import.Tests/Fixtures/population/make_fixtures.py
The numbers are SSB's (table 07459 / 10826, 1.1.2024); see README.md for what is real and what is constructed.
"""
import csv
import json
import os
import re

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), *[".."] * 4))
SSB = os.path.join(ROOT, "data", "ssb")
OUT = os.path.dirname(os.path.abspath(__file__))
AGES = list(range(106))


def by_age(file, code_column):
    rows = {}
    with open(os.path.join(SSB, file), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows.setdefault(row[code_column], {})[int(row["alder"])] = int(row["personer"])
    return rows


def age_dimension():
    codes = [f"{a:03d}" for a in range(105)] + ["105+"]
    labels = {c: f"{a} år" for a, c in enumerate(codes)}
    labels["105+"] = "105 år eller eldre"
    return codes, labels


def dim(label, codes, labels, index_as_array=False, extra=None):
    category = {"index": codes if index_as_array else {c: i for i, c in enumerate(codes)}, "label": labels}
    if extra:
        category.update(extra)
    return {"label": label, "category": category}


SCALAR = r'(?:"[^"\n]*"|\d+)'


def compact(text):
    """Puts lists and objects of plain values on one line each."""
    text = re.sub(r"\[\s*(" + SCALAR + r"(?:,\s*" + SCALAR + r")*)\s*\]",
                  lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]", text)
    pair = r'"[^"\n]*": ' + SCALAR
    return re.sub(r"\{\s*(" + pair + r"(?:,\s*" + pair + r")*)\s*\}",
                  lambda m: "{" + re.sub(r",\s+", ", ", m.group(1)) + "}", text)


def write(name, dataset, value_rows):
    """JSON with the dimensions pretty-printed and one line of values per row, so the file stays readable."""
    head = dict(dataset)
    head["value"] = "@@VALUES@@"
    text = compact(json.dumps(head, ensure_ascii=False, indent=2))
    if isinstance(value_rows, dict):
        lines = [", ".join(f'"{k}": {v}' for k, v in row) for row in value_rows["rows"]]
        values = "{\n    " + ",\n    ".join(lines) + "\n  }"
    else:
        values = "[\n    " + ",\n    ".join(", ".join("null" if v is None else str(v) for v in row) for row in value_rows) + "\n  ]"
    text = text.replace('"@@VALUES@@"', values)
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text + "\n")


def contents():
    return dim("statistikkvariabel", ["Personer1"], {"Personer1": "Personer"},
               extra={"unit": {"Personer1": {"base": "personer", "decimals": 0}}})


def write_by_region_and_age(name, table, regions, names, rows):
    """A region × age table for 1.1.2024 as SSB's API returns it (07459 for municipalities, 10826 for districts)."""
    codes, labels = age_dimension()
    write(name, {
        "class": "dataset", "version": "2.0",
        "label": f"{table}: Befolkning, etter region, alder, statistikkvariabel og år",
        "source": "Statistisk sentralbyrå", "updated": "2024-02-21T07:00:00Z",
        "id": ["Region", "Alder", "ContentsCode", "Tid"], "size": [len(regions), 106, 1, 1],
        "dimension": {
            "Region": dim("region", regions, names),
            "Alder": dim("alder", codes, labels),
            "ContentsCode": contents(),
            "Tid": dim("år", ["2024"], {"2024": "2024"}),
        },
        "role": {"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["Region"]},
        "extension": {"px": {"tableid": table, "decimals": 0}},
    }, rows)


def municipalities_2024():
    kommuner = by_age("ssb_07459_personer_etter_alder_2024.csv", "region_kode")
    regions = ["3107", "3103", "3112", "31"]
    names = {"3107": "Fredrikstad", "3103": "Moss", "3112": "Råde", "31": "Østfold"}
    ostfold = [sum(ages[a] for code, ages in kommuner.items() if code.startswith("31")) for a in AGES]
    rows = [[kommuner[r][a] for a in AGES] if r != "31" else ostfold for r in regions]
    write_by_region_and_age("ssb_07459_jsonstat2_2024.json", "07459", regions, names, rows)


def municipalities_by_sex_2024():
    """Kjonn split of real totals: men = total // 2, women = the rest (constructed split, real totals)."""
    kommuner = by_age("ssb_07459_personer_etter_alder_2024.csv", "region_kode")
    regions = ["K-3101", "K-1151"]
    names = {"K-3101": "Halden", "K-1151": "Utsira"}
    codes, labels = age_dimension()
    rows, i = [], 0
    for r in regions:
        ages = kommuner[r[2:]]
        for sex in ("1", "2"):
            row = []
            for a in AGES:
                total = ages[a]
                row.append((str(i), total // 2 if sex == "1" else total - total // 2))
                i += 1
            rows.append(row)
    write("ssb_07459_jsonstat2_kjonn_2024.json", {
        "class": "dataset", "version": "2.0",
        "label": "07459: Befolkning, etter region, kjønn, alder, statistikkvariabel og år",
        "source": "Statistisk sentralbyrå", "updated": "2024-02-21T07:00:00Z",
        "id": ["Region", "Kjonn", "Alder", "ContentsCode", "Tid"], "size": [len(regions), 2, 106, 1, 1],
        "dimension": {
            "Region": dim("region", regions, names, index_as_array=True),
            "Kjonn": dim("kjønn", ["1", "2"], {"1": "Menn", "2": "Kvinner"}, index_as_array=True),
            "Alder": dim("alder", codes, labels, index_as_array=True),
            "ContentsCode": contents(),
            "Tid": dim("år", ["2024"], {"2024": "2024"}, index_as_array=True),
        },
        "role": {"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["Region"]},
        "extension": {"px": {"tableid": "07459", "decimals": 0}},
    }, {"rows": rows})


def districts_2024():
    bydeler = by_age("ssb_10826_bydel_personer_etter_alder_2024.csv", "ssb_region_kode")
    regions = ["030100aa", "030101a", "030112a", "460102"]
    names = {"030100aa": "Oslo i alt", "030101a": "Gamle Oslo", "030112a": "Alna", "460102": "Bergenhus"}
    rows = [[bydeler[r][a] for a in AGES] for r in regions]
    write_by_region_and_age("ssb_10826_jsonstat2_2024.json", "10826", regions, names, rows)


def csv_export_norwegian_two_years():
    """Norwegian-language export with two year columns: 2023 not in the data (..), Utsira 2024 age 40 suppressed (:)."""
    kommuner = by_age("ssb_07459_personer_etter_alder_2024.csv", "region_kode")
    lines = ['"07459: Befolkning, etter region, alder, statistikkvariabel og år"', "",
             '"region";"alder";"Personer 2023";"Personer 2024"']
    for code, name in (("3101", "Halden"), ("1151", "Utsira")):
        for a in AGES:
            label = "105 år eller eldre" if a == 105 else f"{a} år"
            value = ":" if (code == "1151" and a == 40) else str(kommuner[code][a])
            lines.append(f'"{code} {name}";"{label}";"..";"{value}"' if value == ":" else f'"{code} {name}";"{label}";"..";{value}')
    with open(os.path.join(OUT, "ssb_07459_csv_eksport_nb_to_aar_iso-8859-1.csv"), "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("iso-8859-1"))


municipalities_2024()
municipalities_by_sex_2024()
districts_2024()
csv_export_norwegian_two_years()
