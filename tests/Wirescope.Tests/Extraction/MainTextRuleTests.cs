using Xunit;

namespace Wirescope.Tests.Extraction;

/// <summary>Rules of the main-text cascade, each on a small page written for the rule.</summary>
public class MainTextRuleTests
{
    private const string P1 = "<p>The harbour bridge reopened to traffic on Monday after eight months of repairs, the council said in a statement.</p>";
    private const string P2 = "<p>Engineers replaced 140 steel cables and resurfaced the deck, at a cost of about 42 million dollars, the statement added.</p>";
    private const string P3 = "<p>Commuters had used a ferry and a long detour through the hills, adding about forty minutes to each trip.</p>";
    private const string Ferry = "<p>The ferry will keep a reduced timetable until the end of the month, when its summer season begins.</p>";

    private const string Body = $"<div class=\"article-body\">\n{P1}\n{P2}\n{P3}\n</div>";

    /// <summary>A page whose article body holds the three story paragraphs, with markup added after the first or after the third.</summary>
    private static string Page(string afterFirst = "", string afterThird = "") =>
        $"<html><body><article><div class=\"article-body\">\n{P1}\n{afterFirst}\n{P2}\n{P3}\n{afterThird}\n</div></article></body></html>";

    [Theory]
    [InlineData("p", "standfirst")]
    [InlineData("p", "article__lead")]
    [InlineData("div", "entry-excerpt")]
    [InlineData("h2", "article-subtitle")]
    [InlineData("div", "story-teaser")]
    public void The_lead_in_the_article_header_joins_the_body(string tag, string cls)
    {
        var html = $"""
            <html><body><nav><a href="/">Home</a></nav><article><header><h1>Bridge reopens</h1>
            <{tag} class="{cls}">After eight months the city's main bridge carries cars again.</{tag}></header>
            {Body}</article></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.StartsWith("After eight months the city's main bridge carries cars again.", text);
        Assert.Contains("Commuters had used a ferry", text);
    }

    [Fact]
    public void The_lead_under_a_headline_several_wrappers_above_the_body_joins_it()
    {
        // The body sits seven wrappers below the story element that holds the headline: past
        // the old four-level lead scope, inside the headline's scope.
        var html = $$"""
            <html><body><nav><a href="/">Home</a></nav><section><div class="story">
            <div class="hl"><h1>Bridge reopens</h1></div>
            <p class="excerpt">After eight months the city's main bridge carries cars again.</p>
            <div class="grid"><div class="col"><div class="wrap"><div class="inner"><div class="basic"><div class="text">
            {{Body}}
            </div></div></div></div></div></div></div></section></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.StartsWith("After eight months the city's main bridge carries cars again.", text);
        Assert.Contains("Commuters had used a ferry", text);
    }

    [Fact]
    public void The_lead_under_the_story_headline_joins_the_body_when_the_logo_is_an_h1_too()
    {
        // The site logo is the page's first h1; the story's own h1 and its teaser sit in a
        // header beside the article element, outside the article-level lead scope.
        var html = $$"""
            <html><head><title>Bridge reopens - City Courier</title></head><body><div class="top"><h1><a href="/">City Courier</a></h1></div>
            <main><header><h1>Bridge reopens</h1>
            <div class="article-teaser"><p>After eight months the city's main bridge carries cars again.</p></div></header>
            <article><div class="text">{{Body}}</div></article></main></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.StartsWith("After eight months the city's main bridge carries cars again.", text);
        Assert.Contains("Commuters had used a ferry", text);
    }

    [Fact]
    public void A_story_split_over_deeply_wrapped_text_elements_is_taken_whole()
    {
        // A page builder wraps each text element eight levels deep under the story: the first
        // element wins on paragraph evidence, widening must reach their shared ancestor.
        static string Wrapped(string inner) =>
            $"<div class=\"ce\"><div class=\"container\"><div class=\"row\"><div class=\"col\"><div class=\"textpic\"><div class=\"split\"><div class=\"fliess\"><div>{inner}</div></div></div></div></div></div></div></div>";
        var html = $$"""
            <html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="detail">
            {{Wrapped(P1 + P2)}}
            {{Wrapped(P3)}}
            {{Wrapped(Ferry)}}
            </div><footer><p>Contact the harbour office for timetables.</p></footer></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Contains("The harbour bridge reopened", text);
        Assert.Contains("Commuters had used a ferry", text);
        Assert.Contains("reduced timetable", text);
    }

