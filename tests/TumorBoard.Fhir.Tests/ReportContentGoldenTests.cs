using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Tests;

/// <summary>
/// Stored rows are compared by their content hash (docs/adr/0005), so for the same input the reader must give the same
/// hash and the same stored FHIR JSON, byte for byte, whatever is rewritten inside it for speed. The values pinned here
/// were made by the reader as it was before the reader's own work was cut (issue 12, session 7): for each report, the
/// hash version, the hash, the SHA-256 of the stored FHIR JSON and the version 1 hash.
/// </summary>
public sealed class ReportContentGoldenTests
{
    public static TheoryData<string, string> Fixtures() => new()
    {
        {
            "breast-hr-positive-her2-low.json",
            "2:749907d1ac1def7692b53691ab8971419056be23abd9e584b41bde20bfec2f3a:21a64172e6bd32214d3d41bc1e468abe960f97ab498c012016a49ab94b233d9b:749907d1ac1def7692b53691ab8971419056be23abd9e584b41bde20bfec2f3a"
        },
        {
            "ctdna-plasma.json",
            "2:623bd00187bd42a3293dea9a3832aaaaa666931be2b81d274484ded8f91c41b0:89eded4bc47444287885b77fd99eb29c9efddfc47c005d9baf9b46a2f8a0aae2:623bd00187bd42a3293dea9a3832aaaaa666931be2b81d274484ded8f91c41b0"
        },
        {
            "paired-lung-liver.json",
            "2:1f6d49fc4f0e4636bdb776bb080e743ddf6caae0e8216a4b6b582eae9cb5dcc3:6b6b9e65f2fbdb534f90f25cb9b6d566cb35abb407871da1e1f5ae927bac1ca7:1f6d49fc4f0e4636bdb776bb080e743ddf6caae0e8216a4b6b582eae9cb5dcc3 " +
            "2:6ac0f96d937b8d762293b2408fcaf333e51bba19997d1ca3899be39631b86076:f767dc7b1934a33b8bf39df4c5eb039c172fffd622fa3c5ad358d8baebb52aa2:6ac0f96d937b8d762293b2408fcaf333e51bba19997d1ca3899be39631b86076"
        },
        {
            "paired-lung.xml",
            "1:8024757787147c857c0c225d188cbf919aae77755e171d8b1c762ff1a393735b:788afdd1d27c71b99251622d6722e13ca75aa734afcefae003a5021837a07054:8024757787147c857c0c225d188cbf919aae77755e171d8b1c762ff1a393735b"
        },
        {
            "stu2-mcode.json",
            "2:a5d43d7b7329696d58318db9454bea808d8cb1c1a2e01823f5d3c24ca99c56c8:e7489f8d0e16c8c818dab314a79b89b41f3712aa5d45ab93b87e49f9eb81fc5a:a5d43d7b7329696d58318db9454bea808d8cb1c1a2e01823f5d3c24ca99c56c8"
        },
        {
            "stu3-genomic-study.json",
            "2:ae991323dc3aa0191a17ce637028758acae13eed2b221e4d73a2d35887cf97b3:18b476e13bf1e6a05d6a243f577cb76f812ed00f4e688424238a154cdbfc582a:ae991323dc3aa0191a17ce637028758acae13eed2b221e4d73a2d35887cf97b3"
        },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_fixture_gives_the_pinned_hashes_and_stored_form(string fixture, string expected)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var format = fixture.EndsWith(".xml", StringComparison.Ordinal) ? FhirFormat.Xml : FhirFormat.Json;

        var bundle = Reader.Parsed(TestFiles.Fixture(fixture), format);

        Assert.Equal(expected, Signature(bundle));
    }

