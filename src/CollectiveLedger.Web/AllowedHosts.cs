using System.Net;
using System.Net.NetworkInformation;

namespace CollectiveLedger.Web;

/// <summary>
/// The Host header values the workspace answers (ASP.NET Core's host filtering; any other host gets
/// 400), taken from the addresses it is bound to: a request naming another host was sent to a name
/// that points here by someone else's choice (DNS rebinding), and nothing here should be built from it.
/// </summary>
/// <remarks>
/// A loopback binding (the default, 127.0.0.1) answers the loopback names. A binding to a named host
/// or address answers that one. A binding to every interface (0.0.0.0, [::], * or +) answers the
/// loopback names, this computer's name and the addresses of its interfaces as they are at start.
/// </remarks>
public static class AllowedHosts
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static IReadOnlyList<string> For(IEnumerable<string> urls)
    {
        var hosts = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var url in urls)
        {
            var host = HostOf(url);
            if (host is "*" or "+" or "0.0.0.0" or "[::]")
            {
                hosts.UnionWith(Loopback);
                hosts.UnionWith(ThisComputer());
            }
            else if (host == "localhost" || IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))
            {
                hosts.UnionWith(Loopback);
                hosts.Add(host);
            }
            else hosts.Add(host);
        }
        return [.. hosts];
    }

    /// <summary>The host of a binding such as <c>http://127.0.0.1:5080</c>, <c>http://[::1]:5080/</c> or <c>http://*:80</c> (which <see cref="Uri"/> does not parse).</summary>
    private static string HostOf(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) is var i and >= 0 ? i + 3 : 0)..].Split('/')[0];
        return rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':')[0];
    }

    private static IEnumerable<string> ThisComputer()
    {
        yield return Dns.GetHostName();
        foreach (var network in NetworkInterface.GetAllNetworkInterfaces())
            foreach (var unicast in network.GetIPProperties().UnicastAddresses)
                yield return unicast.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                    ? $"[{unicast.Address}]" : unicast.Address.ToString();
    }
}
