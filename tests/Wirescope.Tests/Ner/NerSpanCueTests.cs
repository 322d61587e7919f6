using Wirescope.Language.Ner;
using Wirescope.Tables;
using Xunit;

namespace Wirescope.Tests.Ner;

/// <summary>
/// The span cues of <c>ner/span_cues.tsv</c> (NerSpanCues), one or more cases per row. The
/// "model" spans are set by hand to the mistakes the model makes (a zero-weight model finds
/// nothing; NerConsistencyTests.Run), so each case tests the cue alone, and the
/// negative cases show what a cue must leave standing. Sentences written by the team.
/// </summary>
public class NerSpanCueTests
{
    // A lower-case lexicon in which the words of portfolios are common (band 2), as they are in
    // the shipped model's lexicon; names and "akin" are not.
    private static readonly NerAnnotator WithLexicon = new(
        NerConsistencyTests.ZeroModel(NerLexicon.Build(Enumerable.Repeat(
            new[] { "health", "disaster", "management", "foreign", "affairs", "education", "engineering", "finance" }, 10))),
        DateMoneyRules.Shared);

    private static Wirescope.Documents.Document Run(string text, params string[] modelSpans) =>
        NerConsistencyTests.Run(WithLexicon, text, modelSpans);

    private static string Tags(Wirescope.Documents.Document doc) =>
        string.Join(" ", Enumerable.Range(0, doc.Tokens.Count).Select(i => doc.Tokens[i].Ner));

