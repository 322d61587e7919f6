namespace Wirescope.Language.Ner;

/// <summary>Feeds a run of <see cref="NerSentence"/>s (one document) to the featurizer, as training and evaluation see them.</summary>
internal static class NerDocumentFeatures
{
    public static void Prepare(NerFeaturizer featurizer, NerScratch scratch, IReadOnlyList<NerSentence> data, int start, int end)
    {
        var total = 0;
        for (var i = start; i < end; i++) total += data[i].Forms.Length;
        featurizer.BeginDocument(scratch, total);
        var ranges = new (int, int)[end - start];
        var offset = 0;
        for (var i = start; i < end; i++)
        {
            var forms = data[i].Forms;
            var pos = data[i].Pos;
            for (var w = 0; w < forms.Length; w++) featurizer.SetWord(scratch, offset + w, forms[w], w == 0, pos is null ? default : pos[w]);
            ranges[i - start] = (offset, offset + forms.Length);
            offset += forms.Length;
        }
        featurizer.EndDocument(scratch, total, ranges);
    }
}
