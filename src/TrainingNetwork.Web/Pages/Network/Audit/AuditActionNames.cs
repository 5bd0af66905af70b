using System.Text.RegularExpressions;
using TrainingNetwork.Domain.Audit;

namespace TrainingNetwork.Web.Pages.Network.Audit;

public static partial class AuditActionNames
{
    /// <summary>The action as a short phrase: <c>PacketChangesRequested</c> reads "Packet changes requested".</summary>
    public static string InWords(AuditAction action)
    {
        var words = CapitalInsideWord().Replace(action.ToString(), " $0").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<=[a-z])[A-Z]")]
    private static partial Regex CapitalInsideWord();
}
