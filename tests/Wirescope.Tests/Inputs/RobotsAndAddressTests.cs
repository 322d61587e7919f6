using System.Net;
using Wirescope.Inputs.Web;
using Xunit;

namespace Wirescope.Tests.Inputs;

public class RobotsAndAddressTests
{
    private const string Robots = """
        # comment
        User-agent: *
        Disallow: /private/
        Allow: /private/open$
        Disallow: /*.pdf$
        Crawl-delay: 2

        User-agent: BadBot
        User-agent: wirescope
        Disallow: /no-wirescope/
        Allow: /no-wirescope/but-this
        """;

    [Theory]
    [InlineData("wirescope", "/news/a", true)]
    [InlineData("wirescope", "/no-wirescope/x", false)]
    [InlineData("wirescope", "/no-wirescope/but-this/page", true)]
    [InlineData("wirescope", "/private/x", true)] // our own group applies, not "*"
    [InlineData("otherbot", "/private/x", false)]
    [InlineData("otherbot", "/private/open", true)]
    [InlineData("otherbot", "/private/open/more", false)]
    [InlineData("otherbot", "/files/report.pdf", false)]
    [InlineData("otherbot", "/files/report.pdf?x=1", true)]
    [InlineData("otherbot", "/robots.txt", true)]
    public void Robots_rules_follow_rfc_9309(string agent, string path, bool allowed) =>
        Assert.Equal(allowed, RobotsTxt.Parse(Robots).IsAllowed(agent, path));

    [Fact]
    public void Crawl_delay_comes_from_the_group_that_applies()
    {
        var r = RobotsTxt.Parse(Robots);
        Assert.Equal(TimeSpan.FromSeconds(2), r.CrawlDelay("otherbot"));
        Assert.Null(r.CrawlDelay("wirescope"));
        Assert.True(RobotsTxt.AllowAll.IsAllowed("wirescope", "/x"));
        Assert.False(RobotsTxt.DisallowAll.IsAllowed("wirescope", "/x"));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.9.9.9", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("93.184.216.34", false)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("::ffff:8.8.8.8", false)]
    [InlineData("2606:4700::1111", false)]
    public void Private_loopback_and_link_local_addresses_are_forbidden(string ip, bool forbidden) =>
        Assert.Equal(forbidden, AddressGuard.IsForbidden(IPAddress.Parse(ip)));
}
