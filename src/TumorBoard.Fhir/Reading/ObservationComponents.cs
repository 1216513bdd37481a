using Hl7.Fhir.Model;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>A component of an Observation with the expression that locates it.</summary>
internal sealed record LocatedComponent(Observation.ComponentComponent Component, string Path)
{
    public CodeableConcept? Concept => Component.Value as CodeableConcept;

    /// <summary>The component's value as text: a string value, else the concept's first coding code, else its text or display.</summary>
    public string? CodeOrText => Component.Value switch
    {
        FhirString s => s.Value,
        CodeableConcept c => FhirValues.Codings(c).Select(x => x.Code).FirstOrDefault(x => !string.IsNullOrWhiteSpace(x))
            ?? FhirValues.Texts(c).FirstOrDefault(),
        _ => null,
    };
}

/// <summary>
/// An Observation's components looked up by code. The IG slices components by code (open slicing),
/// so they are matched on <c>component.code.coding.code</c>, never on position.
/// </summary>
internal sealed class ObservationComponents
{
    private readonly List<LocatedComponent> _components;

    public ObservationComponents(Observation observation, string path)
    {
        _components = observation.Component.Select((c, i) => new LocatedComponent(c, $"{path}.component[{i}]")).ToList();
    }

    public IEnumerable<LocatedComponent> All(string code) => _components.Where(c => FhirValues.HasCode(c.Component.Code, code));

    public LocatedComponent? First(string code) => All(code).FirstOrDefault();
}
