using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Ingestion;

/// <summary>
/// A clinical (non-genomic) tumour marker as the bundle states it, after duplicates were resolved: one per
/// <see cref="ClinicalMarker"/>. <paramref name="EffectiveAt"/> is when the test was done (null when the bundle
/// does not say); <paramref name="Source"/> says in words what it was read from (<c>LOINC 18474-7 HER2 IHC 3+</c>),
/// or how it was derived (hormone receptor from ER and PR, HER2 from IHC and ISH).
/// </summary>
public sealed record ParsedMarker(ClinicalMarker Marker, MarkerStatus Status, DateTimeOffset? EffectiveAt, string Source);
