namespace TrainingNetwork.Web.Pages.Profile;

/// <summary>One kind of recorded evidence on the profile summary, with the page that edits it.</summary>
public sealed record EvidenceCard(string Id, string Title, string EditPage, string Empty, IReadOnlyList<string> Items);