    [Theory]
    [InlineData("<h2 class=\"entry-title\">Bridge reopens after eight months</h2>", true)]
    [InlineData("<h2 class=\"entry-title\">Ferry timetables for the summer</h2>", false)]
    public void The_dek_under_an_h2_headline_naming_the_page_title_joins_the_body(string heading, bool dek)
    {
        // The only h1 is in the breadcrumb; the theme sets the story's headline as an h2. It
        // is the headline because the page's title names it, and the dek under it is the story's.
        var html = $$"""
            <html><head><title>Bridge reopens after eight months | City Courier</title></head><body>
            <div class="breadcrumb"><h1><a href="/">City Courier</a> » News</h1></div>
            <main><header>{{heading}}
            <p>After eight months of repairs, the city's main bridge carries cars again and the ferry goes back to tourists.</p></header>
            <article><div class="entry-content">{{Body}}</div></article></main></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Equal(dek, text.StartsWith("After eight months of repairs"));
        Assert.Contains("Commuters had used a ferry", text);
    }

    [Theory]
    [InlineData("The council says the bridge will need no more repairs for twenty years.", true)]
    [InlineData("More from the harbour desk", false)]
    public void A_last_heading_that_is_a_sentence_stays_but_a_box_title_goes(string heading, bool kept)
    {
        var html = Page(afterThird: $"<h4>{heading}</h4>");
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Equal(kept, text.Contains(heading));
    }

    [Theory]
    [InlineData("article commentary", true)]
    [InlineData("comment-list", false)]
    [InlineData("article-comments", false)]
    public void A_commentary_is_an_opinion_piece_not_reader_comments(string cls, bool story)
    {
        var verdict = Wirescope.Extraction.ExtractionTables.Default.ClassWords.Evaluate(cls);
        Assert.Equal(story, !verdict.Drop);
    }

    [Theory]
    [InlineData("<div class=\"ad-slot\"><p>Advertisement</p></div>", true)]
    [InlineData("<h2><a href=\"/ferry\">Ferry crews move north for the summer</a></h2>", false)]
    public void A_story_split_into_wrappers_of_one_class_is_joined_unless_a_headline_parts_them(string between, bool joined)
    {
        // The story's text comes in two "story-text" wrappers several levels apart (a layout
        // row each), parted by an ad; a headline between them starts another story.
        const string Rest = "<p>The ferry will keep a reduced timetable until the end of the month, when its summer season begins and the boats return to the islands for tourists and their bicycles.</p>";
        const string Last = "<p>The council expects the bridge to need no major repairs for twenty years, the statement said, and tolls will stay at their old level until the spring.</p>";
        var links = string.Concat(Enumerable.Range(1, 30).Select(i => $"<a href=\"/s{i}\">Harbour story number {i}</a> "));
        var html = $$"""
            <html><body><main><h1>Bridge reopens</h1><div class="tools">{{links}}</div>
            <div class="row"><div class="col"><div class="inner"><div class="story-text">{{P1}}{{P2}}{{P3}}{{Rest}}</div></div></div></div>
            <div class="row wide"><div class="col">{{between}}</div></div>
            <div class="row"><div class="col"><div class="story-text">{{Last}}</div></div></div>
            </main></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Contains("Commuters had used a ferry", text);
        Assert.Equal(joined, text.Contains("no major repairs for twenty years"));
    }

