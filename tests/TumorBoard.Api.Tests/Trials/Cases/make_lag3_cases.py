#!/usr/bin/env python3
"""Writes the LAG-3 golden FHIR bundles (issue 15, NCI-MATCH Z1M: nivolumab + relatlimab, LAG-3 >= 1 % by IHC).

Synthetic melanoma patients; the LAG-3 result is an mCODE TumorMarkerTest Observation coded with TumorBoard's local
marker-test code (LOINC has no LAG-3 immune-stain term; docs/fhir.md), value a percentage of cells.
Run from this directory: python3 make_lag3_cases.py. The JSON files are committed; this script says how they were made."""
import json, uuid

NS = uuid.UUID("2b7d4c1e-9a0f-4e6b-8c3d-15a0f0c0be15")


def uid(case, name):
    return f"urn:uuid:{uuid.uuid5(NS, case + '/' + name)}"


def coding(system, code, display):
    return {"coding": [{"system": system, "code": code, "display": display}]}


def case(name, mrn, lag3_percent):
    patient = uid(name, "patient")
    specimen = uid(name, "specimen")
    variant = uid(name, "variant")
    entries = [
        (patient, {"resourceType": "Patient", "id": "patient", "identifier": [{"system": "urn:tumorboard:golden:mrn", "value": mrn}],
                   "gender": "male", "birthDate": "1958-03-14"}),
        (uid(name, "condition"), {
            "resourceType": "Condition", "id": "condition",
            "meta": {"profile": ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition"]},
            "code": coding("http://oncotree.mskcc.org", "SKCM", "Cutaneous Melanoma"),
            "bodySite": [coding("http://snomed.info/sct", "39937001", "Skin structure")], "subject": {"reference": patient}}),
        (specimen, {"resourceType": "Specimen", "id": "specimen", "type": coding("http://snomed.info/sct", "122610009", "Specimen from skin"),
                    "subject": {"reference": patient},
                    "collection": {"collectedDateTime": "2024-03-01", "bodySite": coding("http://snomed.info/sct", "39937001", "Skin structure")}}),
        (variant, {
            "resourceType": "Observation", "id": "variant", "status": "final",
            "category": [coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")],
            "subject": {"reference": patient}, "specimen": {"reference": specimen},
            "code": coding("http://loinc.org", "69548-6", "Genetic variant assessment"),
            "valueCodeableConcept": coding("http://loinc.org", "LA9633-4", "Present"),
            "component": [
                {"code": coding("http://loinc.org", "48018-6", "Gene studied [ID]"), "valueCodeableConcept": {"coding": [{"system": "http://www.genenames.org", "display": "TP53"}]}},
                {"code": coding("http://loinc.org", "48005-3", "Amino acid change (pHGVS)"), "valueCodeableConcept": coding("http://varnomen.hgvs.org", "p.Arg248Gln", "p.Arg248Gln")},
                {"code": coding("http://loinc.org", "81258-6", "Sample variant allelic frequency [NFr]"), "valueQuantity": {"value": 0.4, "system": "http://unitsofmeasure.org", "code": "1"}},
                {"code": coding("http://loinc.org", "48002-0", "Genomic source class"), "valueCodeableConcept": coding("http://loinc.org", "LA6684-0", "Somatic")}]}),
        (uid(name, "report"), {
            "resourceType": "DiagnosticReport", "id": "report",
            "identifier": [{"system": "urn:tumorboard:golden:accession", "value": f"{mrn}-NGS"}], "status": "final",
            "category": [coding("http://terminology.hl7.org/CodeSystem/v2-0074", "GE", "Genetics")],
            "code": coding("http://loinc.org", "51969-4", "Genetic analysis report"),
            "subject": {"reference": patient}, "issued": "2024-03-08T12:00:00Z",
            "specimen": [{"reference": specimen}], "result": [{"reference": variant}]}),
    ]
    if lag3_percent is not None:
        entries.append((uid(name, "lag3"), {
            "resourceType": "Observation", "id": "lag3", "status": "final",
            "meta": {"profile": ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tumor-marker-test"]},
            "category": [coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")],
            "code": {"coding": [{"system": "http://tumorboard.local/fhir/CodeSystem/marker-test", "code": "LAG3-IHC",
                                 "display": "LAG-3 expression by immunohistochemistry"}], "text": "LAG-3 IHC (clone 17B4)"},
            "subject": {"reference": patient}, "specimen": {"reference": specimen}, "effectiveDateTime": "2024-03-05",
            "valueQuantity": {"value": lag3_percent, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}}))
    doc = {"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": u, "resource": r} for u, r in entries]}
    with open(f"{name}.json", "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


case("melanoma-lag3-5-percent", "GOLD-LAG3-1", 5)
case("melanoma-lag3-0-percent", "GOLD-LAG3-2", 0)
case("melanoma-lag3-not-reported", "GOLD-LAG3-3", None)
