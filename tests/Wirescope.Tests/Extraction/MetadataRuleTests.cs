using Wirescope.Documents;
using Wirescope.Extraction;
using Wirescope.Extraction.Metadata;
using Xunit;

namespace Wirescope.Tests.Extraction;

public class MetadataRuleTests
{
    private static readonly ExtractionTables Tables = ExtractionTables.Default;

    [Theory]
    // page title, declared site name, page URL, expected headline
    [InlineData("Kim meets Putin | World | The Northern Ledger", "The Northern Ledger", null, "Kim meets Putin")]
    [InlineData("How to Build a Terrarium | eHow", null, null, "How to Build a Terrarium")]
    [InlineData("Ladensterben immer dramatischer - Journalistenwatch e.V.", null, "https://journalistenwatch.com/2019/x", "Ladensterben immer dramatischer")]
    [InlineData("This County Criminalized Students for Bad Grades – Until Now", null, "https://www.aclu.org/news/x", "This County Criminalized Students for Bad Grades – Until Now")]
    [InlineData("How we designed Dropbox’s ATF - an async task framework", null, "https://dropbox.tech/x", "How we designed Dropbox’s ATF - an async task framework")]
    [InlineData("Example Times - Floods close the pass", "Example Times", null, "Floods close the pass")]
    [InlineData("A headline with no site", null, null, "A headline with no site")]
    public void Site_parts_leave_the_title(string title, string? site, string? url, string expected)
    {
        var (headline, _) = TitleCleaner.Clean(title, site, TitleCleaner.DomainLabel(url));
        Assert.Equal(expected, headline);
    }

    [Theory]
    // JSON-LD headline, the page's <title>, whether the headline may stand for the title (half its words in the title)
    [InlineData("constitutional monarchy in Oceania", "New Zealand - Wikipedia", false)]
    [InlineData("Floods close the mountain pass", "Floods close the mountain pass | Example Times", true)]
    [InlineData("matrix equal to its conjugate-transpose", "Hermitian matrix - Wikipedia", false)]
    [InlineData("Wikimedia list article", "List of films featuring time loops - Wikipedia", false)]
    [InlineData("Floods close the pass after storms", "Storms: floods close mountain pass | Example Times", true)]
    [InlineData("宇航员在太空中喝酒会怎么样", "后果很严重 _光明网", true)]
    public void A_headline_must_share_half_its_words_with_the_title(string headline, string pageTitle, bool shares)
    {
        Assert.Equal(shares, TitleCleaner.WordShare(headline, pageTitle) >= MetadataExtractor.MinHeadlineShare);
    }

