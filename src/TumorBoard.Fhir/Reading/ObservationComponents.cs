using Hl7.Fhir.Model;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>A component of an Observation with the expression that locates it (written out only when asked for).</summary>
internal sealed class LocatedComponent(Observation.ComponentComponent component, string observationPath, int index)
{
    public Observation.ComponentComponent Component => component;

    public string Path => $"{observationPath}.component[{index}]";

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
/// <remarks>Components are located only when they match: every component's path made up front was most of the strings a
/// variant cost to read (issue 12, session 7).</remarks>
internal sealed class ObservationComponents(Observation observation, string path)
{
    private readonly List<Observation.ComponentComponent> _components = observation.Component;

    public IEnumerable<LocatedComponent> All(string code)
    {
        for (var i = 0; i < _components.Count; i++)
        {
            if (FhirValues.HasCode(_components[i].Code, code))
            {
                yield return new LocatedComponent(_components[i], path, i);
            }
        }
    }

    public LocatedComponent? First(string code)
    {
        for (var i = 0; i < _components.Count; i++)
        {
            if (FhirValues.HasCode(_components[i].Code, code))
            {
                return new LocatedComponent(_components[i], path, i);
            }
        }

        return null;
    }
}
