using Wirescope.Documents;
using Xunit;

namespace Wirescope.Tests.Documents;

public class PartialDateTests
{
    [Theory]
    [InlineData("2019", "2019", DatePrecision.Year)]
    [InlineData("2019-04", "2019-04", DatePrecision.Month)]
    [InlineData("2019-04-26", "2019-04-26", DatePrecision.Day)]
    [InlineData("2019-04-26T10:05:00+09:00", "2019-04-26T10:05:00+09:00", DatePrecision.Time)]
    [InlineData("2019-04-26T10:05:00Z", "2019-04-26T10:05:00Z", DatePrecision.Time)]
    [InlineData("2019-04-26T10:05:00", "2019-04-26T10:05:00", DatePrecision.Time)]
    public void Parse_keeps_precision_and_round_trips(string input, string expected, DatePrecision precision)
    {
        Assert.True(PartialDate.TryParse(input, out var d));
        Assert.Equal(precision, d.Precision);
        Assert.Equal(expected, d.ToString());
        Assert.True(PartialDate.TryParse(d.ToString(), out var again));
        Assert.Equal(d.ToString(), again.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2019-13")]
    [InlineData("2019-02-30")]
    public void Parse_rejects_nonsense(string input) => Assert.False(PartialDate.TryParse(input, out _));
}
