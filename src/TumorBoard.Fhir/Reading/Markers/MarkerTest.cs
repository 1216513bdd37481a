using TumorBoard.Core.Patients;

namespace TumorBoard.Fhir.Reading.Markers;

/// <summary>
/// The clinical marker tests the reader recognises. HER2 has three (IHC score, ISH amplification and the lab's
/// overall interpretation) because they are combined into one status; the others map one to one onto a marker.
/// LAG-3 (NCI-MATCH Z1M) has no LOINC code: it is recognised by a documented local code (docs/fhir.md).
/// </summary>
internal enum MarkerTest
{
    EstrogenReceptor,
    ProgesteroneReceptor,
    Her2Ihc,
    Her2Ish,
    Her2Overall,
    Mlh1Ihc,
    Msh2Ihc,
    Lag3Ihc,
}

/// <summary>What each test is about and how it is named in sources and issues.</summary>
internal static class MarkerTests
{
    public static ClinicalMarker Marker(MarkerTest test) => test switch
    {
        MarkerTest.EstrogenReceptor => ClinicalMarker.EstrogenReceptor,
        MarkerTest.ProgesteroneReceptor => ClinicalMarker.ProgesteroneReceptor,
        MarkerTest.Mlh1Ihc => ClinicalMarker.Mlh1,
        MarkerTest.Msh2Ihc => ClinicalMarker.Msh2,
        MarkerTest.Lag3Ihc => ClinicalMarker.Lag3,
        _ => ClinicalMarker.Her2,
    };

    public static string Label(MarkerTest test) => test switch
    {
        MarkerTest.EstrogenReceptor => "ER",
        MarkerTest.ProgesteroneReceptor => "PR",
        MarkerTest.Her2Ihc => "HER2 IHC",
        MarkerTest.Her2Ish => "HER2 ISH",
        MarkerTest.Her2Overall => "HER2 status",
        MarkerTest.Mlh1Ihc => "MLH1 IHC",
        MarkerTest.Lag3Ihc => "LAG-3 IHC",
        _ => "MSH2 IHC",
    };
}
