using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace TumorBoard.Fhir.Tests.Recommendations;

/// <summary>
/// Firely's profile validator over the R4 core specification (Hl7.Fhir.Specification.Data.R4) and the
/// Genomics Reporting STU3 profiles vendored in tests/fixtures/genomics-reporting-3.0.0 (differentials; SnapshotSource expands
/// them). Indexing the specification and building snapshots takes seconds, so one instance serves a
/// whole test collection; the validator is not thread-safe, hence the lock.
/// </summary>
public sealed class ProfileValidator
{
    private readonly Validator _validator;
    private readonly Lock _gate = new();

    public ProfileValidator()
    {
        var igProfiles = new DirectorySource(TestFiles.VendoredFolder("genomics-reporting-3.0.0"), new DirectorySourceSettings { IncludeSubDirectories = false });
        // The inner CachedResolver matters: SnapshotSource stores the snapshots it generates on the
        // instances its source returns, so an uncached source regenerates the IG's base profiles on every
        // lookup (measured: first Bundle validation ~2 min uncached, ~10 s cached).
        var source = new CachedResolver(new MultiResolver(igProfiles, ZipSource.CreateValidationSource()));
        var resolver = new CachedResolver(new SnapshotSource(source));
        _validator = new Validator(resolver, new LocalTerminologyService(resolver));
    }

    /// <summary>Validates against <paramref name="profile"/>, or against the resource's meta.profile (and its base) when null.</summary>
    public IReadOnlyList<OperationOutcome.IssueComponent> Validate(Resource resource, string? profile = null)
    {
        lock (_gate)
        {
            return _validator.Validate(resource, profile).Issue;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProfileValidationCollection : ICollectionFixture<ProfileValidator>
{
    public const string Name = "Profile validation";
}