    [Theory]
    [InlineData("div", "$900|billion|600|300|’17|’18|’28", false)]
    [InlineData("li", "2 eggs|100 g flour|1 cup milk|a pinch of salt|butter|sugar", true)]
    [InlineData("div", "玉峰道路一路上雲氣山嵐滯留山頭|順路下切蜿蜒道路後不久即抵達|美樹美如其名偌大楓香樹早已呈現金黃|第二次造訪美樹發現到營區變了|燻黑原木加上金黃色醒目字體|廣受歡迎的美樹營地有個很大特色", true)]
    public void A_run_of_bare_labels_is_a_widget_but_a_list_or_short_cjk_lines_are_not(string tag, string labels, bool kept)
    {
        // A chart's axis ticks or a player's settings come as six or more short blocks in a row.
        var items = string.Concat(labels.Split('|').Select(l => $"<{tag}>{l}</{tag}>"));
        var html = Page(afterFirst: tag == "li" ? $"<ul>{items}</ul>" : $"<div class=\"chart\">{items}</div>");
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Equal(kept, text.Contains(labels.Split('|')[1]));
        Assert.Contains("Commuters had used a ferry", text);
    }

    [Theory]
    [InlineData("Jane Roe is a transport reporter at the City Courier and lives by the harbour.", false)]
    [InlineData("Jane Roe ist Redakteurin beim City Courier und wohnt am Hafen.", false)]
    [InlineData("Jane Roe, the mayor, said the bridge would stay open all winter long.", true)]
    [InlineData("The mayor is pleased, Jane Roe was told, and the bridge stays open.", true)]
    public void The_authors_bio_under_the_story_leaves_the_body(string last, bool kept)
    {
        var html = $$"""
            <html><head><meta name="author" content="Jane Roe"></head><body><article><h1>Bridge reopens</h1>
            <div class="article-body">{{P1}}{{P2}}{{P3}}<p>{{last}}</p></div></article></body></html>
            """;
        var a = ExtractionHarness.Html(html).Article!;
        Assert.Contains("Jane Roe", a.Authors);
        Assert.Equal(kept, a.Text.Contains(last));
        Assert.Contains("Commuters had used a ferry", a.Text);
    }

    [Theory]
    [InlineData("Tolls stay at their old level and the ferry returns to the tourists for the summer season", true)]
    [InlineData("Harbour office opening hours and the ferry timetable for the summer season on the islands", false)]
    public void An_unpunctuated_paragraph_after_the_headline_is_the_dek_when_it_is_the_page_description(string dek, bool joined)
    {
        var html = $$"""
            <html><head><meta property="og:description" content="Tolls stay at their old level and the ferry returns to the tourists for the summer season"></head>
            <body><article><header><h1>Bridge reopens</h1><p>{{dek}}</p></header>
            <div class="text">{{Body}}</div></article></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Equal(joined, text.StartsWith(dek));
        Assert.Contains("Commuters had used a ferry", text);
    }

    [Fact]
    public void A_paragraph_far_above_the_story_that_is_the_page_description_is_its_lead()
    {
        // The theme puts the standfirst in a hero banner, outside the story's element and
        // without a lead class; the page's description names it.
        const string Dek = "After eight months of repairs the harbour bridge carries cars again, and the ferry goes back to tourists.";
        var html = $$"""
            <html><head><meta name="description" content="{{Dek}}"></head><body>
            <div class="hero"><div class="inner"><p>{{Dek}}</p></div></div>
            <div class="page"><div class="grid"><article><div class="text">{{Body}}</div></article></div></div></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.StartsWith(Dek, text);
        Assert.Contains("Commuters had used a ferry", text);
    }