    [Theory]
    // og:title, <title>, h1s (| separated), expected title
    [InlineData("Chronik: Lotte Tobisch ist tot", "Lotte Tobisch ist tot", "Lotte Tobisch ist tot", "Lotte Tobisch ist tot")]
    [InlineData("Pierogi z dynią w sosie szałwiowym przepis – Zobacz na przepisy.pl", "Pierogi | przepisy.pl", "Pierogi z dynią w sosie szałwiowym", "Pierogi z dynią w sosie szałwiowym")]
    // The same headline: the page's visible typography (curly quotes, en dash), not a capitalised styling.
    [InlineData("Student Dies After Diet Pills \"Burned Her Up\"", "Student Dies After Diet Pills \"Burned Her Up\" - News", "Student Dies After Diet Pills “Burned Her Up”", "Student Dies After Diet Pills “Burned Her Up”")]
    [InlineData("Rene Benko-Firma Signa in Sorge - Finanzdaten", "Rene Benko-Firma Signa in Sorge - Finanzdaten", "Rene Benko-Firma Signa in Sorge – Finanzdaten", "Rene Benko-Firma Signa in Sorge – Finanzdaten")]
    [InlineData("Bridge reopens after eight months", "Bridge reopens after eight months", "BRIDGE REOPENS AFTER EIGHT MONTHS", "Bridge reopens after eight months")]
    [InlineData("Live updates: Bridge reopens after eight months of repairs", "Bridge reopens", "Coastline Daily|Live updates", "Live updates: Bridge reopens after eight months of repairs")]
    [InlineData("Dubai: Das größte solarthermische Kraftwerk der Welt", "Dubai: Das größte solarthermische Kraftwerk", "Größtes solarthermisches Kraftwerk der Welt entsteht in Dubai", "Dubai: Das größte solarthermische Kraftwerk der Welt")]
    [InlineData("Evolve: Shared Mutable History — evolve extension for Mercurial", "Evolve: Shared Mutable History — evolve extension for Mercurial", "evolve extension for Mercurial", "Evolve: Shared Mutable History — evolve extension for Mercurial")]
    public void The_visible_headline_wins_when_the_declared_title_holds_it_with_more(string og, string pageTitle, string h1s, string expected)
    {
        var h1 = string.Concat(h1s.Split('|').Select(h => $"<h1>{h}</h1>"));
        var html = $"""
            <html><head><title>{pageTitle}</title><meta property="og:title" content="{System.Net.WebUtility.HtmlEncode(og)}"></head>
            <body><article>{h1}<p>The harbour bridge reopened to traffic on Monday after eight months of repairs, the council said.</p>
            <p>Engineers replaced 140 steel cables and resurfaced the deck, at a cost of about 42 million dollars.</p></article></body></html>
            """;
        Assert.Equal(expected, ExtractionHarness.Html(html).Article!.Title);
    }

    [Theory]
    // byline, site name, expected names joined by "|", empty for none
    [InlineData("By Anna Fielding and Mikhail Orlov", null, "Anna Fielding|Mikhail Orlov")]
    [InlineData("Von Katrin Vogel", null, "Katrin Vogel")]
    [InlineData("By Jane Roe April 26, 2019", null, "Jane Roe")]
    [InlineData("by Lucas Nolan22 Dec 2016651", null, "Lucas Nolan")]
    [InlineData("Stella Kim, Jennifer Jett", null, "Stella Kim|Jennifer Jett")]
    [InlineData("Daniel Brooks, Global Wire Service", null, "Daniel Brooks")]
    [InlineData("Staff", null, "")]
    [InlineData("By Staff Reporter", null, "")]
    [InlineData("The Northern Ledger", "The Northern Ledger", "")]
    [InlineData("https://www.example.com/authors/jane-roe", null, "")]
    [InlineData("Bradley M. Kuhn (http://ebb.org/bkuhn/)", null, "Bradley M. Kuhn")]
    [InlineData("Rob Ewaschuk Edited by Betsy Beyer", null, "Rob Ewaschuk")]
    [InlineData("Martin Untersinger (avec Damien Leloup et Morgane Tual)", null, "Martin Untersinger|Damien Leloup|Morgane Tual")]
    [InlineData("Par Sébastien Farcis", null, "Sébastien Farcis")]
    [InlineData("Erstellt von Katrin Vogel", null, "Katrin Vogel")]
    [InlineData("Auteur: Sébastien Farcis", null, "Sébastien Farcis")]
    [InlineData("Post author By Jane Roe", null, "Jane Roe")]
    [InlineData("Katrin Vogel am", null, "Katrin Vogel")]
    [InlineData("Katrin Vogel Stand", null, "Katrin Vogel")]
    [InlineData("Publiziert am", null, "")]
    [InlineData("Por", null, "")]
    [InlineData("Samuel Amadou", null, "Samuel Amadou")]
    [InlineData("@janeroe", null, "")]
    [InlineData("Games Editor", null, "")]
    [InlineData("Ben Silverman Editor", null, "Ben Silverman")]
    [InlineData("Donnerstag", null, "")]
    [InlineData("By Jane Roe in Kyiv", null, "Jane Roe")]
    public void Bylines_become_names(string byline, string? site, string expected)
    {
        var names = new AuthorNormalizer(Tables.AuthorRules).Split(byline, site);
        Assert.Equal(expected, string.Join("|", names));
    }

