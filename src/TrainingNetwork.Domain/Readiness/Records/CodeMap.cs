using System.Collections.Frozen;

namespace TrainingNetwork.Domain.Readiness.Records;

/// <summary>The two-way mapping between an enum and the exact strings of the v1 interchange format.</summary>
public sealed class CodeMap<T> where T : struct, Enum
{
    private readonly FrozenDictionary<string, T> _byCode;
    private readonly FrozenDictionary<T, string> _byValue;

    public CodeMap(params (string Code, T Value)[] pairs)
    {
        _byCode = pairs.ToFrozenDictionary(p => p.Code, p => p.Value, StringComparer.Ordinal);
        _byValue = pairs.ToFrozenDictionary(p => p.Value, p => p.Code);
        AllowedCodes = string.Join(", ", pairs.Select(p => p.Code));
    }

    /// <summary>The codes, comma-separated, for error messages.</summary>
    public string AllowedCodes { get; }

    public string ToCode(T value) => _byValue[value];

    public bool TryParse(string code, out T value) => _byCode.TryGetValue(code, out value);

    /// <summary>For codes the application stored itself: an unknown one is a bug, not bad input.</summary>
    public T Parse(string code) =>
        TryParse(code, out var value) ? value : throw new ArgumentException($"Unknown {typeof(T).Name} code '{code}'.", nameof(code));
}
