using System.Globalization;

namespace Wirescope.Inputs.Web;

/// <summary>
/// A parsed robots.txt (RFC 9309): groups of user-agent lines with allow/disallow rules. The
/// group for our product token wins over "*"; within it the longest matching rule decides,
/// allow winning a tie; "*" matches any run of characters and a final "$" anchors the end.
/// </summary>
public sealed class RobotsTxt
{
    private sealed record Rule(bool Allow, string Pattern);
    private sealed class Group
    {
        public List<string> Agents { get; } = new();
        public List<Rule> Rules { get; } = new();
        public double? CrawlDelay { get; set; }
    }

    private readonly List<Group> _groups;

    private RobotsTxt(List<Group> groups) => _groups = groups;

    /// <summary>Everything allowed (no robots.txt, or a 4xx for it).</summary>
    public static RobotsTxt AllowAll { get; } = new(new List<Group>());

    /// <summary>Everything disallowed (robots.txt unreachable: a 5xx or network failure, per RFC 9309).</summary>
    public static RobotsTxt DisallowAll { get; } = new(new List<Group> { new() { Agents = { "*" }, Rules = { new Rule(false, "/") } } });

    /// <summary>Robots files larger than this are cut (RFC 9309 asks parsers to read at least 500 KiB).</summary>
    public const int MaxBytes = 512 * 1024;

    public static RobotsTxt Parse(string text)
    {
        var groups = new List<Group>();
        Group? current = null;
        bool lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (current is null || !lastWasAgent)
                    {
                        current = new Group();
                        groups.Add(current);
                    }
                    current.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    // An empty Disallow allows everything: it adds no rule.
                    if (value.Length > 0) current.Rules.Add(new Rule(key == "allow", value));
                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0) current.CrawlDelay = d;
                    break;
            }
            lastWasAgent = false;
        }
        return new RobotsTxt(groups);
    }

    /// <summary>Whether <paramref name="pathAndQuery"/> may be fetched by <paramref name="productToken"/> (e.g. "wirescope").</summary>
    public bool IsAllowed(string productToken, string pathAndQuery)
    {
        var rules = RulesFor(productToken);
        if (rules is null) return true;
        if (pathAndQuery == "/robots.txt") return true;
        int best = -1;
        bool allow = true;
        foreach (var rule in rules.Rules)
        {
            if (!Matches(rule.Pattern, pathAndQuery)) continue;
            int len = rule.Pattern.Length;
            if (len > best || (len == best && rule.Allow))
            {
                best = len;
                allow = rule.Allow;
            }
        }
        return allow;
    }

    /// <summary>The Crawl-delay of the group that applies, if any.</summary>
    public TimeSpan? CrawlDelay(string productToken) =>
        RulesFor(productToken)?.CrawlDelay is { } d ? TimeSpan.FromSeconds(d) : null;

    private Group? RulesFor(string productToken)
    {
        var token = productToken.ToLowerInvariant();
        Group? star = null;
        foreach (var g in _groups)
        {
            if (g.Agents.Any(a => a != "*" && token.StartsWith(a, StringComparison.Ordinal))) return g;
            if (star is null && g.Agents.Contains("*")) star = g;
        }
        return star;
    }

    /// <summary>Robots pattern match: prefix match with "*" wildcards and an optional "$" end anchor.</summary>
    internal static bool Matches(string pattern, string path)
    {
        bool anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        return Match(pattern, 0, path, 0, anchored);
    }

    private static bool Match(string p, int pi, string s, int si, bool anchored)
    {
        while (pi < p.Length)
        {
            if (p[pi] == '*')
            {
                while (pi < p.Length && p[pi] == '*') pi++;
                if (pi == p.Length) return true;
                for (int k = si; k <= s.Length; k++) if (Match(p, pi, s, k, anchored)) return true;
                return false;
            }
            if (si >= s.Length || p[pi] != s[si]) return false;
            pi++;
            si++;
        }
        return !anchored || si == s.Length;
    }
}