    [Theory]
    [InlineData("2019-04-26T10:05:00+09:00", "2019-04-26T10:05:00+09:00")]
    [InlineData("2019-04-26T01:05:00Z", "2019-04-26T01:05:00Z")]
    [InlineData("2019-04-26 10:05:00", "2019-04-26T10:05:00")]
    [InlineData("2019-04-26", "2019-04-26")]
    [InlineData("2019-04", "2019-04")]
    [InlineData("2019/4/26", "2019-04-26")]
    [InlineData("Fri, 26 Apr 2019 10:05:00 GMT", "2019-04-26T10:05:00Z")]
    [InlineData("1970-01-01", null)]
    [InlineData("2:33 PM", null)]
    [InlineData("14:33", null)]
    [InlineData("not a date", null)]
    public void Machine_dates_keep_their_precision(string value, string? expected)
    {
        bool ok = DateParser.TryParseMachine(value, out var date);
        Assert.Equal(expected is not null, ok);
        if (ok) Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData("By Jane Roe April 26, 2019", "2019-04-26", "None")]
    [InlineData("Published 26 April 2019, 10:05", "2019-04-26", "Published")]
    [InlineData("Veröffentlicht am 14. Juni 2022", "2022-06-14", "Published")]
    [InlineData("Stand: 26.04.2019", "2019-04-26", "Modified")]
    [InlineData("Updated: Apr. 27, 2019", "2019-04-27", "Modified")]
    [InlineData("Last update: April 30, 2019 09:12", "2019-04-30", "Chrome")]
    [InlineData("© 2019 Newsroom", null, null)]
    [InlineData("publié le 3 mars 2021", "2021-03-03", "Published")]
    [InlineData("12 de mayo de 2022", "2022-05-12", "None")]
    [InlineData("04/26/2019", "2019-04-26", "None")]
    [InlineData("in March 2020 the council", "2020-03", "None")]
    public void Dates_in_text_are_found_with_their_cue(string text, string? expected, string? cue)
    {
        var found = new DateParser(Tables.DateWords).FindAll(text);
        if (expected is null)
        {
            Assert.Empty(found);
            return;
        }
        Assert.NotEmpty(found);
        Assert.Equal(expected, found[0].Date.ToString());
        Assert.Equal(cue, found[0].Cue.ToString());
    }

    [Theory]
    [InlineData("https://example.com/world/2019/04/26/kim-putin", "2019-04-26")]
    [InlineData("https://example.com/2019-04-26-kim-putin.html", "2019-04-26")]
    [InlineData("https://example.com/news/20190426/kim", "2019-04-26")]
    [InlineData("https://example.com/2019/04/kim-putin", "2019-04")]
    [InlineData("https://example.com/story/12345678", null)]
    public void Urls_give_dates(string url, string? expected)
    {
        bool ok = DateParser.TryParseUrl(url, out var d);
        Assert.Equal(expected is not null, ok);
        if (ok) Assert.Equal(expected, d.ToString());
    }

    [Fact]
    public void Published_and_modified_are_different_fields_and_chrome_dates_are_never_taken()
    {
        var html = """
            <html><head><title>Bridge reopens | Coastline Daily</title>
            <meta property="article:published_time" content="2024-03-04T08:00:00+01:00">
            <meta property="article:modified_time" content="2024-03-05T09:30:00+01:00"></head>
            <body><article><h1>Bridge reopens</h1>
            <p>The harbour bridge reopened to traffic on Monday after eight months of repairs, the council said on Monday.</p>
            <p>Engineers replaced 140 steel cables and resurfaced the deck, at a cost of about 42 million dollars.</p></article>
            <div class="comments"><p class="comment-date">2024-03-06</p><p>Great news, at last, we can drive again over it!</p></div>
            <footer>Last update: 2025-01-01 · © 2025 Coastline Daily</footer></body></html>
            """;
        var a = ExtractionHarness.Html(html).Article!;
        Assert.Equal("2024-03-04T08:00:00+01:00", a.Published.ToString());
        Assert.Equal("2024-03-05T09:30:00+01:00", a.Modified.ToString());
        Assert.Equal("meta:article:published_time", a.Provenance["published"]);
    }

