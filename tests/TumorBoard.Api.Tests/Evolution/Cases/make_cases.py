#!/usr/bin/env python3
"""Writes the golden multi-sample FHIR bundles of issue 17 (synthetic patients; facts from the issue).

Run from this directory: python3 make_cases.py. The JSON files are committed; this script says how they were made."""
import json, uuid

NS = uuid.UUID("6f1c2a52-8d3e-4c55-9c7e-0b6a17e0a017")
SITES = {
    "lung": ("39607008", "Lung structure", "Specimen from lung obtained by biopsy"),
    "liver": ("10200004", "Liver structure", "Specimen from liver"),
    "breast": ("76752008", "Breast structure", "Specimen from breast"),
    "bone": ("272673000", "Bone structure", "Tissue specimen"),
    "colon": ("71854001", "Colon structure", "Specimen from colon"),
}
GENOMIC_SOURCE = {"code": "LA6684-0", "display": "Somatic"}


def uid(case, name):
    return f"urn:uuid:{uuid.uuid5(NS, case + '/' + name)}"


def coding(system, code, display):
    return {"coding": [{"system": system, "code": code, "display": display}]}


def component(code, display, value):
    return {"code": coding("http://loinc.org", code, display), **value}


def variant(case, subject, specimen, name, gene, protein, vaf):
    return uid(case, name), {
        "resourceType": "Observation", "id": name, "status": "final",
        "category": [coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory"),
                     coding("http://terminology.hl7.org/CodeSystem/v2-0074", "GE", "Genetics")],
        "subject": {"reference": subject}, "specimen": {"reference": specimen},
        "code": coding("http://loinc.org", "69548-6", "Genetic variant assessment"),
        "valueCodeableConcept": coding("http://loinc.org", "LA9633-4", "Present"),
        "component": [
            component("48018-6", "Gene studied [ID]", {"valueCodeableConcept": {"coding": [{"system": "http://www.genenames.org", "display": gene}]}}),
            component("48005-3", "Amino acid change (pHGVS)", {"valueCodeableConcept": coding("http://varnomen.hgvs.org", protein, protein)}),
            component("81258-6", "Sample variant allelic frequency [NFr]", {"valueQuantity": {"value": vaf, "system": "http://unitsofmeasure.org", "code": "1"}}),
            component("48002-0", "Genomic source class", {"valueCodeableConcept": coding("http://loinc.org", GENOMIC_SOURCE["code"], GENOMIC_SOURCE["display"])}),
        ],
    }


def region(case, subject, name, genes):
    return uid(case, name), {
        "resourceType": "Observation", "id": name, "status": "final",
        "meta": {"profile": ["http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/region-studied"]},
        "subject": {"reference": subject},
        "code": coding("http://loinc.org", "53041-0", "DNA region of interest panel"),
        "component": [component("48018-6", "Gene studied [ID]", {"valueCodeableConcept": {"coding": [{"system": "http://www.genenames.org", "display": g}]}}) for g in genes],
    }


PURITY_CODES = {
    # MII KDS Molekulares Tumorboard, profile MII_PR_MTB_Tumorzellgehalt (tumour cell content).
    "loinc": ("http://loinc.org", "93356-4", "Cells with cytogenetic abnormality [#] in Blood or Tissue by Molecular genetics method"),
    # NHS England Genomics IG, neoplastic-cell Observation.
    "snomed": ("http://snomed.info/sct", "371510003", "Proportion of specimen involved by tumour"),
}