    [Fact]
    public void A_lead_before_a_site_logo_headline_far_from_the_body_stays_out()
    {
        // The h1 is the site's logo in the page header: it shares only the page wrapper with
        // the story, so the teaser in the header is not the story's lead.
        var html = $$"""
            <html><body><div class="page"><div class="top"><h1>City Courier</h1>
            <p class="teaser">Ferry operators count their losses as the bridge reopens to cars.</p></div>
            <div class="a"><div class="b"><div class="c"><div class="d"><div class="e"><div class="f"><div class="g"><div class="h">
            {{Body}}
            </div></div></div></div></div></div></div></div></div></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.DoesNotContain("Ferry operators", text);
        Assert.Contains("Commuters had used a ferry", text);
    }

    [Theory]
    [InlineData("h2", "Fazit", true)]
    [InlineData("h3", "Notes", true)]
    [InlineData("p", "Embed", false)]
    [InlineData("li", "Auto", false)]
    public void A_short_word_stays_as_a_heading_and_leaves_as_a_control_label(string tag, string word, bool kept)
    {
        var html = $$"""
            <html><body><article><h1>Bridge reopens</h1><div class="article-body">
            {{P1}}
            {{P2}}
            <{{tag}}>{{word}}</{{tag}}>
            {{P3}}
            </div></article></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Equal(kept, text.Contains(word));
        Assert.Contains("Commuters had used a ferry", text);
    }

    [Theory]
    [InlineData("<h3 id=\"nav_ferries_go_back__1\" class=\"subheading\">Ferries go back to tourists</h3>", true)]
    [InlineData("<h3 id=\"sharing-the-harbour\">Ferries go back to tourists</h3>", true)]
    [InlineData("<h3 class=\"share-title\">Ferries go back to tourists</h3>", false)]
    public void A_subheading_anchor_id_made_from_its_words_is_no_chrome_but_its_class_is(string heading, bool kept)
    {
        var html = Page(afterFirst: heading);
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Equal(kept, text.Contains("Ferries go back to tourists"));
        Assert.Contains("Commuters had used a ferry", text);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("<p>Read more</p>", false)]
    public void A_linked_subheading_stays_when_the_section_prose_follows_the_story_prose(string label, bool kept)
    {
        var html = $$"""
            <html><body><article><h1>The best ferries of the year</h1><div class="article-body">
            {{P1}}
            {{P2}}
            {{P3}}
            {{label}}
            <h3><a href="/ferries/island-queen">Island Queen ($12)</a></h3>
            <p>The oldest boat on the harbour still runs every hour, and its open upper deck gives the best view of the new cables, the repainted towers and the hills behind the city on a clear morning.</p>
            </div></article></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Equal(kept, text.Contains("Island Queen ($12)"));
        Assert.Contains("The oldest boat on the harbour", text);
    }

    [Theory]
    [InlineData("After eight months of repairs and detours, the city's main bridge carries cars and lorries again.", true)]
    [InlineData("Eight months of repairs", false)]
    [InlineData("Nach acht Monaten Reparatur fahren wieder Autos über die Hafenbrücke und die Fähre kehrt zurück", true)]
    public void An_unclassed_sentence_long_subheadline_after_the_headline_is_the_dek(string subheadline, bool dek)
    {
        var html = $$"""
            <html><body><article><hgroup><h1>Bridge reopens</h1><h2>{{subheadline}}</h2></hgroup>
            <p class="meta">By Jane Roe</p>
            <div class="text">{{Body}}
            <p>The ferry will keep a reduced timetable until the end of the month, when its summer season begins on the island routes.</p>
            <p>Council officers said the next inspection of the cables is due in three years, and that tolls will stay at their present level.</p>
            <p>Shops on both ends of the bridge said trade had fallen by a third during the works and hoped customers would now come back.</p>
            </div></article></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Equal(dek, text.StartsWith(subheadline));
        Assert.Contains("Commuters had used a ferry", text);
    }

