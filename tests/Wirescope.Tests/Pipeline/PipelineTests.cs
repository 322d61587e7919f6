using Wirescope.Documents;
using Wirescope.Inputs;
using Wirescope.Pipeline;
using Xunit;

namespace Wirescope.Tests.Pipeline;

public class PipelineTests
{
    private sealed class Throwing(string text) : IStage
    {
        public string Name => "throwing";
        public Layers Requires => Layers.Article;
        public Layers Assigns => Layers.Language;
        public void Run(Document doc, CancellationToken cancellationToken)
        {
            if (doc.Article!.Text.Contains(text, StringComparison.Ordinal)) throw new InvalidOperationException("boom");
        }
    }

    private static PendingDocument Jsonl(string id, string text) =>
        JsonlInput.Parse($"{{\"id\":\"{id}\",\"text\":\"{text}\"}}", "test", 1);

    [Fact]
    public void A_failing_stage_becomes_a_per_document_error_and_the_batch_goes_on()
    {
        var pipeline = new PipelineBuilder()
            .WithOptions(new PipelineOptions { Jobs = 2 })
            .Add(new Wirescope.Extraction.ExtractionStage(new PipelineOptions()))
            .Add(new Throwing("bad"))
            .Build();
        var inputs = Enumerable.Range(0, 50).Select(i => Jsonl($"d{i}", i % 7 == 0 ? "bad text" : "good text"));
        var docs = pipeline.Run(inputs).ToList();
        Assert.Equal(50, docs.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"d{i}"), docs.Select(d => d.Id));
        foreach (var (d, i) in docs.Select((d, i) => (d, i)))
        {
            Assert.NotNull(d.Article);
            if (i % 7 == 0)
            {
                Assert.Equal(ErrorCodes.StageFailed, d.Error?.Code);
                Assert.Contains("throwing", d.Error!.Message);
                Assert.False(d.Done.HasFlag(Layers.Language));
            }
            else Assert.Null(d.Error);
        }
    }

    [Fact]
    public void Builder_refuses_a_stage_whose_requirement_nothing_assigns()
    {
        var b = new PipelineBuilder().Add(new Throwing("x"));
        var e = Assert.Throws<InvalidOperationException>(() => b.Build());
        Assert.Contains("throwing", e.Message);
    }

    [Fact]
    public void Bad_jsonl_lines_are_failed_documents()
    {
        var docs = JsonlInput.Read(new StringReader("{\"id\":\"ok\",\"text\":\"x\"}\nnot json\n{\"id\":\"no-text\"}\n"), "in.jsonl").ToList();
        Assert.Equal(3, docs.Count);
        var p = new PipelineBuilder().Add(new Wirescope.Extraction.ExtractionStage(new PipelineOptions())).Build();
        var results = docs.Select(d => p.Process(d)).ToList();
        Assert.Null(results[0].Error);
        Assert.Equal(ErrorCodes.InputBadJson, results[1].Error?.Code);
        Assert.Equal("in.jsonl:2", results[1].Id);
        Assert.Equal(ErrorCodes.InputBadJson, results[2].Error?.Code);
    }
}
