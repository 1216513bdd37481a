namespace TumorBoard.Persistence.Entities;

/// <summary>A patient as TumorBoard keeps it: identifiers for pairing, the tumour type and the few facts trial criteria need. No names.</summary>
public sealed class PatientEntity
{
    public Guid Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? Sex { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? TumorOncotreeCode { get; set; }

    public string? TumorName { get; set; }

    public Guid? LatestEvaluationId { get; set; }

    public List<PatientIdentifierEntity> Identifiers { get; set; } = [];

    public List<ReportEntity> Reports { get; set; } = [];

    public List<ConditionEntity> Conditions { get; set; } = [];

    public List<PriorTherapyEntity> PriorTherapies { get; set; } = [];

    public List<ClinicalMarkerEntity> ClinicalMarkers { get; set; } = [];

    public List<DiseaseStatusEntity> DiseaseStatuses { get; set; } = [];
}
