using System.Net;
using System.Net.Sockets;

namespace Wirescope.Inputs.Web;

/// <summary>
/// Which IP addresses a fetch may connect to. By default it refuses loopback, link-local,
/// private (RFC 1918, IPv6 ULA), carrier-grade NAT, unspecified, multicast and broadcast
/// addresses, so a feed or a redirect cannot make the fetcher reach inside the network (SSRF).
/// Checked on the resolved address at connect time, which also defeats DNS rebinding.
/// </summary>
public static class AddressGuard
{
    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return true;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] == 0                                    // 0.0.0.0/8 "this network"
                || b[0] == 10                                   // 10/8 private
                || b[0] == 127                                  // loopback
                || (b[0] == 100 && (b[1] & 0xC0) == 64)         // 100.64/10 carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                 // link-local (cloud metadata lives here)
                || (b[0] == 172 && (b[1] & 0xF0) == 16)         // 172.16/12 private
                || (b[0] == 192 && b[1] == 168)                 // 192.168/16 private
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)      // 192.0.0/24 IETF protocol assignments
                || (b[0] == 198 && (b[1] & 0xFE) == 18)         // 198.18/15 benchmarking
                || b[0] >= 224;                                 // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return true;
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC;                       // fc00::/7 unique local
        }
        return true;
    }
}
