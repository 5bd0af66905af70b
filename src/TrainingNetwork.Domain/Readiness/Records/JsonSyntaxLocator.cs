using System.Text.Json;

namespace TrainingNetwork.Domain.Readiness.Records;

/// <summary>Replays a malformed document token by token to name the JSON path where it breaks (e.g. at <c>NaN</c>).</summary>
internal static class JsonSyntaxLocator
{
    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
    }

    public static string PathOfError(ReadOnlySpan<byte> utf8Json, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8Json, options);
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                var top = frames.Count > 0 ? frames[^1] : null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        top!.Property = reader.GetString();
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (top is { IsArray: true })
                        {
                            top.Index++;
                        }

                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The frames now describe where the reader stopped.
        }

        return "$" + string.Concat(frames.Select(frame => frame.IsArray
            ? frame.Index >= 0 ? JsonFieldReader.Item("", frame.Index) : ""
            : frame.Property is null ? "" : JsonFieldReader.Child("", frame.Property)));
    }
}
