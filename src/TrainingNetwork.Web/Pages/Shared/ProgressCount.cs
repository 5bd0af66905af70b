namespace TrainingNetwork.Web.Pages;

/// <summary>One progress bar: how much of something has been recorded against a target.</summary>
public sealed record ProgressCount(string Label, decimal Value, decimal Target, string Unit);
