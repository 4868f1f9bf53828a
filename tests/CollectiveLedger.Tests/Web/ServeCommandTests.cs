using System.Net;
using System.Net.Sockets;

namespace CollectiveLedger.Tests.Web;

/// <summary><c>cledger serve</c> as a process: what a user sees when the workspace cannot start.</summary>
public class ServeCommandTests
{
    [Test]
    public void A_port_already_in_use_is_one_line_and_exit_2_never_a_stack_trace()
    {
        using var ledger = TestLedger.WithBasics();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, _, err) = ledger.RunProcess("serve", "--urls", $"http://127.0.0.1:{port}");

        Assert.That(code, Is.EqualTo(2), err);
        Assert.That(err, Does.Contain("address already in use").And.Not.Match(TestLedger.StackTraceLine).And.Not.Contain("Exception"));
    }
}