    [Fact]
    public void A_date_after_the_fetch_is_refused()
    {
        var html = """
            <html><head><meta property="article:published_time" content="2031-05-01T08:00:00Z"></head>
            <body><article><p>The harbour bridge reopened to traffic on Monday after eight months of repairs, the council said.</p>
            <p>Engineers replaced 140 steel cables and resurfaced the deck, at a cost of about 42 million dollars.</p></article></body></html>
            """;
        var a = ExtractionHarness.Html(html, url: "https://example.com/2024/03/04/bridge").Article!;
        Assert.Equal("2024-03-04", a.Published.ToString());
        Assert.Equal("url", a.Provenance["published"]);
    }

    [Fact]
    public void Json_ld_overrides_meta_tags_and_says_so()
    {
        var html = """
            <html><head><meta name="author" content="Meta Person"><meta property="og:title" content="Meta title">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"JSON-LD title","author":{"@type":"Person","name":"Ld Person"},"datePublished":"2020-02-02"}</script></head>
            <body><article><p>Some text of the article that is long enough to count as a paragraph of the story, with commas, yes.</p></article></body></html>
            """;
        var a = ExtractionHarness.Html(html).Article!;
        Assert.Equal("JSON-LD title", a.Title);
        Assert.Equal(["Ld Person"], a.Authors);
        Assert.Equal("jsonld:author", a.Provenance["authors"]);
        Assert.Equal("jsonld:datePublished", a.Provenance["published"]);
    }

    [Fact]
    public void A_dateline_stamp_between_the_headline_and_the_first_paragraph_dates_the_story()
    {
        // The container holds the headline, a bare date stamp (left out of the text) and the
        // story: the stamp sits inside the body's range, before its first paragraph.
        var html = """
            <html><head><title>Bridge reopens</title></head><body><div class="page"><div class="box">
            <h2>Bridge reopens</h2><p>12.03.2022</p>
            <p>The harbour bridge reopened to traffic on Monday after eight months of repairs, the council said in a statement.</p>
            <p>Engineers replaced 140 steel cables and resurfaced the deck, at a cost of about 42 million dollars, the statement added.</p>
            <p>Commuters had used a ferry and a long detour through the hills, adding about forty minutes to each trip.</p>
            </div></div></body></html>
            """;
        var a = ExtractionHarness.Html(html).Article!;
        Assert.DoesNotContain("12.03.2022", a.Text);
        Assert.Equal("2022-03-12", a.Published?.ToString());
    }

    [Fact]
    public void An_abbr_title_carries_the_microdata_date()
    {
        var html = """
            <html><body><article><h1>Meta-programming in Emacs</h1>
            <p>Some text of the article that is long enough to count as a paragraph of the story, with commas, yes.</p>
            <p>More text of the article that is long enough to count as a paragraph of the story, with commas.</p>
            <span class="post-timestamp"><a href="/x" rel="bookmark"><abbr class="published" itemprop="datePublished" title="2019-10-16T14:33:00-07:00">2:33 PM</abbr></a></span>
            </article></body></html>
            """;
        var a = ExtractionHarness.Html(html).Article!;
        Assert.Equal("2019-10-16T14:33:00-07:00", a.Published.ToString());
    }

    [Fact]
    public void A_json_ld_headline_needs_only_one_shared_word_with_an_og_title_when_the_page_has_no_title()
    {
        var html = """
            <html><head><title></title><meta property="og:title" content="If You Can Picture A Tarot Card, It's Because of These 3 People">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"The Deck of Cards That Made Tarot A Global Phenomenon"}</script></head>
            <body><article><p>Some text of the article that is long enough to count as a paragraph of the story, with commas, yes.</p></article></body></html>
            """;
        Assert.Equal("The Deck of Cards That Made Tarot A Global Phenomenon", ExtractionHarness.Html(html).Article!.Title);
    }
}
