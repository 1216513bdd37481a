using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Xml;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Parsing;

/// <summary>
/// Turns a body into a Firely resource. Syntax errors and bodies that are not FHIR resources are
/// malformed (400). Everything else is deserialised strictly so every problem is reported with its
/// location, but the partial resource is kept (Firely's strict mode still returns it) so that
/// content problems become issues rather than a refusal to read.
/// </summary>
internal static class FhirBodyParser
{
    private const string FhirNamespace = "http://hl7.org/fhir";
    private const string UnknownElement = "PVAL128";
    private const string WrongLiteralType = "PVAL123";

    /// <summary>
    /// The R4 resource types, asked of Firely once: <c>ModelInfo.IsKnownResource</c> goes through its model inspector on
    /// every call, which was a twentieth of the reader's time (docs/performance.md, issue 12, session 4). A name not in
    /// the set is still asked of Firely, so the answer is Firely's for every name.
    /// </summary>
    private static readonly FrozenSet<string> KnownResourceTypes =
        ModelInfo.SupportedResources.Where(ModelInfo.IsKnownResource).ToFrozenSet(StringComparer.Ordinal);

    public static ParsedBody Parse(string body, FhirFormat format)
    {
        try
        {
            return format == FhirFormat.Xml ? ParseXml(body) : ParseJson(body);
        }
        catch (Exception ex) when (ex is JsonException or XmlException or InvalidOperationException or FormatException)
        {
            // Syntax problems that slip past the pre-check: still the client's mistake, never a 5xx.
            return Malformed("structure", $"The body could not be read as FHIR {format}: {ex.Message}", "Bundle");
        }
    }

    private static ParsedBody ParseJson(string body)
    {
        // Kept for the reader on success: each report's content hash and stored form are made from the posted JSON.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1})")
                : string.Empty;
            return Malformed("structure", $"The body is not well-formed JSON{where}.", "Bundle");
        }

        var kept = false;
        try
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Malformed("structure", $"The body is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not a FHIR resource.", "Bundle");
            }

            var resourceType = document.RootElement.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
            if (KnownTypeProblem(resourceType) is { } problem)
            {
                return problem;
            }

            var deserializer = new FhirJsonDeserializer(new DeserializerSettings());
            deserializer.TryDeserializeResource(body, out var resource, out var exceptions);
            var parsed = Deserialized(resource, resourceType!, exceptions);
            kept = !parsed.Malformed;
            return kept ? parsed with { Json = document } : parsed;
        }
        finally
        {
            if (!kept)
            {
                document.Dispose();
            }
        }
    }

    private static ParsedBody ParseXml(string body)
    {
        string? resourceType;
        using (var probe = SafeReader(body))
        {
            try
            {
                probe.MoveToContent();
            }
            catch (XmlException ex)
            {
                return Malformed("structure", $"The body is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}).", "Bundle");
            }

            if (probe.NamespaceURI != FhirNamespace)
            {
                return Malformed("structure", $"The root element <{probe.LocalName}> is not in the FHIR namespace ({FhirNamespace}); the body is not a FHIR resource.", "Bundle");
            }

            resourceType = probe.LocalName;
        }

        if (KnownTypeProblem(resourceType) is { } problem)
        {
            return problem;
        }

        // Read the whole document once for well-formedness, so a broken tail is a 400 with a line number.
        using (var check = SafeReader(body))
        {
            try
            {
                while (check.Read())
                {
                }
            }
            catch (XmlException ex)
            {
                return Malformed("structure", $"The body is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}).", resourceType);
            }
        }

        using var reader = SafeReader(body);
        var deserializer = new FhirXmlDeserializer(new DeserializerSettings());
        try
        {
            return Deserialized(deserializer.DeserializeResource(reader), resourceType!, []);
        }
        catch (DeserializationFailedException ex)
        {
            return Deserialized(ex.PartialResult as Resource, resourceType!, ex.Exceptions);
        }
    }

    private static ParsedBody? KnownTypeProblem(string? resourceType)
    {
        if (string.IsNullOrEmpty(resourceType))
        {
            return Malformed("structure", "The body has no resourceType; it is not a FHIR resource.", "Bundle");
        }

        return KnownResourceTypes.Contains(resourceType) || ModelInfo.IsKnownResource(resourceType)
            ? null
            : Malformed("structure", $"'{resourceType}' is not a FHIR R4 resource type.", "Bundle");
    }

    private static ParsedBody Deserialized(Resource? resource, string resourceType, IEnumerable<CodedException> exceptions)
    {
        if (resource is null)
        {
            return Malformed("structure", "The body could not be read as a FHIR resource.", resourceType);
        }

        // Values of the wrong type are cleared before anything reads them; the guard names each one,
        // so the deserialiser's own report of the same element is not repeated.
        var guarded = PrimitiveGuard.Sanitize(resource);
        var cleared = guarded.Select(i => i.Expression).ToHashSet(StringComparer.Ordinal);
        var issues = guarded
            .Concat(exceptions.Where(e => !(e.ErrorCode == WrongLiteralType && cleared.Contains(Expression(e)))).Select(ToIssue))
            .ToList();
        return new ParsedBody(false, resource, resourceType, issues);
    }

    private static string? Expression(CodedException exception) =>
        exception is ExtendedCodedException { InstancePath: { Length: > 0 } path } ? PrimitiveGuard.Printable(path) : null;

    /// <summary>
    /// Unknown elements are ignored (warning); structural problems and values of the wrong JSON type
    /// are errors; other invalid values are warnings here, and the contract checks raise errors where a
    /// value matters (report status, bundle type).
    /// </summary>
    private static IngestIssue ToIssue(CodedException exception)
    {
        var extended = exception as ExtendedCodedException;
        var expression = Expression(exception);
        // Firely's messages quote what was sent (an unknown element's name, a bad value).
        var message = PrimitiveGuard.Printable(extended?.BaseErrorMessage ?? exception.Message);
        var code = extended is null ? "invalid" : Kebab(extended.IssueType.ToString());
        if (exception.ErrorCode == UnknownElement)
        {
            return new IngestIssue(IssueSeverity.Warning, "structure", $"{message} It is ignored.", expression);
        }

        var severity = code == "structure" || exception.ErrorCode == WrongLiteralType ? IssueSeverity.Error : IssueSeverity.Warning;
        return new IngestIssue(severity, code, message, expression);
    }

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static ParsedBody Malformed(string code, string diagnostics, string expression) =>
        new(true, null, null, [new IngestIssue(IssueSeverity.Error, code, diagnostics, expression)]);

    private static XmlReader SafeReader(string body) => XmlReader.Create(
        new StringReader(body),
        new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
}
