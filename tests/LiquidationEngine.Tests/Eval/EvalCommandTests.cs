using System.IO.Pipes;
using System.Text;
using System.Text.Json;
using LiquidationEngine.Cli.Eval;
using Xunit;

namespace LiquidationEngine.Tests.Eval;

public class EvalCommandTests
{
    private const string Max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
    private const string Panic11 = "0x4e487b710000000000000000000000000000000000000000000000000000000000000011";

    [Fact]
    public void Answers_ok_revert_and_error_lines_in_order()
    {
        string[] lines = EvalHarness.Run(
            """
            {"id": 1, "op": "wadMul", "args": ["1500000000000000000", "2000000000000000000"]}
            {"id": "two", "op": "add", "args": ["0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "1"]}
            {"id": [3], "op": "wadMul", "args": ["115792089237316195423570985008687907853269984665640564039457584007913129639935", "2"]}
            {"id": {"k": 4}, "op": "mulDiv", "args": ["7", "3", "2", "expand"]}
            """);

        Assert.Equal(
            [
                """{"id":1,"ok":["3000000000000000000"]}""",
                $$"""{"id":"two","revert":"{{Panic11}}"}""",
                """{"id":[3],"revert":"0x"}""",
                """{"id":{"k":4},"ok":["11"]}""",
            ],
            lines);
    }