    [Fact]
    public void A_lead_block_holding_the_headline_is_not_taken_whole()
    {
        var html = $"""
            <html><body><article><div class="article-lede"><h1>Bridge reopens</h1>
            <p class="byline">By Jane Roe and the city desk, with reporting from the harbour</p>
            <h2 class="dek">After eight months the city's main bridge carries cars again.</h2></div>
            {Body}</article></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.StartsWith("After eight months", text);
        Assert.DoesNotContain("Jane Roe", text);
    }

    [Fact]
    public void A_linked_teaser_of_another_story_before_the_article_stays_out()
    {
        var html = $"""
            <html><body><main>
            <div class="teaser"><p><a href="/ferry">Ferry operators count their losses as the bridge reopens to cars and lorries.</a></p></div>
            <article>{Body}</article></main></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.DoesNotContain("Ferry operators", text);
    }

    [Theory]
    [InlineData("p", "wp-caption-text")]
    [InlineData("div", "media-caption")]
    [InlineData("span", "photo-credit")]
    [InlineData("div", "bildunterschrift")]
    public void A_classed_caption_goes_to_the_captions(string tag, string cls)
    {
        var html = Page(afterFirst: $"<div class=\"image\"><{tag} class=\"{cls}\">Cars cross the harbour bridge on Monday morning.</{tag}></div>");
        var a = ExtractionHarness.Html(html).Article!;
        Assert.DoesNotContain("Cars cross", a.Text);
        Assert.Contains(a.Captions, c => c.Text.Contains("Cars cross the harbour bridge"));
    }

    [Fact]
    public void An_unclassed_dek_between_headline_and_body_joins_it_but_the_byline_does_not()
    {
        var html = $"""
            <html><body><article><header><h1 class="css-x1">Bridge reopens</h1>
            <p class="css-z6dj7x">After eight months of repairs, the city's main bridge carries cars again, and the ferry goes back to tourists.</p>
            <p class="css-q2">By Jane Roe and Mikhail Orlov, with reporting by the city desk</p>
            <div class="css-k"><a href="/harbour">Harbour news and ferry timetables</a> <a href="/city">City council live coverage and minutes</a>
            <a href="/traffic">Traffic and roadworks across the region this week</a> <a href="/weather">Weather warnings for the coast</a>
            <a href="/sport">Sport results from the weekend league matches</a> <a href="/culture">Culture, theatre and concerts in the old town</a>
            <a href="/business">Business news from the port and shipyards</a> <a href="/opinion">Opinion columns and letters to the editor</a></div></header>
            {Body}</article></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.StartsWith("After eight months of repairs", text);
        Assert.DoesNotContain("Jane Roe", text);
    }

    [Fact]
    public void A_sidebar_longer_than_the_story_is_still_chrome_when_the_headline_is_elsewhere()
    {
        var item = "<li><p>Live: the ferry operator says its crews will be moved to the northern routes from next month, a spokesman confirmed.</p></li>";
        var story = string.Concat(Enumerable.Repeat("<p>The harbour bridge reopened to traffic on Monday after eight months of repairs, the council said in a statement on its website.</p>", 9));
        var html = $"""
            <html><body><div class="page"><div class="story"><h1>Bridge reopens</h1>{story}</div>
            <div class="sidebar live"><ul>{string.Concat(Enumerable.Repeat(item, 20))}</ul></div></div></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Contains("The harbour bridge reopened", text);
        Assert.DoesNotContain("ferry operator", text);
    }

    [Theory]
    [InlineData("Aktualisiert: 11.04.2020, 10:27", false)]
    [InlineData("Updated: April 11, 2020", false)]
    [InlineData("Published: 10:00am, 20 Jan, 2020", false)]
    [InlineData("Your email address will not be published.", false)]
    [InlineData("Never miss the latest news by signing up to our newsletter today!", false)]
    [InlineData("Updated rules: the council voted on 11 April 2020.", true)]
    [InlineData("Quelle: Landesregierung", false)]
    [InlineData("Source: Harbour authority", false)]
    [InlineData("Sources close to the council said the vote was close.", true)]
    [InlineData("Aktualisiert am", false)]
    [InlineData("4 min read", false)]
    [InlineData("Anzeige, enthält Affiliate Links", false)]
    [InlineData("This post contains references to products from one or more of our advertisers.", false)]
    public void Stamps_and_asks_inside_the_body_are_left_out(string line, bool kept)
    {
        var html = Page(afterFirst: $"<p>{line}</p>");
        Assert.Equal(kept, ExtractionHarness.Html(html).Article!.Text.Contains(line));
    }

