using System.Security.Cryptography;
using System.Text;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>SHA-256 over the manifest and the data files, in role order, each prefixed by its name and length.</summary>
internal static class VocabularyContentHash
{
    public static string Of(IEnumerable<DataFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Name));
            hash.AppendData(BitConverter.GetBytes((long)file.Bytes.Length));
            hash.AppendData(file.Bytes);
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
