using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Tests.Alterations;

public class ProteinChangeParserTests
{
    [Theory]
    [InlineData("NP_005219.2:p.Leu858Arg", "L858R")]
    [InlineData("p.(Leu858Arg)", "L858R")]
    [InlineData("p.L858R", "L858R")]
    [InlineData("L858R", "L858R")]
    [InlineData("  p.Leu858Arg ", "L858R")]
    [InlineData("ENSP00000275493:p.(Leu858Arg)", "L858R")]
    public void Missense_spellings_normalise_to_one_letter_text(string input, string expected)
    {
        var change = ProteinChangeParser.Parse(input);

        Assert.NotNull(change);
        Assert.Equal(expected, change.Text);
        Assert.Equal(ProteinChangeKind.Missense, change.Kind);
        Assert.Equal('L', change.StartResidue);
        Assert.Equal(858, change.StartPosition);
        Assert.Equal(858, change.EndPosition);
        Assert.Equal("R", change.Alternate);
    }

    [Theory]
    [InlineData("p.E746_A750delELREA")]
    [InlineData("p.Glu746_Ala750del")]
    [InlineData("E746_A750del")]
    [InlineData("p.(Glu746_Ala750del)")]
    [InlineData("delE746-A750")]
    [InlineData("p.E746_A750del15")]
    public void Exon19_deletion_spellings_normalise_to_one_change(string input)
    {
        var change = ProteinChangeParser.Parse(input);

        Assert.NotNull(change);
        Assert.Equal("E746_A750del", change.Text);
        Assert.Equal(ProteinChangeKind.InframeDeletion, change.Kind);
        Assert.Equal(('E', 746, 'A', 750), (change.StartResidue, change.StartPosition, change.EndResidue, change.EndPosition));
        Assert.True(change.IsInframeIndel);
    }

    [Theory]
    [InlineData("p.L747_P753delinsS", "L747_P753delinsS", ProteinChangeKind.Delins, "S")]
    [InlineData("p.Leu747_Pro753delinsSer", "L747_P753delinsS", ProteinChangeKind.Delins, "S")]
    [InlineData("p.L747_P753>S", "L747_P753delinsS", ProteinChangeKind.Delins, "S")]
    [InlineData("p.E746_S752delELREATSinsV", "E746_S752delinsV", ProteinChangeKind.Delins, "V")]
    [InlineData("p.D770_N771insSVD", "D770_N771insSVD", ProteinChangeKind.InframeInsertion, "SVD")]
    [InlineData("p.Asp770_Asn771insSerValAsp", "D770_N771insSVD", ProteinChangeKind.InframeInsertion, "SVD")]
    [InlineData("p.A767_V769dup", "A767_V769dup", ProteinChangeKind.Duplication, null)]
    [InlineData("p.Ala767_Val769dupAlaSerVal", "A767_V769dup", ProteinChangeKind.Duplication, null)]
    [InlineData("p.K745del", "K745del", ProteinChangeKind.InframeDeletion, null)]
    public void Indels_normalise_to_canonical_text(string input, string expected, ProteinChangeKind kind, string? alternate)
    {
        var change = ProteinChangeParser.Parse(input);

        Assert.NotNull(change);
        Assert.Equal(expected, change.Text);
        Assert.Equal(kind, change.Kind);
        Assert.Equal(alternate, change.Alternate);
    }

    [Theory]
    [InlineData("p.Ser1982ArgfsTer22", "S1982Rfs*22")]
    [InlineData("S1982Rfs*22", "S1982Rfs*22")]
    [InlineData("p.S1982RfsX22", "S1982Rfs*22")]
    [InlineData("S1982fs", "S1982fs")]
    [InlineData("p.Glu1836ValfsTer5", "E1836Vfs*5")]
    [InlineData("p.Q2634Afs*20", "Q2634Afs*20")]
    [InlineData("p.Val611fs", "V611fs")]
    public void Frameshifts_normalise_and_are_truncating(string input, string expected)
    {
        var change = ProteinChangeParser.Parse(input);

        Assert.NotNull(change);
        Assert.Equal(expected, change.Text);
        Assert.Equal(ProteinChangeKind.Frameshift, change.Kind);
        Assert.True(change.IsTruncating);
    }

    [Theory]
    [InlineData("p.Lys3326Ter")]
    [InlineData("K3326X")]
    [InlineData("p.K3326*")]
    [InlineData("p.(Lys3326*)")]
    public void Nonsense_written_with_ter_x_or_star_is_one_stop(string input)
    {
        var change = ProteinChangeParser.Parse(input);

        Assert.NotNull(change);
        Assert.Equal("K3326*", change.Text);
        Assert.Equal(ProteinChangeKind.Nonsense, change.Kind);
        Assert.True(change.IsTruncating);
    }

    [Theory]
    [InlineData("p.Leu858=", "L858=", ProteinChangeKind.Synonymous)]
    [InlineData("p.L858L", "L858=", ProteinChangeKind.Synonymous)]
    [InlineData("p.=", "=", ProteinChangeKind.Synonymous)]
    [InlineData("p.(=)", "=", ProteinChangeKind.Synonymous)]
    [InlineData("p.Met1?", "M1?", ProteinChangeKind.StartLoss)]
    [InlineData("p.M1I", "M1I", ProteinChangeKind.StartLoss)]
    [InlineData("p.*807Wext*101", "*807Wext*101", ProteinChangeKind.StopLoss)]
    [InlineData("p.Ter807TrpextTer101", "*807Wext*101", ProteinChangeKind.StopLoss)]
    [InlineData("p.Met1ext-5", "M1ext-5", ProteinChangeKind.Other)]
    [InlineData("p.X1010_splice", "X1010_splice", ProteinChangeKind.Other)]
    [InlineData("D1010splice", "D1010_splice", ProteinChangeKind.Other)]
    public void Synonymous_start_loss_extension_and_splice_forms_are_classified(string input, string expected, ProteinChangeKind kind)
    {
        var change = ProteinChangeParser.Parse(input);

        Assert.NotNull(change);
        Assert.Equal(expected, change.Text);
        Assert.Equal(kind, change.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("p.?")]
    [InlineData("p.0")]
    [InlineData("exon 19 deletion")]
    [InlineData("c.2573T>G")]
    [InlineData("L858")]
    [InlineData("p.E750_A746del")]
    [InlineData("EGFR")]
    public void Unreadable_text_gives_null(string? input)
    {
        Assert.Null(ProteinChangeParser.Parse(input));
    }

    [Theory]
    [InlineData("EGFR L858R", "L858R")]
    [InlineData("NM_000251.3(MSH2):c.1832del (p.Val611fs)", "V611fs")]
    [InlineData("EGFR Exon 19 deletion (E746_A750del)", "E746_A750del")]
    [InlineData("NM_002528.7(NTHL1):c.728G>A (p.Trp243Ter)", "W243*")]
    public void A_change_is_found_inside_free_text(string text, string expected)
    {
        Assert.Equal(expected, ProteinChangeParser.FindInText(text)?.Text);
    }

    [Theory]
    [InlineData("EGFR exon 19 deletion")]
    [InlineData("MET exon 14 skipping")]
    [InlineData("ROS1 Fusion")]
    public void Free_text_without_a_change_finds_none(string text)
    {
        Assert.Null(ProteinChangeParser.FindInText(text));
    }
}