    [Fact]
    public void A_story_inside_an_aside_with_the_headline_is_still_found()
    {
        var html = $"""
            <html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <main><aside class="direct-content"><section><h1>Bridge reopens</h1>{Body}</section></aside></main>
            <aside class="sidebar"><p>Most read: ferry timetables for the summer season and the new harbour car park.</p></aside></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Contains("The harbour bridge reopened", text);
        Assert.DoesNotContain("Most read", text);
    }

    [Theory]
    [InlineData("Bridge reopens after eight months", false)]
    [InlineData("City transport: Bridge reopens after eight months", false)]
    [InlineData("Engineers replaced 140 steel cables", true)]
    public void The_headline_repeated_as_the_first_heading_leaves_the_body(string heading, bool kept)
    {
        var html = $"""
            <html><head><meta property="og:title" content="Bridge reopens after eight months"></head>
            <body><article>{Body.Replace("<div class=\"article-body\">", $"<div class=\"article-body\"><h2>{heading}</h2>")}</article></body></html>
            """;
        Assert.Equal(kept, ExtractionHarness.Html(html).Article!.Text.StartsWith(heading));
    }

    [Fact]
    public void The_rest_of_the_story_behind_a_read_more_expander_stays_but_read_more_links_go()
    {
        var html = $"""
            <html><body><div id="story"><div class="story-body">
            {P1}
            {P2}
            <div id="read-more"><div id="read-more-content">
            {P3}
            {Ferry}
            </div></div>
            <div class="read-more"><a href="/ferry">Read more: ferry operators count their losses</a></div>
            </div></div></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Contains("The ferry will keep a reduced timetable", text);
        Assert.DoesNotContain("ferry operators count", text);
    }

    [Theory]
    [InlineData("Related: Ferry crews move north", true)]
    [InlineData("Related stories", false)]
    [InlineData("Partager", true)]
    [InlineData("Share this article", true)]
    [InlineData("Teilen mit:", true)]
    [InlineData("War der Artikel nützlich?", true)]
    [InlineData("Vous aimerez aussi", false)]
    [InlineData("Veja Também:", false)]
    [InlineData("Mehr Themen:", false)]
    [InlineData("Quellen ausblenden", true)]
    [InlineData("Externer Inhalt", true)]
    [InlineData("Wie bewerten Sie diesen Artikel?", true)]
    [InlineData("Zum Weiterlesen:", false)]
    [InlineData("NOTAS RELACIONADAS", false)]
    [InlineData("Explore further", false)]
    [InlineData("Empfehlungen aus dem Shop", false)]
    public void An_inline_related_link_or_share_button_does_not_end_the_body_but_a_related_heading_does(string line, bool continues)
    {
        var html = Page(afterThird: $"<p>{line}</p>" + Ferry);
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Equal(continues, text.Contains("reduced timetable"));
        if (!line.StartsWith("Related:")) Assert.DoesNotContain(line, text); // a related link's words may stay
    }

