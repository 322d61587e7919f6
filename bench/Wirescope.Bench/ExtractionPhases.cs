using System.Diagnostics;
using AngleSharp.Html.Parser;
using Wirescope.Documents;
using Wirescope.Documents.Json;
using Wirescope.Extraction;
using Wirescope.Extraction.Decoding;
using Wirescope.Extraction.Html;
using Wirescope.Extraction.Metadata;
using Wirescope.Pipeline;

namespace Wirescope.Bench;

/// <summary>
/// Where one thread's time goes in HTML extraction, phase by phase, after a warm-up pass:
/// <c>dotnet run -c Release --project bench/Wirescope.Bench -- phases DIR [rounds]</c>.
/// The same calls as ExtractionStage.FromHtml, each wrapped in a stopwatch; pages are read
/// into memory first so the disk is not measured; times are the thread's CPU time. A profile to aim work, not a figure to quote.
/// </summary>
public static class ExtractionPhases
{
    private static readonly string[] Names = ["read", "decode", "prescan", "parse", "walk", "main text", "json-ld", "metadata", "json out"];

    public static int Run(string dir, int rounds)
    {
        // Files as stored (often .html.gz): reading them from memory is the "read" phase.
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes).ToArray();
        var options = new PipelineOptions();
        var tables = ExtractionTables.Default;
        var walker = new PageWalker(tables);
        var main = new MainTextExtractor(tables);
        var metadata = new MetadataExtractor(tables);
        var parser = new HtmlParser(new HtmlParserOptions
        {
            IsKeepingSourceReferences = false, DisableElementPositionTracking = true, SkipComments = true,
            SkipScriptText = true, SkipProcessingInstructions = true, SkipCDATA = true, MaximumDepth = options.MaxDepth + 16,
        });
        var ticks = new long[Names.Length];
        var sink = Stream.Null;
        long allocated = 0;
        for (int round = 0; round <= rounds; round++)
        {
            Array.Clear(ticks);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var total = Stopwatch.StartNew();
            foreach (var file in files)
            {
                var doc = new Document("p", new InputInfo("file", "p", "auto"));
                long t = ThreadCpuNanos();
                var bytes = Inputs.BoundedReader.ReadAll(new MemoryStream(file), options.MaxInputBytes, "p");
                t = Lap(ticks, 0, t);
                string text;
                try { text = CharsetDecoder.Decode(bytes, null, doc).Text; }
                catch (StageException e) { if (round == 0) Console.Error.WriteLine(e.Message); continue; }
                t = Lap(ticks, 1, t);
                using var pre = HtmlPrescan.Run(text, options.MaxDepth, default);
                t = Lap(ticks, 2, t);
                using var dom = parser.ParseDocument(pre.Markup);
                t = Lap(ticks, 3, t);
                var page = walker.Walk(dom, options.MaxDepth, default);
                page.Signals.JsonLd.AddRange(pre.JsonLd);
                t = Lap(ticks, 4, t);
                var body = main.Extract(page);
                t = Lap(ticks, 5, t);
                var ld = JsonLdReader.Read(pre.JsonLd);
                t = Lap(ticks, 6, t);
                var article = new Article();
                metadata.Fill(article, page, ld, new RawPage { Bytes = bytes }, body, doc);
                t = Lap(ticks, 7, t);
                doc.Article = article;
                sink.Write(DocumentJsonWriter.ToUtf8(doc));
                Lap(ticks, 8, t);
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round == 0) continue; // warm-up: JIT and table loading
            double sum = ticks.Sum() / 1e6;
            Console.WriteLine($"round {round}: {files.Length} pages, {total.Elapsed.TotalMilliseconds:0} ms wall, {sum:0} ms thread CPU ({files.Length / sum * 1000:0} pages per CPU-second), {allocated / files.Length / 1024:0} KiB allocated per page");
            for (int i = 0; i < Names.Length; i++)
            {
                double ms = ticks[i] / 1e6;
                Console.WriteLine($"  {Names[i],-10} {ms,8:0} ms {ms / sum * 100,5:0.0} %  {ms * 1000 / files.Length,6:0} us/page");
            }
        }
        return 0;
    }

    private static long Lap(long[] ticks, int phase, long start)
    {
        long now = ThreadCpuNanos();
        ticks[phase] += now - start;
        return now;
    }

    // Thread CPU time, not wall time: the machine is shared, and a preempted phase would look slow.
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanos;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec ts);

    private static long ThreadCpuNanos()
    {
        const int ClockThreadCpuTime = 3;
        ClockGetTime(ClockThreadCpuTime, out var ts);
        return ts.Seconds * 1_000_000_000 + ts.Nanos;
    }
}
