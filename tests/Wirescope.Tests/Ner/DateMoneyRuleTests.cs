using Wirescope.Language.Ner;
using Wirescope.Tables;
using Xunit;

namespace Wirescope.Tests.Ner;

public class DateMoneyRuleTests
{
    private static string Run(string sentence)
    {
        var words = sentence.Split(' ');
        var found = new List<string>();
        DateMoneyRules.Shared.Match(words, new bool[words.Length],
            (first, count, type, _) => found.Add($"{type}:{string.Join(' ', words, first, count)}"));
        return string.Join(" ; ", found);
    }

    [Theory]
    [InlineData("Kim arrived on April 25 , 2019 by train", "DATE:April 25 , 2019")]
    [InlineData("Cases have risen since January , officials said", "DATE:January")]
    [InlineData("The leaders met for two days of talks", "DATE:two days")]
    [InlineData("The plant will open by the end of the year", "DATE:the end of the year")]
    [InlineData("Pakistan reached a deal on a $3bn loan", "MONEY:$3bn")]
    [InlineData("Trade reached RM450 billion last year", "MONEY:RM450 billion ; DATE:last year")]
    [InlineData("Traders sold dollars worth KSh 2 billion", "MONEY:KSh 2 billion")]
    // A one-letter sign glued to the number is money only with a scale (ner8): "N95" alone is a mask.
    [InlineData("The chairman said N80 billion had been diverted", "MONEY:N80 billion")]
    [InlineData("Nurses asked for N95 masks", "")]
    [InlineData("The N95 masks ran out", "")]
    [InlineData("The talks resumed earlier this year", "DATE:earlier this year")]
    [InlineData("Exports rose in the first half of the year", "DATE:the first half of the year")]
    [InlineData("Prices fell in mid - July", "DATE:mid - July")]
    [InlineData("Inflation hit a high in the fiscal year 2023 - 24", "DATE:the fiscal year 2023 - 24")]
    [InlineData("up from 9 percent a year earlier", "DATE:a year earlier")]
    [InlineData("The firm earned Sh 4.2 billion", "MONEY:Sh 4.2 billion")]
    [InlineData("The summit ended on 26 April 2019 .", "DATE:26 April 2019")]
    [InlineData("They met on Thursday in Vladivostok", "DATE:Thursday")]
    [InlineData("Talks resume next week , officials said", "DATE:next week")]
    [InlineData("The law passed last year and took effect in March .", "DATE:last year ; DATE:March")]
    [InlineData("Prices rose in 2019 .", "DATE:2019")]
    [InlineData("The plan dates from the 1990s .", "DATE:the 1990s")]
    [InlineData("He left three years ago .", "DATE:three years ago")]
    [InlineData("The ceasefire began on the 12th of October .", "DATE:the 12th of October")]
    [InlineData("Trade reached $ 5 billion last year", "MONEY:$ 5 billion ; DATE:last year")]
    [InlineData("Trade reached $5 billion", "MONEY:$5 billion")]
    [InlineData("The loan of 300 million yuan was signed", "MONEY:300 million yuan")]
    [InlineData("Seoul pledged USD 10 million in aid", "MONEY:USD 10 million")]
    [InlineData("It cost 2.5 trillion won", "MONEY:2.5 trillion won")]
    [InlineData("He was fined 40,000 rupees yesterday", "MONEY:40,000 rupees ; DATE:yesterday")]
    [InlineData("Islamabad , Oct 9 -- The court ruled", "DATE:Oct 9")]
    [InlineData("Jakarta , Sept 30 , 2025 -- Rain fell", "DATE:Sept 30 , 2025")]
    // A month abbreviation without its dot only before a day: "Jan" is also a given name.
    [InlineData("Jan Egeland said in Jan that aid stalled", "")]
    // Not dates or money: modal "may", the verb "march", bare counts, scores.
    [InlineData("Officials may march to the square", "")]
    [InlineData("About 2,000 people attended", "")]
    [InlineData("The team won 3 - 1", "")]
    [InlineData("", "")]
    public void Cases(string sentence, string expected) => Assert.Equal(expected, Run(sentence));

    [Fact]
    public void Words_already_in_a_name_are_never_taken()
    {
        var words = "Thursday Island is in Australia".Split(' ');
        var blocked = new[] { true, true, false, false, false };
        var found = 0;
        DateMoneyRules.Shared.Match(words, blocked, (_, _, _, _) => found++);
        Assert.Equal(0, found);
    }

    [Theory]
    [InlineData("MONTH\tApril\tcap\n", "ner.date.x\tDATE\tMONTH\n", "w.tsv:1: word 'April' must be lower case")]
    [InlineData("MONTH\tapril\tsometimes\n", "ner.date.x\tDATE\tMONTH\n", "w.tsv:1: case must be 'any' or 'cap', not 'sometimes'")]
    [InlineData("MONTH\tapril\tcap\n", "ner.date.x\tDATE\tMONTHS\n", "p.tsv:1: unknown class 'MONTHS'")]
    [InlineData("MONTH\tapril\tcap\n", "ner.date.x\tTIME\tMONTH\n", "p.tsv:1: type must be DATE or MONEY, not 'TIME'")]
    [InlineData("MONTH\tapril\tcap\n", "ner.date.x\tDATE\tMONTH?\n", "p.tsv:1: pattern has no required entity word")]
    [InlineData("MONTH\tapril\tcap\n", "a\tDATE\tMONTH\na\tDATE\tMONTH YEAR\n", "p.tsv:2: duplicate id 'a'")]
    [InlineData("MONTH\tapril\tcap\n", "a\tDATE\tMONTH [in] YEAR\n", "p.tsv:1: context element '[in]' must be first or last")]
    public void Bad_rule_rows_are_rejected_with_file_and_line(string words, string patterns, string expected)
    {
        var e = Assert.Throws<TableException>(() => new DateMoneyRules(
            TsvTable.Read(new StringReader(words), "w.tsv", 3, 3),
            TsvTable.Read(new StringReader(patterns), "p.tsv", 3, 3)));
        Assert.Equal(expected, e.Message);
    }
}