    [Fact]
    public void Escapes_non_ascii_names_numbers_and_unknown_elements_give_the_pinned_hashes_and_stored_form()
    {
        // Names and strings escaped as the default encoder writes them (\u00e9, \u0022), in a bundle with unknown elements
        // (kept in the posted JSON, so in the version 2 hash), names whose order differs between UTF-16 and code points,
        // numbers in other spellings, nested arrays and a volatile name (id, text, meta) below the root.
        var bundle = Reader.Parsed(Tricky(JavaScriptEncoder.Default));

        Assert.Equal(
            "2:2ac437598e206a22b6989aea7288a67eb28860144b3c7f74e05240d2e9f9977e:c2d03f6894dd47ce3e4844138309e5c7978cd42866f89de33247f2dc6f9d0aeb:7f48f3502bdc3badede24bdf171e125b5d73222df945df9c0ee5b18cd5ab4509 " +
            "2:6ac0f96d937b8d762293b2408fcaf333e51bba19997d1ca3899be39631b86076:ba664c55798d710a4cf2a411aa1c75126e36d0df4b9664898e11728d85f9d7d1:6ac0f96d937b8d762293b2408fcaf333e51bba19997d1ca3899be39631b86076",
            Signature(bundle));
    }

    [Fact]
    public void The_same_names_and_strings_unescaped_give_the_pinned_hashes_and_stored_form()
    {
        var bundle = Reader.Parsed(Tricky(JavaScriptEncoder.UnsafeRelaxedJsonEscaping));

        Assert.Equal(
            "2:2ac437598e206a22b6989aea7288a67eb28860144b3c7f74e05240d2e9f9977e:19fb635133175ab0bc964732712318bae43f52d3c1758dde59b5650f4b6f882a:7f48f3502bdc3badede24bdf171e125b5d73222df945df9c0ee5b18cd5ab4509 " +
            "2:6ac0f96d937b8d762293b2408fcaf333e51bba19997d1ca3899be39631b86076:2368fcc1472156f6c9822f052f6cec1abb108b8340cdd0e1c4563291df064fc2:6ac0f96d937b8d762293b2408fcaf333e51bba19997d1ca3899be39631b86076",
            Signature(bundle));
    }

    private static string Tricky(JavaScriptEncoder encoder)
    {
        var root = JsonNode.Parse(TestFiles.Fixture("paired-lung-liver.json"))!.AsObject();
        var report = Mutations.Resource(root, 5);
        report["conclusion"] = "Befund: KRAS G12C > 5 % & <b>HER2</b> 2+, \"laut\" \\ Ödem \u00e9\u4e2d\ud83e\uddec\ttab";
        report["zeta\u00e9"] = "unknown, non-ASCII name";
        report["\uff21wide"] = new JsonArray(1.50m, "x", new JsonObject { ["id"] = "nested-id", ["text"] = "nested text", ["b"] = 1, ["a"] = new JsonArray() });
        report["\ud83d\ude00smile"] = new JsonObject { ["reference"] = "Observation/egfr-l858r-primary", ["display"] = "a reference inside an unknown element" };
        report["Alpha"] = true;
        report["x<y+z&'q"] = "markup characters in a name";
        var variant = Mutations.Resource(root, 6);
        variant["note"] = new JsonArray(new JsonObject { ["text"] = "VAF 3.4e-1 \u2014 \u00fcber 1E2 reads" });
        variant["unknownNumber"] = JsonNode.Parse("3.4e-1");
        variant["unknownBig"] = JsonNode.Parse("12345678901234567890.000");
        return root.ToJsonString(new JsonSerializerOptions { Encoder = encoder });
    }

    /// <summary>Per report: version, hash, SHA-256 of the stored FHIR JSON, version 1 hash; reports joined by a space.</summary>
    private static string Signature(ParsedBundle bundle)
    {
        Assert.NotEmpty(bundle.Reports);
        return string.Join(' ', bundle.Reports.Select(r =>
            $"{r.ContentHashVersion}:{r.ContentHash}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(r.FhirJson)))}:{r.ContentHashOf(ReportContentHash.FirelyForm)}"));
    }
}
