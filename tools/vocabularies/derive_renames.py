#!/usr/bin/env python3
"""Derive hgnc-renames.tsv: protein-coding genes whose HGNC-approved symbol changed since the shipped 2019-01 snapshot.

Usage: python3 tools/vocabularies/derive_renames.py <gene-info-2025.txt> <hgnc-2019-01.tsv.gz> <output.tsv>

<gene-info-2025.txt> is cBioPortal's gene table built from the HGNC release of 2025-10-07:
GitHub cBioPortal/datahub-study-curation-tools, commit d8d2fc25e4b68304d864e2c87774d9144f38d1cb,
gene-table-update/build-input-for-importer/gene-table-release-archives/Gene_Table_v7_HGNC_Oct_07_2025/gene-info-Oct-07-2025.txt
(columns entrez_id, symbol, ..., type, synonyms, hgnc_id). Only the facts hgnc_id -> current symbol are used;
HGNC data are CC0. A rename is kept only when the HGNC id is the same in both releases and the new symbol is not
the approved symbol of another gene in the 2019 snapshot (which would make the table ambiguous).
Only the Python standard library is used; same input gives the same bytes.
"""
import gzip
import sys


def main(gene_info: str, hgnc2019: str, output: str) -> None:
    old = {}
    for line in gzip.open(hgnc2019, "rt", encoding="utf-8").read().splitlines()[1:]:
        fields = line.split("\t")
        old[fields[0]] = fields[1]
    new = {}
    for line in open(gene_info, encoding="utf-8").read().splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) > 6 and fields[6].startswith("HGNC:") and fields[4] == "protein-coding":
            new[fields[6]] = fields[1]
    approved_2019 = set(old.values())
    rows = []
    skipped = 0
    for hgnc_id, symbol in old.items():
        current = new.get(hgnc_id)
        if current is None or current == symbol:
            continue
        if current in approved_2019:
            skipped += 1
            continue
        rows.append((int(hgnc_id[5:]), hgnc_id, symbol, current))
    rows.sort()
    with open(output, "w", encoding="utf-8", newline="\n") as out:
        out.write("hgnc_id\tsymbol_2019\tsymbol_current\n")
        for _, hgnc_id, symbol, current in rows:
            out.write(f"{hgnc_id}\t{symbol}\t{current}\n")
    print(f"{len(rows)} renames written, {skipped} skipped (new symbol was another gene's 2019 symbol)", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
