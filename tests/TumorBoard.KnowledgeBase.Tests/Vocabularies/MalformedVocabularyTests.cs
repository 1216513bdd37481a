namespace TumorBoard.KnowledgeBase.Tests.Vocabularies;

public sealed class MalformedVocabularyTests
{
    private const string Crosswalk = "tumor-crosswalk.json";
    private const string Drugs = "drugs.json";

    [Fact]
    public void Crosswalk_entry_pointing_to_a_code_OncoTree_does_not_have_fails_with_its_line()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace(Crosswalk, "\"code\": \"254626006\", \"oncotree\": \"LUAD\"", "\"code\": \"254626006\", \"oncotree\": \"LUNGADENO\"");

        var error = Assert.Single(directory.LoadFails().Errors);

        Assert.Equal(Crosswalk, error.File);
        Assert.Equal(directory.LineOf(Crosswalk, "LUNGADENO"), error.Line);
        Assert.Contains("'LUNGADENO', which is not a current code of OncoTree", error.Reason);
    }

    [Fact]
    public void Crosswalk_entry_pointing_to_a_historical_code_fails_because_targets_must_be_current()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace(Crosswalk, "\"code\": \"C61\", \"oncotree\": \"PROSTATE\", \"topography\"", "\"code\": \"C61\", \"oncotree\": \"BLOOD\", \"topography\"");

        Assert.Contains("'BLOOD', which is not a current code", Assert.Single(directory.LoadFails().Errors).Reason);
    }

    [Fact]
    public void Duplicate_crosswalk_key_fails_on_the_second_line_and_names_the_first()
    {
        using var directory = new VocabularyDirectory();
        const string Original = "\"code\": \"C22.1\", \"oncotree\": \"IHCH\"";
        var line = directory.Read(Crosswalk).Split('\n').First(l => l.Contains(Original, StringComparison.Ordinal));
        directory.Replace(Crosswalk, line, line + "\n" + line.Replace("\"C22.1\", \"oncotree", "\"C221\", \"oncotree", StringComparison.Ordinal));

        var error = Assert.Single(directory.LoadFails().Errors);

        var first = directory.LineOf(Crosswalk, Original);
        Assert.Equal(first + 1, error.Line);
        Assert.Equal($"duplicate key http://hl7.org/fhir/sid/icd-10-cm|C221 (first on line {first})", error.Reason);
    }

    [Fact]
    public void Crosswalk_entry_without_a_source_fails()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace(Crosswalk, "\"display\": \"Malignant neoplasm of prostate\", \"source\": \"icd-10-cm\"", "\"display\": \"Malignant neoplasm of prostate\"");

        var error = Assert.Single(directory.LoadFails().Errors);

        Assert.Equal(directory.LineOf(Crosswalk, "\"display\": \"Malignant neoplasm of prostate\""), error.Line);
        Assert.Equal("missing required property 'source'", error.Reason);
    }

    [Fact]
    public void Crosswalk_entry_citing_an_undeclared_source_fails()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace(Crosswalk, "\"display\": \"Malignant neoplasm of prostate\", \"source\": \"icd-10-cm\"", "\"display\": \"Malignant neoplasm of prostate\", \"source\": \"my-memory\"");

        Assert.Contains("cites unknown source 'my-memory'", Assert.Single(directory.LoadFails().Errors).Reason);
    }

    [Fact]
    public void Morphology_rule_leading_outside_its_site_fails()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace(Crosswalk, "{\"topography\": \"C34\", \"morphology\": \"8140/3\", \"oncotree\": \"LUAD\"", "{\"topography\": \"C34\", \"morphology\": \"8140/3\", \"oncotree\": \"COAD\"");

        var error = Assert.Single(directory.LoadFails().Errors);

        Assert.Equal(directory.LineOf(Crosswalk, "\"oncotree\": \"COAD\", \"display\": \"Adenocarcinoma, NOS\", \"source\": \"oncotree-ontology-mappings\"}"), error.Line);
        Assert.Equal("COAD is not inside LUNG, the OncoTree node of topography C34", error.Reason);
    }

    [Fact]
    public void Invalid_json_fails_with_the_line_of_the_syntax_error()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace(Crosswalk, "\"morphology\": [", "\"morphology\" [");

        var error = Assert.Single(directory.LoadFails().Errors);

        Assert.Equal(directory.LineOf(Crosswalk, "\"morphology\" ["), error.Line);
        Assert.StartsWith("malformed JSON", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_property_fails_instead_of_being_ignored()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace(Crosswalk, "\"code\": \"C61\", \"oncotree\": \"PROSTATE\", \"topography\"", "\"code\": \"C61\", \"oncotree\": \"PROSTATE\", \"topograhpy\"");

        Assert.Contains("unknown property 'topograhpy'", Assert.Single(directory.LoadFails().Errors).Reason);
    }

    [Fact]
    public void Drug_with_an_undeclared_class_fails_with_its_line()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace(Drugs, "{\"inn\": \"letrozole\", \"classes\": [\"aromatase-inhibitor\"", "{\"inn\": \"letrozole\", \"classes\": [\"aromatase-inhibiter\"");

        var error = Assert.Single(directory.LoadFails().Errors);

        Assert.Equal(directory.LineOf(Drugs, "\"inn\": \"letrozole\""), error.Line);
        Assert.Equal("letrozole: class 'aromatase-inhibiter' is not declared under 'classes'", error.Reason);
    }

    [Fact]
    public void Brand_name_shared_by_two_drugs_fails_as_a_duplicate_key()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace(Drugs, "\"brands\": [\"Iressa\"]", "\"brands\": [\"Iressa\", \"Tarceva\"]");

        var error = Assert.Single(directory.LoadFails().Errors);

        Assert.Equal(directory.LineOf(Drugs, "\"inn\": \"gefitinib\""), error.Line);
        Assert.Contains("duplicate key: name 'tarceva' of gefitinib is already a name of erlotinib", error.Reason);
    }

    [Fact]
    public void RxNorm_code_without_a_source_fails()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace(Drugs, "\"brands\": [\"Femara\"], \"brandSource\": \"K\"", "\"brands\": [\"Femara\"], \"brandSource\": \"K\", \"rxnorm\": \"72965\"");

        Assert.Contains("letrozole: RxNorm codes need an 'rxnormSource'", Assert.Single(directory.LoadFails().Errors).Reason);
    }

    [Fact]
    public void OncoTree_node_with_an_unknown_parent_fails_with_its_line()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace("oncotree-2025-10-03.tsv", "LUAD\tNSCLC\t", "LUAD\tNSCLX\t");

        // Crosswalk entries that point to LUAD fail too, as consequences; the tree reports only the broken node.
        var error = Assert.Single(directory.LoadFails().Errors, e => e.File == "oncotree-2025-10-03.tsv");

        Assert.Equal(directory.LineOf("oncotree-2025-10-03.tsv", "LUAD\tNSCLX"), error.Line);
        Assert.Contains("parent 'NSCLX' does not lead to TISSUE", error.Reason);
    }

    [Fact]
    public void Alias_pointing_to_an_unknown_OncoTree_code_fails()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace("oncotree-aliases.tsv", "OV\tOVT\t", "OV\tOVX\t");

        var error = Assert.Single(directory.LoadFails().Errors);

        Assert.Equal(new KnowledgeBaseLoadError("oncotree-aliases.tsv", 2, "alias OV points to OVX, which is not an OncoTree code"), error);
    }

    [Fact]
    public void Duplicate_HGNC_id_in_the_gzip_file_fails_with_its_line()
    {
        using var directory = new VocabularyDirectory();
        directory.ReplaceInGzip("hgnc-2019-01.tsv.gz", "HGNC:3430\tERBB2\t", "HGNC:3236\tERBB2\t");

        var error = Assert.Single(directory.LoadFails().Errors);

        Assert.Equal("hgnc-2019-01.tsv.gz", error.File);
        Assert.Equal("duplicate HGNC id HGNC:3236", error.Reason);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Missing_data_file_fails_naming_it()
    {
        using var directory = new VocabularyDirectory();
        directory.Delete(Drugs);

        Assert.Equal(new KnowledgeBaseLoadError(Drugs, null, "file not found"), Assert.Single(directory.LoadFails().Errors));
    }

    [Fact]
    public void Manifest_without_a_role_fails()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace("manifest.json", "\"drugs\":", "\"medicines\":");

        Assert.Contains("'files' is missing the 'drugs' file", Assert.Single(directory.LoadFails().Errors).Reason);
    }

    [Fact]
    public void Every_problem_of_a_load_is_reported_together()
    {
        using var directory = new VocabularyDirectory();
        directory.Replace(Crosswalk, "\"code\": \"254626006\", \"oncotree\": \"LUAD\"", "\"code\": \"254626006\", \"oncotree\": \"LUNGADENO\"");
        directory.Replace(Drugs, "{\"inn\": \"letrozole\", \"classes\": [\"aromatase-inhibitor\"", "{\"inn\": \"letrozole\", \"classes\": [\"aromatase-inhibiter\"");

        var exception = directory.LoadFails();

        Assert.Equal([Crosswalk, Drugs], exception.Errors.Select(e => e.File));
        Assert.Contains($"{Crosswalk}:{directory.LineOf(Crosswalk, "LUNGADENO")}:", exception.Message);
    }
}
