using System.Diagnostics;
using CollectiveLedger.Storage;
using CollectiveLedger.Web;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// Where <c>users add</c> takes a new user's password from: CLEDGER_PASSWORD, --password-stdin or
/// the terminal, never the signing key's CLEDGER_PASSPHRASE (issue 12, item 8). Run as the real
/// process, since standard input and the terminal are the point.
/// </summary>
public class UserPasswordTests
{
    private const string Passphrase = "signing-key-passphrase-1";

    [Test]
    public void A_password_is_read_from_standard_input_with_password_stdin()
    {
        using var ledger = TestLedger.WithBasics();

        var (code, _, err) = Run(ledger, "stdin-password-1\n", null, "users", "add", "乌云", "--password-stdin");

        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(PasswordIs(ledger, "乌云", "stdin-password-1"), Is.True);
    }

    [Test]
    public void Without_a_password_and_a_terminal_users_add_is_refused_even_with_the_signing_key_passphrase_set()
    {
        using var ledger = TestLedger.WithBasics();

        var (code, _, err) = Run(ledger, "", null, "users", "add", "乌云");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(err, Does.Contain("CLEDGER_PASSWORD"));
        using var store = ledger.Open(TestClock.Fixed);
        Assert.That(store.Credentials.FindCredential("乌云"), Is.Null);
    }

    [Test]
    public void On_a_terminal_the_password_is_asked_for_and_never_taken_from_the_signing_key_passphrase()
    {
        Assert.That(File.Exists("/usr/bin/script"), Is.True, "script (util-linux) gives the command a terminal: apt-get install bsdutils");
        using var ledger = TestLedger.WithBasics();

        // script runs cledger on a pseudo-terminal and passes what we write to it as typed keys.
        var command = string.Join(' ', ((string[])["dotnet", Path.Combine(AppContext.BaseDirectory, "cledger.dll"), .. ledger.DbArgs, "--lang", "en", "users", "add", "wuyun"])
            .Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        var (code, output, _) = Run(ledger, "typed-password-1\rtyped-password-1\r", ["/usr/bin/script", "-qefc", command, "/dev/null"]);

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("new password"));
        Assert.That(PasswordIs(ledger, "wuyun", Passphrase), Is.False, "the signing key's passphrase became the password");
        Assert.That(PasswordIs(ledger, "wuyun", "typed-password-1"), Is.True);
    }

    private static bool PasswordIs(TestLedger ledger, string user, string password)
    {
        using var store = ledger.Open(TestClock.Fixed);
        return store.Credentials.FindCredential(user) is { } credential && Passwords.Matches(user, credential.PasswordHash, password);
    }

    /// <summary>Runs cledger (or <paramref name="program"/>) with CLEDGER_PASSPHRASE set and no CLEDGER_PASSWORD, writing <paramref name="input"/> to its standard input.</summary>
    private static (int Code, string Out, string Err) Run(TestLedger ledger, string input, string[]? program, params string[] args)
    {
        var argv = program ?? ["dotnet", Path.Combine(AppContext.BaseDirectory, "cledger.dll"), .. ledger.DbArgs, "--lang", "en", .. args];
        var info = new ProcessStartInfo(argv[0])
            { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in argv[1..]) info.ArgumentList.Add(a);
        info.Environment["CLEDGER_PASSPHRASE"] = Passphrase;
        info.Environment.Remove("CLEDGER_PASSWORD");
        info.Environment["TERM"] = "xterm";
        TestClock.Set(info);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        // Typed slowly enough that a terminal prompt is up before its answer arrives.
        var parts = input.Split('\r');
        for (var i = 0; i < parts.Length; i++)
        {
            if (program is not null) Thread.Sleep(1500);
            try
            {
                p.StandardInput.Write(parts[i] + (i < parts.Length - 1 ? "\r" : ""));
                p.StandardInput.Flush();
            }
            catch (IOException) when (p.HasExited) { break; } // it did not wait for the input
        }
        if (program is null) p.StandardInput.Close();
        if (!p.WaitForExit(60_000)) { p.Kill(entireProcessTree: true); Assert.Fail("cledger did not finish: " + stdout.Result + stderr.Result); }
        if (program is not null) try { p.StandardInput.Close(); } catch (IOException) { }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