def purity(case, subject, specimen, name, value, unit, code):
    system, loinc, display = PURITY_CODES[code]
    return uid(case, name), {
        "resourceType": "Observation", "id": name, "status": "final",
        "code": coding(system, loinc, display), "subject": {"reference": subject}, "specimen": {"reference": specimen},
        "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit}}


def bundle(case, mrn, oncotree, tumour, primary_site, metastasis_site, therapies, reports, markers=(), purities=()):
    """purities: (report index, value, UCUM unit, 'loinc' or 'snomed', 'result' (listed by the report) or 'specimen' (beside it))."""
    entries = []
    patient = uid(case, "patient")
    entries.append((patient, {"resourceType": "Patient", "id": "patient", "identifier": [{"system": "urn:tumorboard:golden:mrn", "value": mrn}],
                              "gender": "female", "birthDate": "1961-05-01"}))
    code, display, _ = SITES[primary_site]
    entries.append((uid(case, "primary-condition"), {
        "resourceType": "Condition", "id": "primary-condition",
        "meta": {"profile": ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition"]},
        "code": coding("http://oncotree.mskcc.org", oncotree, tumour),
        "bodySite": [coding("http://snomed.info/sct", code, display)], "subject": {"reference": patient}}))
    if metastasis_site:
        code, display, _ = SITES[metastasis_site]
        entries.append((uid(case, "secondary-condition"), {
            "resourceType": "Condition", "id": "secondary-condition",
            "meta": {"profile": ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition"]},
            "code": coding("http://snomed.info/sct", "128462008", "Secondary malignant neoplastic disease"),
            "bodySite": [coding("http://snomed.info/sct", code, display)], "subject": {"reference": patient}}))
    for i, (drug, start, end) in enumerate(therapies):
        period = {"start": start} | ({"end": end} if end else {})
        entries.append((uid(case, f"therapy-{i}"), {
            "resourceType": "MedicationStatement", "id": f"therapy-{i}", "status": "completed" if end else "active",
            "medicationCodeableConcept": {"text": drug}, "subject": {"reference": patient}, "effectivePeriod": period}))
    for name, loinc, loinc_display, value_code, value_display, date in markers:
        entries.append((uid(case, name), {
            "resourceType": "Observation", "id": name, "status": "final",
            "meta": {"profile": ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tumor-marker-test"]},
            "category": [coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")],
            "code": coding("http://loinc.org", loinc, loinc_display), "subject": {"reference": patient},
            "effectiveDateTime": date, "valueCodeableConcept": coding("http://loinc.org", value_code, value_display)}))
    for r, (accession, site, collected, variants, panel) in enumerate(reports):
        specimen = uid(case, f"specimen-{r}")
        if site == "plasma":
            spec = {"resourceType": "Specimen", "id": f"specimen-{r}", "type": coding("http://snomed.info/sct", "119361006", "Plasma specimen"),
                    "subject": {"reference": patient}, "collection": {"collectedDateTime": collected, "bodySite": {"text": "Peripheral blood"}}}
        else:
            code, display, type_display = SITES[site]
            spec = {"resourceType": "Specimen", "id": f"specimen-{r}", "type": coding("http://snomed.info/sct", "122610009", type_display),
                    "subject": {"reference": patient},
                    "collection": {"collectedDateTime": collected, "bodySite": coding("http://snomed.info/sct", code, display)}}
        entries.append((specimen, spec))
        results = []
        for v, (gene, protein, vaf) in enumerate(variants):
            url, obs = variant(case, patient, specimen, f"variant-{r}-{v}", gene, protein, vaf)
            entries.append((url, obs))
            results.append({"reference": url})
        if panel:
            url, obs = region(case, patient, f"region-{r}", panel)
            entries.append((url, obs))
            results.append({"reference": url})
        for p, (index, value, unit, code, placement) in enumerate(purities):
            if index == r:
                url, obs = purity(case, patient, specimen, f"purity-{r}-{p}", value, unit, code)
                entries.append((url, obs))
                if placement == "result":
                    results.append({"reference": url})
        entries.append((uid(case, f"report-{r}"), {
            "resourceType": "DiagnosticReport", "id": f"report-{r}",
            "identifier": [{"system": "urn:tumorboard:golden:accession", "value": accession}], "status": "final",
            "category": [coding("http://terminology.hl7.org/CodeSystem/v2-0074", "GE", "Genetics")],
            "code": coding("http://loinc.org", "51969-4", "Genetic analysis report"),
            "subject": {"reference": patient}, "issued": collected + "T12:00:00Z",
            "specimen": [{"reference": specimen}], "result": results}))
    doc = {"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": u, "resource": res} for u, res in entries]}
    with open(f"{case}.json", "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


PLASMA_PANEL_LUNG = ["EGFR", "KRAS", "BRAF", "ERBB2", "MET", "ALK"]

# 1. EGFR L858R truncal; T790M emerges in ctDNA under erlotinib (two rising draws); then C797S under osimertinib.
bundle("lung-egfr-t790m-then-c797s", "GOLD-EVO-1", "LUAD", "Lung Adenocarcinoma", "lung", None,
       [("erlotinib", "2023-02-01", "2024-04-15"), ("osimertinib", "2024-04-20", None)],
       [("EVO1-LUNG", "lung", "2023-01-10", [("EGFR", "p.Leu858Arg", 0.35), ("TP53", "p.Arg273His", 0.30)], None),
        ("EVO1-CT-1", "plasma", "2023-09-01", [("EGFR", "p.L858R", 0.02)], PLASMA_PANEL_LUNG),
        ("EVO1-CT-2", "plasma", "2024-01-10", [("EGFR", "p.L858R", 0.04), ("EGFR", "p.Thr790Met", 0.01)], PLASMA_PANEL_LUNG),
        ("EVO1-CT-3", "plasma", "2024-04-01", [("EGFR", "p.L858R", 0.06), ("EGFR", "p.T790M", 0.03)], PLASMA_PANEL_LUNG),
        ("EVO1-CT-4", "plasma", "2024-10-01", [("EGFR", "p.L858R", 0.05), ("EGFR", "p.T790M", 0.03), ("EGFR", "p.Cys797Ser", 0.02)], PLASMA_PANEL_LUNG)])

# 2. ER+/HER2- breast cancer on letrozole + palbociclib; ESR1 Y537S rises across four plasma draws (PADA-1).
bundle("breast-esr1-y537s-rising", "GOLD-EVO-2", "IDC", "Breast Invasive Ductal Carcinoma", "breast", None,
       [("letrozole", "2022-02-01", None), ("palbociclib", "2022-02-01", None)],
       [("EVO2-BREAST", "breast", "2022-01-10", [("PIK3CA", "p.His1047Arg", 0.30)], None),
        ("EVO2-CT-1", "plasma", "2022-06-01", [("PIK3CA", "p.H1047R", 0.02), ("ESR1", "p.Tyr537Ser", 0.006)], ["ESR1", "PIK3CA", "ERBB2", "AKT1"]),
        ("EVO2-CT-2", "plasma", "2022-08-01", [("PIK3CA", "p.H1047R", 0.03), ("ESR1", "p.Y537S", 0.012)], ["ESR1", "PIK3CA", "ERBB2", "AKT1"]),
        ("EVO2-CT-3", "plasma", "2022-10-01", [("PIK3CA", "p.H1047R", 0.03), ("ESR1", "p.Y537S", 0.025)], ["ESR1", "PIK3CA", "ERBB2", "AKT1"]),
        ("EVO2-CT-4", "plasma", "2022-12-01", [("PIK3CA", "p.H1047R", 0.04), ("ESR1", "p.Y537S", 0.05)], ["ESR1", "PIK3CA", "ERBB2", "AKT1"])],
       markers=[("er", "85337-4", "Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain", "LA6576-8", "Positive", "2022-01-10"),
                ("her2", "48676-1", "HER2 [Interpretation] in Tissue", "LA6577-6", "Negative", "2022-01-10")])

# 3. Colorectal cancer on cetuximab; KRAS G12D emerges in plasma.
bundle("colorectal-kras-plasma-under-cetuximab", "GOLD-EVO-3", "COAD", "Colon Adenocarcinoma", "colon", None,
       [("cetuximab", "2023-02-01", None)],
       [("EVO3-COLON", "colon", "2023-01-10", [("APC", "p.Arg1450Ter", 0.40), ("TP53", "p.Arg175His", 0.33)], None),
        ("EVO3-CT-1", "plasma", "2023-08-01", [("APC", "p.R1450*", 0.05), ("TP53", "p.R175H", 0.04)], ["APC", "TP53", "KRAS", "NRAS", "BRAF", "EGFR"]),
        ("EVO3-CT-2", "plasma", "2024-01-10", [("APC", "p.R1450*", 0.06), ("TP53", "p.R175H", 0.05), ("KRAS", "p.Gly12Asp", 0.02)], ["APC", "TP53", "KRAS", "NRAS", "BRAF", "EGFR"])])

# 4. A mutation private to the metastasis, outside the primary's panel: private, never truncal.
bundle("lung-private-metastasis-mutation", "GOLD-EVO-4", "LUAD", "Lung Adenocarcinoma", "lung", "liver", [],
       [("EVO4-LUNG", "lung", "2023-01-10", [("EGFR", "p.Leu858Arg", 0.35), ("TP53", "p.Arg273His", 0.30)], ["EGFR", "KRAS", "ALK", "TP53"]),
        ("EVO4-LIVER", "liver", "2024-06-01", [("EGFR", "p.L858R", 0.33), ("TP53", "p.R273H", 0.31), ("CTNNB1", "p.Ser37Phe", 0.20)], None)])

# 5. A single low-VAF T790M blip in one draw under erlotinib, gone in the next: not progression.
bundle("lung-t790m-single-draw-blip", "GOLD-EVO-5", "LUAD", "Lung Adenocarcinoma", "lung", None,
       [("erlotinib", "2023-02-01", None)],
       [("EVO5-LUNG", "lung", "2023-01-10", [("EGFR", "p.Leu858Arg", 0.35)], None),
        ("EVO5-CT-1", "plasma", "2023-09-01", [("EGFR", "p.L858R", 0.03), ("EGFR", "p.Thr790Met", 0.003)], PLASMA_PANEL_LUNG),
        ("EVO5-CT-2", "plasma", "2023-12-01", [("EGFR", "p.L858R", 0.02)], PLASMA_PANEL_LUNG)])

# 2b. The same patient's fifth plasma draw, sent later on its own: ESR1 Y537S rises again (0.05 -> 0.08) under letrozole.
# Issue 17's subscription tests post it after case 2: a new later draw announces a new molecular.progression event.
bundle("breast-esr1-y537s-fifth-draw", "GOLD-EVO-2", "IDC", "Breast Invasive Ductal Carcinoma", "breast", None,
       [("letrozole", "2022-02-01", None), ("palbociclib", "2022-02-01", None)],
       [("EVO2-CT-5", "plasma", "2023-02-01", [("PIK3CA", "p.H1047R", 0.05), ("ESR1", "p.Y537S", 0.08)], ["ESR1", "PIK3CA", "ERBB2", "AKT1"])])

# 6. Tumour purity reported for two tissue samples, not for the plasma draw: the cancer-cell fraction where it can be estimated.
# Primary: LOINC 93356-4, 60 %, listed in the report's results. Liver metastasis: SNOMED CT 371510003, 0.5 (UCUM %/100),
# an Observation beside the report naming its specimen. Issue 17's tests also alter the values to out-of-range ones (422).
bundle("lung-purity-reported", "GOLD-EVO-6", "LUAD", "Lung Adenocarcinoma", "lung", "liver",
       [("erlotinib", "2023-02-01", None)],
       [("EVO6-LUNG", "lung", "2023-01-10", [("EGFR", "p.Leu858Arg", 0.24), ("TP53", "p.Arg273His", 0.33)], None),
        ("EVO6-LIVER", "liver", "2024-01-15", [("EGFR", "p.L858R", 0.2), ("TP53", "p.R273H", 0.21)], None),
        ("EVO6-CT-1", "plasma", "2024-02-01", [("EGFR", "p.L858R", 0.03)], PLASMA_PANEL_LUNG)],
       purities=[(0, 60, "%", "loinc", "result"), (1, 0.5, "%/100", "snomed", "specimen")])
