#!/usr/bin/env python3
"""Derive TumorBoard's compact vocabulary files from the shared public sources.

Usage: python3 tools/vocabularies/derive.py <source-data-dir> <output-dir>
  e.g. python3 tools/vocabularies/derive.py ~/downloads/vocabulary-sources src/TumorBoard.KnowledgeBase/Data/vocabularies
  where <source-data-dir> holds the downloaded HGNC and OncoTree files named below (see docs/vocabularies.md).

Writes, deterministically (same input -> same bytes):
  hgnc-2019-01.tsv.gz        approved HGNC genes: hgnc_id, symbol, previous symbols, alias symbols
  oncotree-2025-10-03.tsv    OncoTree nodes: code, parent, name, main type, tissue, history, precursors, revocations

Only the Python standard library is used.
"""
import csv
import gzip
import io
import json
import sys
from pathlib import Path


def derive_hgnc(source: Path, target: Path) -> None:
    rows = csv.DictReader(source.open(encoding="utf-8"), delimiter="\t")
    out = io.StringIO()
    out.write("hgnc_id\tsymbol\tprevious_symbols\talias_symbols\n")
    count = 0
    for row in rows:
        if row["status"] != "Approved":
            continue  # withdrawn entries are not genes a report can name
        out.write(f"{row['hgnc_id']}\t{row['symbol']}\t{row['prev_symbol']}\t{row['alias_symbol']}\n")
        count += 1
    raw = out.getvalue().encode("utf-8")
    # mtime=0 and no file name keep the gzip bytes reproducible
    with target.open("wb") as handle:
        with gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0, compresslevel=9) as gz:
            gz.write(raw)
    print(f"{target.name}: {count} approved genes, {target.stat().st_size} bytes")


def derive_oncotree(source: Path, target: Path) -> None:
    root = json.loads(source.read_text(encoding="utf-8"))["TISSUE"]
    lines = ["code\tparent\tname\tmain_type\ttissue\thistory\tprecursors\trevocations"]

    def walk(node: dict) -> None:
        for child in sorted(node["children"].values(), key=lambda n: n["code"]):
            fields = [
                child["code"],
                child["parent"],
                child["name"],
                child["mainType"] or "",
                child["tissue"] or "",
                "|".join(child["history"]),
                "|".join(child["precursors"]),
                "|".join(child["revocations"]),
            ]
            if any("\t" in f or "\n" in f for f in fields):
                raise ValueError(f"tab or newline in node {child['code']}")
            lines.append("\t".join(fields))
            walk(child)

    walk(root)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{target.name}: {len(lines) - 1} nodes, {target.stat().st_size} bytes")


def main() -> None:
    shared, output = Path(sys.argv[1]), Path(sys.argv[2])
    derive_hgnc(shared / "hgnc_symbol_lookup_2019-01.tsv", output / "hgnc-2019-01.tsv.gz")
    derive_oncotree(shared / "oncotree_2025_10_03.json", output / "oncotree-2025-10-03.tsv")


if __name__ == "__main__":
    main()
