using TrainingNetwork.Domain.Reviews;

namespace TrainingNetwork.Web.Pages.Network.Packets;

public static class PacketDecisions
{
    /// <summary>How a decision reads to staff and to the physician.</summary>
    public static string Describe(PacketDecision decision) =>
        decision == PacketDecision.Accepted ? "Accepted" : "Changes requested";
}