    [Theory]
    [InlineData("""{"id":1,"op":"wadMul","args":["-5","1"]}""", "wadMul: args[0] (a) = \"-5\" is negative")]
    [InlineData("""{"id":1,"op":"wadMul","args":["1"]}""", "wadMul: takes 2 arguments (a, b); got 1")]
    [InlineData("""{"id":1,"op":"rayToWad","args":["1","2"]}""", "rayToWad: takes 1 argument (a); got 2")]
    [InlineData("""{"id":1,"op":"nope","args":[]}""", "unknown op \"nope\"")]
    [InlineData("""{"id":1,"args":[]}""", "no \"op\" string")]
    [InlineData("""{"id":1,"op":"add"}""", "add: the request has no \"args\" array")]
    [InlineData("""{"id":1,"op":"add","args":[1,2]}""", "add: args[0] (a) must be a JSON string")]
    [InlineData("""{"id":1,"op":"add","args":["12x","2"]}""", "add: args[0] (a) = \"12x\" is not a base-10 or 0x-hex unsigned integer")]
    [InlineData("""{"id":1,"op":"add","args":["1","115792089237316195423570985008687907853269984665640564039457584007913129639936"]}""", "add: args[1] (b) = \"115792089237316195423570985008687907853269984665640564039457584007913129639936\" is 2^256 or more")]
    [InlineData("""{"id":1,"op":"mulDiv","args":["1","2","3","Floor"]}""", "mulDiv: args[3] (rounding) = \"Floor\" is not one of \"floor\", \"ceil\", \"trunc\", \"expand\"")]
    [InlineData("""[1,2,3]""", "a request must be a JSON object")]
    [InlineData("""{"id":1,"op":"add","args":["1","2"]""", "malformed JSON")]
    public void Bad_requests_get_an_error_that_names_the_problem(string request, string expectedFragment)
    {
        string[] lines = EvalHarness.Run(request + "\n" + """{"id":"after","op":"add","args":["1","2"]}""");

        Assert.Equal(2, lines.Length);
        using JsonDocument error = JsonDocument.Parse(lines[0]);
        Assert.Contains(expectedFragment, error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("""{"id":"after","ok":["3"]}""", lines[1]); // the stream goes on
    }

    [Fact]
    public void Echoes_the_id_of_a_bad_request_and_null_when_unreadable()
    {
        string[] lines = EvalHarness.Run("{\"id\":\"x\",\"op\":\"nope\",\"args\":[]}\nnot json\n");
        Assert.StartsWith("""{"id":"x","error":""", lines[0]);
        Assert.StartsWith("""{"id":null,"error":"malformed JSON""", lines[1]);
    }

    [Fact]
    public void Skips_blank_lines_accepts_crlf_and_a_last_line_without_newline()
    {
        string[] lines = EvalHarness.Run("\r\n   \n{\"id\":1,\"op\":\"sub\",\"args\":[\"5\",\"3\"]}\r\n\n{\"id\":2,\"op\":\"sub\",\"args\":[\"3\",\"5\"]}");
        Assert.Equal(["""{"id":1,"ok":["2"]}""", $$"""{"id":2,"revert":"{{Panic11}}"}"""], lines);
    }

    [Fact]
    public void Accepts_hex_input_and_answers_in_base_10()
    {
        string[] lines = EvalHarness.Run("""{"id":1,"op":"mul","args":["0x10","0xFF"]}""");
        Assert.Equal(["""{"id":1,"ok":["4080"]}"""], lines);
    }

    [Fact]
    public void Empty_input_gives_empty_output()
    {
        Assert.Empty(EvalHarness.Run(""));
    }

    [Fact]
    public void Every_documented_op_is_registered_with_its_arity()
    {
        // The op list and arities of spec/SPEC.md section 3, written out independently.
        var expected = new Dictionary<string, int>
        {
            ["add"] = 2, ["sub"] = 2, ["mul"] = 2, ["div"] = 2, ["mod"] = 2, ["mulDiv"] = 4,
            ["wadMul"] = 2, ["wadDiv"] = 2, ["rayMul"] = 2, ["rayDiv"] = 2, ["rayToWad"] = 1, ["wadToRay"] = 1,
            ["percentMul"] = 2, ["percentDiv"] = 2, ["mulDivDown"] = 3, ["mulDivUp"] = 3,
            ["wMulDown"] = 2, ["wDivDown"] = 2, ["wDivUp"] = 2, ["rpow"] = 3,
        };
        foreach (var (name, arity) in expected)
        {
            Assert.True(EvalOps.Default.TryGet(name, out EvalOp op), $"op {name} missing");
            Assert.Equal(arity, op.Parameters.Length);
        }
    }

    [Fact]
    public async Task Answers_each_line_before_the_next_arrives()
    {
        // A peer that sends one request and waits for its answer must not deadlock on buffering.
        using var toEval = new AnonymousPipeServerStream(PipeDirection.Out);
        using var evalIn = new AnonymousPipeClientStream(PipeDirection.In, toEval.ClientSafePipeHandle);
        using var fromEval = new AnonymousPipeServerStream(PipeDirection.In);
        using var evalOut = new AnonymousPipeClientStream(PipeDirection.Out, fromEval.ClientSafePipeHandle);
        Task<int> eval = Task.Run(() => EvalCommand.Run(evalIn, evalOut, EvalOps.Default));

        using var writer = new StreamWriter(toEval, new UTF8Encoding(false)) { AutoFlush = true };
        using var reader = new StreamReader(fromEval, Encoding.UTF8);
        writer.WriteLine("""{"id":1,"op":"add","args":["40","2"]}""");
        string? first = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)); // times out if eval buffered the answer
        Assert.Equal("""{"id":1,"ok":["42"]}""", first);

        writer.WriteLine("""{"id":2,"op":"div","args":["1","0"]}""");
        Assert.Equal("""{"id":2,"revert":"0x4e487b710000000000000000000000000000000000000000000000000000000000000012"}""",
            await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        writer.Close();
        Assert.Equal(0, await eval.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Handles_a_long_stream_with_lines_longer_than_the_read_buffer()
    {
        var input = new StringBuilder();
        string pad = new(' ', 70_000); // a line longer than the 64 KiB read buffer
        input.Append("{\"id\":0,").Append(pad).Append("\"op\":\"add\",\"args\":[\"1\",\"1\"]}\n");
        for (int i = 1; i <= 20_000; i++)
            input.Append("{\"id\":").Append(i).Append(",\"op\":\"mulDiv\",\"args\":[\"").Append(Max).Append("\",\"").Append(i).Append("\",\"").Append(i).Append("\",\"ceil\"]}\n");

        string[] lines = EvalHarness.Run(input.ToString());

        Assert.Equal(20_001, lines.Length);
        Assert.Equal("""{"id":0,"ok":["2"]}""", lines[0]);
        for (int i = 1; i <= 20_000; i++)
            Assert.Equal($$"""{"id":{{i}},"ok":["{{Max}}"]}""", lines[i]);
    }
}