    [Theory]
    [InlineData("Auch interessant", true)]
    [InlineData("Related stories", true)]
    [InlineData("Comments", false)]
    [InlineData("About the author", false)]
    public void A_related_box_inside_the_story_is_skipped_but_comments_end_it(string label, bool continues)
    {
        // The box's label sits between the story's paragraphs, and a whole paragraph of the
        // story (same parent element, a full sentence) follows its links.
        const string Rest = "<p>The ferry will keep a reduced timetable until the end of the month, when its summer season begins and the boats return to the islands for tourists and their bicycles.</p>";
        var box = $"<h4>{label}</h4><ul><li><a href=\"/a\">Ferry crews move north for the summer</a></li><li><a href=\"/b\">Tolls on the bridge</a></li></ul>";
        var html = Page(afterThird: box + Rest);
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Equal(continues, text.Contains("reduced timetable until the end of the month"));
        Assert.DoesNotContain(label, text);
        Assert.DoesNotContain("Ferry crews move north", text);
    }

    [Fact]
    public void A_related_label_after_only_the_story_header_does_not_end_the_body()
    {
        // The container holds the header (headline, a long dek, a photo line), then a topic
        // box, then the story in its own wrapper: what came before the label was not the story.
        const string Long = "The harbour bridge reopened to traffic on Monday after eight months of repairs, the council said in a statement, and the first buses crossed it at six in the morning.";
        var html = $$"""
            <html><body><div class="story"><h2>Bridge reopens</h2>
            <p>After eight months of repairs the city's main bridge carries cars again, and the ferry that replaced it goes back to the tourists who use it in the summer.</p>
            <p>Engineers at work on the deck of the harbour bridge in January, when the last of the 140 steel cables was replaced by a crew from the north.</p>
            <p>More on this topic:</p><p><a href="/traffic">Traffic</a> <a href="/harbour">Harbour</a></p>
            <div class="text"><p>{{Long}}</p><p>{{Long.Replace("Monday", "Tuesday")}}</p><p>{{Long.Replace("Monday", "Wednesday")}}</p><p>{{Long.Replace("Monday", "Thursday")}}</p><p>{{Long.Replace("Monday", "Friday")}}</p></div>
            </div></body></html>
            """;
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Contains("first buses crossed it", text);
        Assert.DoesNotContain("More on this topic", text);
    }

    [Theory]
    [InlineData("<a href=\"/comments\">Comments (5 posted)</a>", true)]
    [InlineData("Comments (5)", false)]
    public void A_stop_phrase_as_a_link_does_not_end_the_body(string line, bool continues)
    {
        var html = Page(afterThird: $"<p>{line}</p>" + Ferry);
        var text = ExtractionHarness.Html(html).Article!.Text;
        Assert.Equal(continues, text.Contains("reduced timetable"));
        Assert.DoesNotContain("Comments (5", text);
    }

    [Theory]
    [InlineData("Foto: dpa", true)]
    [InlineData("Titelbild: Geyres Christophe/ABACA/picture-alliance", true)]
    [InlineData("(Credit: Clayton Aldern / Grist)", true)]
    [InlineData("Photograph by Ed Marshall", true)]
    [InlineData("Photographs of the old bridge hang in the council hall.", false)]
    public void A_credit_line_written_as_a_paragraph_goes_to_the_captions(string line, bool credit)
    {
        var html = Page(afterFirst: $"<p>{line}</p>");
        var a = ExtractionHarness.Html(html).Article!;
        Assert.Equal(!credit, a.Text.Contains(line));
        Assert.Equal(credit, a.Captions.Any(c => (c.Text + " " + c.Credit).Contains(line.Trim('(', ')').Split(':', ' ')[^1])));
    }

    [Theory]
    [InlineData("author-info")]
    [InlineData("TestReport__AuthorBox")]
    [InlineData("cbx-Author_InfoContainer")]
    [InlineData("vc_cta3-content")]
    public void An_author_box_or_call_to_action_under_the_story_stays_out(string cls)
    {
        var html = $"""
            <html><body><article>{Body}
            <div class="{cls}"><p>Jane Roe has covered the harbour and its ferries for the paper since 2009, and lives in the old town.</p></div>
            </article></body></html>
            """;
        Assert.DoesNotContain("Jane Roe has covered", ExtractionHarness.Html(html).Article!.Text);
    }
}
