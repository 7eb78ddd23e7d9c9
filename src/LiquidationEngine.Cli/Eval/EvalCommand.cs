using System.Text.Encodings.Web;
using System.Text.Json;
using LiquidationEngine.Evm;

namespace LiquidationEngine.Cli.Eval;

/// <summary>
/// <c>liqengine eval</c>: JSON Lines in, one response line per request out, in order. A bad line
/// gets an <c>error</c> response and the stream goes on; blank lines are skipped.
/// </summary>
internal static class EvalCommand
{
    // Relaxed escaping keeps quotes in messages readable; the output is still valid JSON.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(Stream input, Stream output, EvalOps ops)
    {
        try
        {
            return Serve(input, output, ops);
        }
        catch (IOException e)
        {
            // The reader went away (a closed pipe): nothing left to answer to.
            Console.Error.WriteLine($"liqengine eval: stopped, the output was closed ({e.Message}).");
            return 1;
        }
    }

    private static int Serve(Stream input, Stream output, EvalOps ops)
    {
        using var buffered = new BufferedStream(output, 1 << 16);
        using var writer = new Utf8JsonWriter(buffered, WriterOptions);
        var reader = new LineReader(input, () => { writer.Flush(); buffered.Flush(); });
        while (reader.TryReadLine(out ReadOnlySpan<byte> line))
        {
            if (IsBlank(line)) continue;
            Respond(line, ops, writer);
            writer.Flush();
            writer.Reset();
            buffered.WriteByte((byte)'\n');
        }
        writer.Flush();
        buffered.Flush();
        return 0;
    }

    /// <summary>Answers one request line; never throws for bad input.</summary>
    internal static void Respond(ReadOnlySpan<byte> line, EvalOps ops, Utf8JsonWriter writer)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.ToArray());
        }
        catch (JsonException e)
        {
            WriteError(writer, null, $"malformed JSON: {e.Message}");
            return;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            JsonElement? id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out JsonElement i) ? i : null;
            try
            {
                EvalOp op = Find(root, ops);
                if (op.Structured is { } structured)
                {
                    // The op runs to completion (or throws) before any byte of its answer is written.
                    Action<Utf8JsonWriter> body = structured(root);
                    writer.WriteStartObject();
                    WriteId(writer, id);
                    body(writer);
                    writer.WriteEndObject();
                    return;
                }
                string[] ok = Execute(root, op);
                writer.WriteStartObject();
                WriteId(writer, id);
                writer.WriteStartArray("ok");
                foreach (string value in ok) writer.WriteStringValue(value);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            catch (EvmRevertException revert)
            {
                writer.WriteStartObject();
                WriteId(writer, id);
                writer.WriteString("revert", revert.RevertDataHex);
                writer.WriteEndObject();
            }
            catch (EvalRequestException bad)
            {
                WriteError(writer, id, bad.Message);
            }
        }
    }

    private static EvalOp Find(JsonElement root, EvalOps ops)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new EvalRequestException($"a request must be a JSON object {{\"id\", \"op\", \"args\"}}; got {Kind(root)}.");
        if (!root.TryGetProperty("op", out JsonElement opElement) || opElement.ValueKind != JsonValueKind.String)
            throw new EvalRequestException("the request has no \"op\" string.");
        string name = opElement.GetString()!;
        if (!ops.TryGet(name, out EvalOp op))
            throw new EvalRequestException($"unknown op \"{name}\"; run 'liqengine eval --list-ops' for the list.");
        return op;
    }

    private static string[] Execute(JsonElement root, EvalOp op)
    {
        if (!root.TryGetProperty("args", out JsonElement args) || args.ValueKind != JsonValueKind.Array)
            throw new EvalRequestException($"{op.Name}: the request has no \"args\" array; {op.Name} takes {op.Arity}.");
        if (!op.AcceptsArgCount(args.GetArrayLength()))
            throw new EvalRequestException($"{op.Name}: takes {op.Arity}; got {args.GetArrayLength()}.");
        return op.Invoke(new EvalArgs(op, args));
    }

    private static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();

    private static void WriteError(Utf8JsonWriter writer, JsonElement? id, string message)
    {
        writer.WriteStartObject();
        WriteId(writer, id);
        writer.WriteString("error", message);
        writer.WriteEndObject();
    }

    private static void WriteId(Utf8JsonWriter writer, JsonElement? id)
    {
        writer.WritePropertyName("id");
        if (id is { } value) value.WriteTo(writer);
        else writer.WriteNullValue();
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
            if (b is not ((byte)' ' or (byte)'\t')) return false;
        return true;
    }
}