    // Row "storm": a storm's name after its prefix is an EVENT, and so is the bare name later.
    [Fact]
    public void A_storm_named_after_its_prefix_is_an_event_and_so_is_its_bare_name()
    {
        //             0       1    2    3        4    5     6 7   8    9    10    11     12
        var doc = Run("Cyclone Idai made landfall near Beira , and Idai then moved inland .",
            "0:2:PERSON", "5:1:GPE", "8:1:PERSON");
        Assert.Equal("B-EVENT I-EVENT O O O B-GPE O O B-EVENT O O O O", Tags(doc));
        // One entity: the bare name is a mention of the storm.
        var storm = Assert.Single(doc.Entities, e => e.Type == "EVENT");
        Assert.Equal("ner.cue.storm", storm.Rule);
        Assert.Equal(["Cyclone Idai", "Idai"], storm.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void A_storm_prefix_finds_an_untagged_storm_and_its_later_mentions()
    {
        //             0        1     2       3        4    5 6     7       8    9
        var doc = Run("Super Typhoon Haiyan hit Tacloban . Haiyan killed thousands .", "4:1:GPE");
        Assert.Equal("B-EVENT I-EVENT I-EVENT O B-GPE O B-EVENT O O O", Tags(doc));
    }

    [Fact]
    public void A_longer_name_opening_with_a_storm_word_is_left_alone()
    {
        //             0         1      2      3    4    5    6     7
        var doc = Run("Hurricane Relief Fund paid out more money .", "0:3:ORG");
        Assert.Equal("B-ORG I-ORG I-ORG O O O O O", Tags(doc));
    }

    // Row "office": a role word before "of/for" names an office.
    [Fact]
    public void An_office_named_by_a_role_and_of_or_for_is_not_a_person()
    {
        //             0   1        2   3       4       5   6   7    8  9           10
        var doc = Run("The Minister for Foreign Affairs met the Dean of Engineering .",
            "1:4:PERSON", "7:1:PERSON", "9:1:PERSON");
        Assert.DoesNotContain("PERSON", Tags(doc));
    }

    [Fact]
    public void A_known_first_name_inside_an_office_phrase_starts_the_person()
    {
        //             0        1   2      3     4     5    6      7    8
        var doc = Run("Minister for Health Aisha Bello opened the clinic .", "0:5:PERSON");
        Assert.Equal("O O O B-PERSON I-PERSON O O O O", Tags(doc));
    }

    [Fact]
    public void A_name_after_an_office_of_common_words_stays_a_person()
    {
        //             0     1        2   3        4          5      6      7    8
        var doc = Run("State Minister for Disaster Management Enamur Rahman said so .", "5:2:PERSON");
        Assert.Equal("O O O O O B-PERSON I-PERSON O O O", Tags(doc));
        //             0            1   2      3    4       5    6
        doc = Run("Commissioner for Health Akin Abayomi said so .", "2:3:PERSON");
        Assert.Equal("O O O B-PERSON I-PERSON O O O", Tags(doc));
    }

    [Fact]
    public void A_portfolio_of_common_words_is_no_organisation_but_a_named_body_after_of_stays()
    {
        //             0     1         2   3      4        5       6
        var doc = Run("Cabinet Secretary for Health visited Kisumu .", "3:1:ORG", "5:1:GPE");
        Assert.Equal("O O O O O B-GPE O", Tags(doc));
        //             0        1  2     3    4
        doc = Run("Chairman of Tesla resigned .", "2:1:ORG");
        Assert.Equal("O O B-ORG O O", Tags(doc));
    }

    // Rows "mountain" and "landform": a place word opening or ending a "person" makes it a place.
    [Fact]
    public void A_person_span_opened_or_ended_by_a_place_word_is_a_place()
    {
        //             0     1        2          3       4     5 6   7    8    9     10
        var doc = Run("Mount Lewotobi Laki-laki erupted again , and Lake Toba stayed calm .", "0:3:PERSON", "7:2:PERSON");
        Assert.Equal("B-LOC I-LOC I-LOC O O O O B-LOC I-LOC O O O", Tags(doc));
        //             0        1        2   3    4     5   6   7     8      9
        doc = Run("Rescuers searched the Tana River and the Kerio Valley .", "3:2:PERSON", "7:2:PERSON");
        Assert.Equal("O O O B-LOC I-LOC O O B-LOC I-LOC O", Tags(doc));
        //             0    1    2     3     4
        doc = Run("Ricki Lake said hello .", "0:2:PERSON");
        Assert.Equal("B-PERSON I-PERSON O O O", Tags(doc));
    }

    // Row "institution": Malay, Arabic, Urdu institution words opening a "person".
    [Fact]
    public void A_person_span_opened_by_an_institution_word_is_an_organisation()
    {
        //             0   1     2      3      4   5    6 7   8      9      10     11       12 13
        var doc = Run("The Dewan Rakyat passed the bill , and Majlis Amanah Rakyat welcomed it .", "1:2:PERSON", "8:3:PERSON");
        Assert.Equal("O B-ORG I-ORG O O O O O B-ORG I-ORG I-ORG O O O", Tags(doc));
    }

    // Row "town": "residents of X", "the town of X".
    [Fact]
    public void The_word_after_residents_of_or_the_town_of_is_a_place()
    {
        //             0         1  2    3    4   5   6       7   8    9  10      11
        var doc = Run("Residents of Boru said ash had covered the town of Maumere .", "2:1:PERSON");
        Assert.Equal("O O B-GPE O O O O O O O B-GPE O", Tags(doc));
        // A name the tables know as something else stays with the model: here, nothing.
        //             0         1  2     3     4
        doc = Run("Residents of Ahmed spoke out .");
        Assert.Equal("O O O O O O", Tags(doc));
    }

    // Row "compass": "40 km north of Kabeero".
    [Fact]
    public void The_word_after_a_compass_direction_and_of_is_a_place_and_outvotes_the_models_guesses()
    {
        //             0    1   2     3    4 5   6    7  8  9     10 11   12 13        14 15     16
        var doc = Run("Kabeero has grown . The camp lies 40 km north of Kabeero . South of Obongi , roads closed .",
            "0:1:PERSON", "11:1:PERSON");
        // The cue's GPE outvotes the model's PERSON at the other mention, though that came first.
        Assert.Equal("B-GPE", doc.Tokens[11].Ner);
        Assert.Equal("B-GPE", doc.Tokens[0].Ner);
        Assert.Equal("B-GPE", doc.Tokens[15].Ner);
    }

    // Row "travel": "flew to Rangpur", "born in Randers".
    [Fact]
    public void The_word_after_flew_to_or_fled_to_is_a_place()
    {
        //             0   1        2    3  4       5 6   7        8    9  10     11
        var doc = Run("The minister flew to Rangpur , and refugees fled to Kakuma .", "4:1:PERSON");
        Assert.Equal("O O O O B-GPE O O O O O B-GPE O", Tags(doc));
    }

    // Row "org-heads": more head words for the boundary repairs' organisation runs.
    [Fact]
    public void A_capitalised_run_ending_in_an_extra_organisation_head_is_one_organisation()
    {
        //             0      1    2  3   4       5          6        7
        var doc = Run("Shares rose on the Nairobi Securities Exchange .", "4:1:GPE");
        Assert.Equal("O O O O B-ORG I-ORG I-ORG O", Tags(doc));
        // Without the cues the run stays the model's place.
        var plain = NerConsistencyTests.Run(new NerAnnotator(NerConsistencyTests.ZeroModel(), DateMoneyRules.Shared, spanCues: false),
            "Shares rose on the Nairobi Securities Exchange .", "4:1:GPE");
        Assert.Equal("O O O O B-GPE O O O", Tags(plain));
    }

    // Row "papers": a capitalised run ending in a newspaper's head word is the paper.
    [Fact]
    public void A_run_ending_in_a_newspaper_word_is_an_organisation()
    {
        //             0   1        2   3   4   5      6        7        8  9
        var doc = Run("The Edmonton Sun and the Manila Bulletin reported it .", "1:2:PERSON", "5:1:GPE");
        Assert.Equal("O B-ORG I-ORG O O B-ORG I-ORG O O O", Tags(doc));
    }

    // Row "org-heads" (ner6 words): "Alliance", "Power", ... end an organisation's run.
    [Fact]
    public void A_run_ending_in_alliance_or_power_is_an_organisation()
    {
        //             0   1     2       3        4    5  6
        var doc = Run("The Kenya Farmers Alliance said so .", "1:1:GPE");
        Assert.Equal("O B-ORG I-ORG I-ORG O O O", Tags(doc));
        //       0    1     2       3    4  5   6     7
        doc = Run("ACWA Power signed the deal in Riyadh .", "0:2:PERSON", "6:1:GPE");
        Assert.Equal("B-ORG I-ORG O O O O B-GPE O", Tags(doc));
    }

    // Row "company-opens": a company's or a station's word opening a "person".
    [Fact]
    public void A_person_opened_by_a_company_word_is_an_organisation()
    {
        //             0  1         2   3    4      5      6   7    8
        var doc = Run("PT Pertamina and Bank Rakyat signed the deal .", "0:2:PERSON", "3:2:PERSON");
        Assert.Equal("B-ORG I-ORG O B-ORG I-ORG O O O O", Tags(doc));
    }

    // Row "companies": company head words.
    [Fact]
    public void A_company_and_its_short_name_are_an_organisation_but_not_a_person_named_in_full()
    {
        //             0       1          2    3     4 5 6       7    8
        var doc = Run("Dangote Industries will build it , Dangote said .", "6:1:PERSON");
        Assert.Equal("B-ORG I-ORG O O O O B-ORG O O", Tags(doc));
        //       0    1      2    3    4 5     6    7    8  9
        doc = Run("Tata Motors grew fast , Ratan Tata said so .", "0:2:ORG", "5:2:PERSON");
        Assert.Equal("B-ORG I-ORG O O O B-PERSON I-PERSON O O O", Tags(doc));
    }

    // Row "body-kind": the noun naming a kind of body before a name the model read as a person.
    [Fact]
    public void A_person_after_a_kind_of_body_is_that_body()
    {
        //             0       1         2     3        4    5     6   7        8
        var doc = Run("Italian aerospace group Leonardo will build the aircraft .", "3:1:PERSON");
        Assert.Equal("B-ORG", doc.Tokens[3].Ner);
        Assert.Equal("ner.cue.body-kind", doc.Entities.Single(e => e.Name == "Leonardo").Rule);
        //       0   1    2        3        4   5   6        7 8     9
        doc = Run("The club Mamelodi Sundowns lost the final , and Sundowns fans left .", "2:2:PERSON", "9:1:PERSON");
        Assert.Equal("O O B-ORG I-ORG O O O O O B-ORG O O O", Tags(doc));
    }

    [Fact]
    public void Words_nothing_found_after_a_kind_of_body_are_that_body_but_not_a_weekday()
    {
        //             0  1      2     3        4      5    6    7
        var doc = Run("Up to 40 people died , the disaster agency AFAD said .");
        Assert.Equal("B-ORG", doc.Tokens[9].Ner);
        //       0   1       2       3    4       5
        doc = Run("The company Tuesday said profits rose .");
        Assert.Equal("B-DATE", doc.Tokens[2].Ner);
    }

    [Fact]
    public void A_person_after_a_kind_of_body_stays_a_person_when_the_article_names_them_in_full()
    {
        //             0    1    2    3   4       5    6       7
        var doc = Run("Elon Musk left the company Musk founded .", "0:2:PERSON", "5:1:PERSON");
        Assert.Equal("B-PERSON", doc.Tokens[5].Ner);
        //       0   1    2     3    4      5
        doc = Run("The firm Ahmed Khan joined grew .", "2:2:PERSON");
        Assert.Equal("B-PERSON", doc.Tokens[2].Ner);
    }

    // Row "agency": the news agency in a dateline's brackets.
    [Fact]
    public void The_bracketed_words_of_a_dateline_are_the_agency()
    {
        //             0    1 2    3  4 5      6 7  8          9        10 11  12      13
        var doc = Run("Lima , Oct. 10 ( Andina ) -- Protesters gathered in the capital .", "0:1:GPE", "5:1:PERSON");
        Assert.Equal("B-GPE O B-DATE I-DATE O B-ORG O O O O O O O O", Tags(doc));
        //             0      1 2   3     4 5  6      7      8     9
        doc = Run("Harare ( New Ziana ) -- Voters queued early .", "0:1:GPE");
        Assert.Equal("B-GPE O B-ORG I-ORG O O O O O O", Tags(doc));
        // Not a dateline: brackets later in a sentence, or no dash after them.
        //             0   1     2   3   4     5 6  7     8 9  10    11
        doc = Run("The group met the envoy ( Mr Haile ) -- twice .", "6:2:PERSON");
        Assert.Contains("PERSON", Tags(doc));
        //             0    1 2      3 4    5
        doc = Run("Lima ( Andina ) said so .", "0:1:GPE", "2:1:PERSON");
        Assert.Equal("B-GPE O B-PERSON O O O O", Tags(doc));
    }

    // Row "and-place": "in Epworth and Gokwe".
    [Fact]
    public void An_unknown_word_joined_to_a_place_by_and_is_a_place()
    {
        //             0  1         2    3  4    5  6       7   8     9  10    11
        var doc = Run("By-elections will be held in Epworth and Gokwe in March .", "5:1:GPE");
        Assert.Equal("B-GPE", doc.Tokens[7].Ner);
        // A word the article writes in lower case, or a capitalised run, is left alone.
        //             0     1    2     3   4       5    6     7       8
        doc = Run("Maize from Kenya and Harvest Plus seeds arrived .", "2:1:GPE");
        Assert.Equal("O", doc.Tokens[4].Ner);
        //             0    1   2     3   4       5        6 7   8   9       10     11
        doc = Run("Rain hit Kenya and Drought followed , and the drought lasted .", "2:1:GPE");
        Assert.Equal("O", doc.Tokens[4].Ner);
    }

    // Row "common": a one-word PERSON the article also writes in lower case is a common noun.
    [Fact]
    public void A_capitalised_common_noun_the_article_writes_in_lower_case_is_not_a_person()
    {
        //             0      1          2  3      4 5   6      7  8     9  10   11
        var doc = Run("Iodine deficiency is common , and iodine is added to salt .", "0:1:PERSON");
        Assert.DoesNotContain("PERSON", Tags(doc));
    }

    [Fact]
    public void A_name_also_written_in_lower_case_stays_when_the_article_gives_the_full_name()
    {
        //             0    1      2       3      4 5    6    7    8    9     10
        var doc = Run("Rose Mutiso planted a rose . Rose said it grew well .", "0:2:PERSON", "6:1:PERSON");
        Assert.Equal("B-PERSON", doc.Tokens[6].Ner);
    }

    // Row "the-head": "the X" heading its phrase is not a person's name.
    [Fact]
    public void A_name_after_the_that_heads_its_phrase_is_not_a_person_anywhere_in_the_article()
    {
        //             0   1     2     3    4   5          6   7   8   9 10         11     12   13
        var doc = Run("The court heard that the Petitioner was not present . Petitioner appealed later .",
            "5:1:PERSON", "10:1:PERSON");
        Assert.DoesNotContain("PERSON", Tags(doc));
    }

    [Fact]
    public void A_name_after_the_that_modifies_a_noun_stays_a_person()
    {
        //             0   1     2              3      4 5     6       7        8  9
        var doc = Run("The Biden administration agreed , Biden 's office said .", "1:1:PERSON", "5:1:PERSON");
        Assert.Equal("B-PERSON", doc.Tokens[1].Ner);
        Assert.Equal("B-PERSON", doc.Tokens[5].Ner);
    }

    // Row "language": "the Wolof language".
    [Fact]
    public void A_name_before_language_is_no_person_or_place_anywhere_in_the_article()
    {
        //             0    1     2   3     4        5  6    7 8   9     10    11 12      13
        var doc = Run("Most speak the Wolof language at home , and Wolof radio is popular .", "9:1:PERSON");
        Assert.DoesNotContain("PERSON", Tags(doc));
        //             0         1        2  3     4   5          6        7     8   9
        doc = Run("Researchers consulted the Ethnologue language codes , said Diatta .", "3:1:ORG");
        Assert.Equal("B-ORG", doc.Tokens[3].Ner);
    }

    // A language's name opening a "person" ("Jóola Fogny" beside "the Jóola language") is no person,
    // and consistency does not find the language's name again as a first name (ner8).
    [Fact]
    public void A_person_opening_with_a_language_name_is_dropped()
    {
        //             0    1     2     3        4 5   6     7     8     9     10   11
        var doc = Run("They speak a Jaola language . The Jaola Fogny areas lie south .", "7:2:PERSON");
        Assert.DoesNotContain("PERSON", Tags(doc));
    }

    // Row "works-at": the body after "editor at", "analyst with", "spokeswoman for" (ner8).
    [Fact]
    public void The_body_after_a_job_noun_and_at_or_for_is_an_organisation()
    {
        //             0      1 2    3      4  5       6      7
        var doc = Run("Lauren , news editor at Daily Maverick , wrote it . Daily Maverick is a site .");
        Assert.Equal("ORG:Daily Maverick", Mentions(doc).Single());
        Assert.Equal(2, doc.Entities.Single().Mentions.Count);
        //        0  1       2    3  4       5         6 7    8  9
        doc = Run("An analyst with Capital Economics said it was likely .", "3:2:PERSON");
        Assert.Equal("ORG:Capital Economics", Mentions(doc).Single());
    }

    [Fact]
    public void A_modifier_a_region_or_a_person_after_a_job_noun_is_no_body()
    {
        // A noun after the run: "Indonesian" modifies "military".
        var doc = Run("A spokesman for the Indonesian military said so .");
        Assert.DoesNotContain("ORG", Tags(doc));
        // A known place ends the run; a first name opens it.
        doc = Run("The correspondent for South Asia filed it .");
        Assert.DoesNotContain("ORG", Tags(doc));
        doc = Run("The spokesman for Ahmed Khan declined to comment .");
        Assert.DoesNotContain("ORG", Tags(doc));
    }

    // Row "spokes": the body before "spokesman" (ner8).
    [Fact]
    public void The_run_before_a_spokesperson_noun_is_the_body()
    {
        //             0           1      2           3      4           5    6 7 8       9         10
        var doc = Run("The Statistics Kenya spokeswoman Akosua Mensah said a Frelimo spokesman agreed .", "2:1:GPE", "4:2:PERSON");
        Assert.Equal("O B-ORG I-ORG O B-PERSON I-PERSON O O B-ORG O O O", Tags(doc));
        // A people's name opening the run stays; a person's name or a known place alone is no body.
        //        0       1     2         3       4       5    6
        doc = Run("Iranian Basij spokesman Esmaeil Baghaei said .", "0:1:NORP", "3:2:PERSON");
        Assert.StartsWith("B-NORP B-ORG O B-PERSON", Tags(doc));
        //        0 1     2         3
        doc = Run("A Biden spokesman declined .", "1:1:PERSON");
        Assert.Equal("B-PERSON", doc.Tokens[1].Ner);
    }

    // Row "after-titles": titles used after the model only (ner8).
    [Fact]
    public void A_title_after_a_body_or_opening_a_person_is_cut_and_a_body_with_a_title_is_no_person()
    {
        //             0    1             2       3      4         5 6      7             8      9      10
        var doc = Run("NASA Administrator Bill Nelson announced it , and Pastor Chris Oyakhilome agreed .", "0:4:PERSON", "8:3:PERSON");
        Assert.Equal("O O B-PERSON I-PERSON O O O O O B-PERSON I-PERSON O O", Tags(doc));
        //        0              1        2       3    4
        doc = Run("Vice-Chancellor Barnabas Nawangwe said so .", "0:3:PERSON");
        Assert.StartsWith("O B-PERSON I-PERSON O", Tags(doc));
        // A portfolio of common words and a title of titles.tsv ("Power Minister").
        //        0     1        2  3             4    5     6     7
        doc = Run("Power Minister K. Krishnankutty said power costs rose .", "0:4:PERSON");
        Assert.StartsWith("O O B-PERSON I-PERSON O", Tags(doc));
        //        0       1      2 3    4             5
        doc = Run("Bill Nelson , NASA Administrator , spoke .", "0:2:PERSON", "3:2:PERSON");
        Assert.Equal("B-PERSON I-PERSON O O O O O O", Tags(doc));
    }

    // An organisation's head word alone read as a person names no one (ner8).
    [Fact]
    public void A_head_word_alone_is_no_person()
    {
        //             0        1     2     3       4    5
        var doc = Run("Refinery chief Aliko Dangote said so .", "0:1:PERSON", "2:2:PERSON");
        Assert.Equal("O O B-PERSON I-PERSON O O O", Tags(doc));
    }

    // A person's span ending in a known place is a company or team; a "person" joined to a known place is a place (ner8).
    [Fact]
    public void A_person_ending_in_a_country_is_a_company_unless_a_first_name_opens_it()
    {
        //             0      1         2    3 4    5      6 7     8    9
        var doc = Run("Garuda Indonesia said , and Jack London wrote , Smith said .", "0:2:PERSON", "5:2:PERSON", "9:1:PERSON");
        Assert.Equal("B-ORG I-ORG O O O B-PERSON I-PERSON O O B-PERSON O O", Tags(doc));
    }

    [Fact]
    public void A_one_word_person_joined_to_a_known_place_is_a_place()
    {
        //             0 1    2    3       4       5   6      7
        var doc = Run("A rail link between Khorgos and Almaty opened .", "4:1:PERSON", "6:1:GPE");
        Assert.Equal("B-GPE", doc.Tokens[4].Ner);
        // Beside a name the tables do not know as a place, the model's person stands ("Moran and Pyle").
        //        0    1   2   3     4   5    6
        doc = Run("That is set out in Moran and Pyle .", "5:1:PERSON", "7:1:GPE");
        Assert.Equal("B-PERSON", doc.Tokens[5].Ner);
    }

    // Rows "contest" and "outlet" (ner8).
    [Fact]
    public void A_contest_word_ending_a_person_makes_an_event_and_the_credited_outlet_is_an_organisation()
    {
        //             0   1         2      3       4    5     6   7
        var doc = Run("The Champions Trophy matches were moved , Khaosod reported .", "1:2:PERSON", "7:1:PERSON");
        Assert.Equal("O B-EVENT I-EVENT O O O O B-ORG O O", Tags(doc));
        // A person's surname before "reported" stays a person.
        //        0    1     2   3    4 5     6        7
        doc = Run("John Smith was here . The mayor left , Smith reported .", "0:2:PERSON", "9:1:PERSON");
        Assert.Equal("B-PERSON", doc.Tokens[9].Ner);
    }

    // Row "building": Palace, Stadium, Hotel, ... end a place, not a person (ner8).
    [Fact]
    public void A_building_word_ending_a_person_makes_a_facility()
    {
        //             0    1   2  3   4          5      6   7      8  9   10     11    12
        var doc = Run("They met at the Dolmabahce Palace and stayed at the Serena Hotel .", "4:2:PERSON", "10:2:PERSON");
        Assert.Equal("O O O O B-FAC I-FAC O O O O B-FAC I-FAC O", Tags(doc));
    }

    // Row "landform": a landform word after a place's or people's name joins it (ner8).
    [Fact]
    public void A_landform_word_after_a_place_joins_it_as_a_location()
    {
        //             0     1     2     3      4   5       6   7       8   9
        var doc = Run("Boats crossed Manila Bay and the Arabian Sea last year .", "2:1:GPE", "6:1:NORP");
        Assert.StartsWith("O O B-LOC I-LOC O O B-LOC I-LOC", Tags(doc));
        // Another capitalised word after it: left alone ("Tampa Bay Rays").
        //        0   1     2   3    4   5
        doc = Run("The Tampa Bay Rays won .", "1:1:GPE");
        Assert.Equal("B-GPE", doc.Tokens[1].Ner);
        Assert.Equal("O", doc.Tokens[2].Ner);
    }

    // Row "admin-unit": a one-word "person" before town/district/... is the place (ner8).
    [Fact]
    public void A_person_before_an_administrative_noun_is_a_place_and_outvotes_the_model()
    {
        //             0      1    2  3   4      5 6     7     8      9     10 11     12
        var doc = Run("Neiafu town is the centre . Boats reach Neiafu daily , Neiafu said .", "0:1:PERSON", "8:1:PERSON", "11:1:PERSON");
        Assert.All(doc.Entities, e => Assert.Equal("GPE", e.Type));
        Assert.Equal(3, doc.Entities.Sum(e => e.Mentions.Count));
        // A noun after the unit word: "a Biden town hall" keeps its person.
        //        0 1     2    3    4  5
        doc = Run("A Biden town hall was held .", "1:1:PERSON");
        Assert.Equal("B-PERSON", doc.Tokens[1].Ner);
    }

    // Row "members": "Republican Senators" names members, not a body (ner8).
    [Fact]
    public void Capitalised_words_ending_in_a_plural_of_members_are_no_body()
    {
        //             0      1   2          3        4     5  6     7      8    9      10
        var doc = Run("Nearly all Republican Senators voted no , and Kenyan MPs walked out .", "2:2:ORG", "8:2:ORG");
        Assert.Equal("O O O O O O O O B-NORP O O O O", Tags(doc));
    }

    // Rows "pronoun-i", "letters", "currency" (ner8).
    [Fact]
    public void The_pronoun_a_letter_in_a_list_and_a_currency_prefix_are_no_names()
    {
        //             0 1 2   3          4 5       6
        var doc = Run("I , the undersigned , declare it .", "0:1:PERSON");
        Assert.DoesNotContain("PERSON", Tags(doc));
        //        0    1   2       3 4 5 6 7   8 9
        doc = Run("Name the letters A , B , C and D .", "3:1:GPE", "5:1:GPE", "7:1:GPE", "9:1:GPE");
        Assert.DoesNotContain("GPE", Tags(doc));
        //        0       1       2  3 4  5       6
        doc = Run("Damages reached US $ 10 billion .", "2:1:GPE");
        Assert.DoesNotContain("GPE", Tags(doc));
        // A legal suffix alone, letters spelling a word (rows "suffix", "letters").
        //        0   1    2     3       4       5           6 7    8  9 10    11
        doc = Run("The suit names Nile Shipping Corporation , Inc. as a party .", "3:3:ORG", "7:1:ORG");
        Assert.Equal("O O O B-ORG I-ORG I-ORG O O O O O O", Tags(doc));
        //        0  1 2  3       4  5 6 7 8
        doc = Run("It is written as M A N today .", "4:3:ORG");
        Assert.DoesNotContain("ORG", Tags(doc));
    }

    // Row "office": an office of a place read as one name is the place (ner8).
    [Fact]
    public void An_office_of_a_place_read_as_one_name_is_the_place()
    {
        //             0   1      2   3   4    5  6       7 8        9  10 11       12 13
        var doc = Run("The papers say the King of Morocco , Mohammed VI , approved it .", "4:3:ORG");
        Assert.Equal("GPE:Morocco", Mentions(doc).First());
    }

    private static List<string> Mentions(Wirescope.Documents.Document doc) =>
        doc.Entities.SelectMany(e => e.Mentions.Select(m => e.Type + ":" + m.Text)).Distinct().ToList();

    [Theory]
    [InlineData("x\tprefix\tCyclone\tWEATHER\te", "unknown type")]
    [InlineData("x\tsuffix\tCyclone\tEVENT\te", "unknown kind")]
    [InlineData("x\tprefix\tcyclone\tEVENT\te", "must be capitalised")]
    [InlineData("x\tprefix\t-\tEVENT\te", "needs words")]
    [InlineData("x\tnot-before\tlanguage\tPERSON|LANGUAGE\te", "unknown type")]
    [InlineData("x\tlower-seen\t-\tPERSON\te\nx\tlower-seen\t-\tORG\te", "duplicate id")]
    public void A_bad_row_fails_with_its_line(string table, string message)
    {
        var rows = TsvTable.Read(new StringReader(table), "span_cues.tsv", 5, 5);
        var e = Assert.Throws<TableException>(() => new NerSpanCues(rows));
        Assert.Contains("span_cues.tsv:", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_table_loads() => Assert.NotNull(NerSpanCues.Shared);
}
