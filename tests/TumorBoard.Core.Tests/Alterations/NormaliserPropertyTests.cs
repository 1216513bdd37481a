using FsCheck;
using FsCheck.Fluent;
using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Tests.Alterations;

/// <summary>
/// Property tests (FsCheck) of the pure normalisers labs' text goes through: they never throw, whatever
/// the string, and reading their own output again gives the same result.
/// </summary>
public class NormaliserPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(3000);
    private static readonly TumorBoard.Core.Vocabularies.GeneSymbols Genes = TestGenes.Create();

    [Fact]
    public void Protein_change_parsing_never_throws_on_any_string()
    {
        Check.One(Runs, Prop.ForAll(NormaliserProperties.ProteinText(), text =>
        {
            _ = ProteinChangeParser.Parse(text);
            _ = ProteinChangeParser.FindInText(text);
            return true;
        }));
    }

    [Fact]
    public void A_parsed_protein_change_reads_back_to_itself()
    {
        Check.One(Runs, Prop.ForAll(NormaliserProperties.ProteinText(), text =>
            ProteinChangeParser.Parse(text) is not { } change
            || (ProteinChangeParser.Parse(change.Text) is { } again && again == change)
            || Fail($"'{text}' gave '{change.Text}', which reads back as '{ProteinChangeParser.Parse(change.Text)?.Text ?? "nothing"}'")));
    }

    [Fact]
    public void A_protein_change_with_a_p_prefix_reads_as_without()
    {
        Check.One(Runs, Prop.ForAll(NormaliserProperties.ProteinText(), text =>
            ProteinChangeParser.Parse(text) is not { } change || ProteinChangeParser.Parse("p." + change.Text) == change));
    }

    [Fact]
    public void Fusion_parsing_never_throws_on_any_string()
    {
        Check.One(Runs, Prop.ForAll(NormaliserProperties.FusionText(), text =>
        {
            _ = FusionNotation.LooksLikeFusion(text);
            _ = FusionNotation.Parse(text, Genes);
            return true;
        }));
    }

    [Fact]
    public void A_parsed_fusion_written_as_5_prime_colon_colon_3_prime_reads_back_to_the_same_genes()
    {
        Check.One(Runs, Prop.ForAll(NormaliserProperties.FusionText(), text =>
        {
            if (FusionNotation.Parse(text, Genes) is not { } fusion)
            {
                return true;
            }

            var written = string.Join("::", fusion.Genes);
            var again = FusionNotation.Parse(written, Genes);
            return (again is not null && again.Genes.SequenceEqual(fusion.Genes))
                || Fail($"'{text}' gave '{written}', which reads back as '{(again is null ? "nothing" : string.Join("::", again.Genes))}'");
        }));
    }

    [Fact]
    public void Copy_number_classification_never_throws_on_any_text_or_number()
    {
        Check.One(Runs, Prop.ForAll(NormaliserProperties.CnaText(), NormaliserProperties.CnaText(), NormaliserProperties.CopyNumber().Nullable(), (so, text, copyNumber) =>
        {
            _ = CopyNumberCalls.Classify(so, text, copyNumber);
            return true;
        }));
    }

    /// <summary>
    /// The call's word read back with the copy number the alteration keeps gives the same call. Without
    /// the number a bare "deletion" reads as a loss on purpose (rare-cases.md 7: only a homozygous or
    /// deep deletion is loss of function), so the kept copy number is part of the normalised output.
    /// </summary>
    [Fact]
    public void A_copy_number_call_reads_back_to_itself_from_its_word_and_the_kept_copy_number()
    {
        Check.One(Runs, Prop.ForAll(NormaliserProperties.CnaText(), NormaliserProperties.CopyNumber().Nullable(), (text, copyNumber) =>
        {
            if (CopyNumberCalls.Classify(null, text, copyNumber) is not { } call
                || (copyNumber is { } number && CopyNumberCalls.FromCopyNumber(number) != call))
            {
                return true; // The lab's words overruled its number: the kept number does not speak for the call.
            }

            var again = CopyNumberCalls.Classify(null, CopyNumberCalls.Word(call), copyNumber);
            return again == call || (call == CnaCall.Deletion && copyNumber is null && again == CnaCall.Loss)
                || Fail($"'{text}' with {copyNumber} gave {call}, whose word reads back as {again}");
        }));
    }

    [Fact]
    public void Copy_number_calls_are_the_same_from_the_number_alone_or_through_classify()
    {
        Check.One(Runs, Prop.ForAll(NormaliserProperties.CopyNumber(), copyNumber =>
            CopyNumberCalls.Classify(null, null, copyNumber) == CopyNumberCalls.FromCopyNumber(copyNumber)));
    }

    private static bool Fail(string message) => throw new InvalidOperationException(message);
}
