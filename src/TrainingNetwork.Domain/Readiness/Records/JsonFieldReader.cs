using System.Globalization;
using System.Text.Json;

namespace TrainingNetwork.Domain.Readiness.Records;

/// <summary>Reads typed fields from a <see cref="JsonElement"/> and records an error with its exact path instead of throwing.</summary>
internal sealed class JsonFieldReader
{
    private readonly List<RecordError> _errors = [];

    public IReadOnlyList<RecordError> Errors => _errors;

    public int MaxErrors { get; init; } = int.MaxValue;

    public bool IsFull => _errors.Count >= MaxErrors;

    public void Error(string path, string message)
    {
        if (!IsFull)
        {
            _errors.Add(new RecordError(path, message));
        }
    }

    public static string Child(string path, string key) => $"{path}.{key}";

    public static string Item(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    public bool IsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(path, $"must be an object, not {Describe(element)}");
        return false;
    }

    /// <summary>The value under <paramref name="key"/>; a missing required key is an error, a missing optional one or a null is <c>null</c>.</summary>
    public JsonElement? Value(JsonElement owner, string path, string key, bool required, bool nullable)
    {
        var childPath = Child(path, key);
        if (!owner.TryGetProperty(key, out var value))
        {
            if (required)
            {
                Error(childPath, "is required");
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
            {
                Error(childPath, "must not be null");
            }

            return null;
        }

        return value;
    }

    public string? String(JsonElement owner, string path, string key, bool required = true, bool nullable = false, bool nonEmpty = false)
    {
        if (Value(owner, path, key, required, nullable) is not { } value)
        {
            return null;
        }

        return StringValue(value, Child(path, key), nonEmpty);
    }

    public string? StringValue(JsonElement value, string path, bool nonEmpty)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(path, $"must be a string, not {Describe(value)}");
            return null;
        }

        var text = value.GetString()!;
        if (nonEmpty && text.Trim().Length == 0)
        {
            Error(path, "must not be empty");
            return null;
        }

        return text;
    }

    public bool? Boolean(JsonElement owner, string path, string key, bool required = true)
    {
        if (Value(owner, path, key, required, nullable: false) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Error(Child(path, key), $"must be true or false, not {Describe(value)}");
        return null;
    }

    public DateOnly? Date(JsonElement owner, string path, string key, bool required = true, bool nullable = false)
    {
        if (String(owner, path, key, required, nullable) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        var shaped = text.Length == 10 && text[4] == '-' && text[7] == '-' && text.Remove(7, 1).Remove(4, 1).All(char.IsAsciiDigit);
        Error(Child(path, key), shaped ? $"'{text}' is not a calendar date" : $"'{text}' is not a date in YYYY-MM-DD form");
        return null;
    }

    /// <summary>A finite decimal within [<paramref name="minimum"/>, <paramref name="maximum"/>] (exclusive minimum when asked).</summary>
    public decimal? Number(JsonElement owner, string path, string key, decimal minimum, decimal maximum,
        bool minimumExclusive = false, bool required = true, bool nullable = false)
    {
        if (Value(owner, path, key, required, nullable) is not { } value)
        {
            return null;
        }

        var childPath = Child(path, key);
        if (value.ValueKind != JsonValueKind.Number)
        {
            Error(childPath, $"must be a number, not {Describe(value)}");
            return null;
        }

        if (!value.TryGetDecimal(out var number))
        {
            Error(childPath, $"{value.GetRawText()} is out of range");
            return null;
        }

        var tooSmall = minimumExclusive ? number <= minimum : number < minimum;
        if (tooSmall || number > maximum)
        {
            var lower = minimumExclusive ? $"greater than {minimum}" : $"at least {minimum}";
            Error(childPath, $"must be {lower} and at most {maximum} (got {value.GetRawText()})");
            return null;
        }

        return number;
    }

    public T? Code<T>(JsonElement owner, string path, string key, CodeMap<T> codes, bool required = true) where T : struct, Enum =>
        String(owner, path, key, required) is { } text ? CodeValue(text, Child(path, key), codes) : null;

    public T? CodeValue<T>(string text, string path, CodeMap<T> codes) where T : struct, Enum
    {
        if (codes.TryParse(text, out var value))
        {
            return value;
        }

        Error(path, $"'{text}' is not one of {codes.AllowedCodes}");
        return null;
    }

    /// <summary>Each element read by <paramref name="read"/>; null when the array is missing or any element is invalid.</summary>
    public List<T>? Array<T>(JsonElement owner, string path, string key, Func<JsonElement, string, T?> read, bool required = true)
    {
        if (Value(owner, path, key, required, nullable: false) is not { } value)
        {
            return required ? null : [];
        }

        var arrayPath = Child(path, key);
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(arrayPath, $"must be an array, not {Describe(value)}");
            return null;
        }

        var items = new List<T>(value.GetArrayLength());
        var complete = true;
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var item = read(element, Item(arrayPath, index++));
            if (item is null)
            {
                complete = false;
            }
            else
            {
                items.Add(item);
            }
        }

        return complete ? items : null;
    }

    /// <summary>An array of codes; null when the array is missing or any code is unknown.</summary>
    public List<T>? Codes<T>(JsonElement owner, string path, string key, CodeMap<T> codes) where T : struct, Enum
    {
        var texts = Array(owner, path, key, (element, itemPath) => StringValue(element, itemPath, nonEmpty: false));
        if (texts is null)
        {
            return null;
        }

        var values = new List<T>(texts.Count);
        for (var index = 0; index < texts.Count; index++)
        {
            if (CodeValue(texts[index], Item(Child(path, key), index), codes) is { } value)
            {
                values.Add(value);
            }
        }

        return values.Count == texts.Count ? values : null;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
