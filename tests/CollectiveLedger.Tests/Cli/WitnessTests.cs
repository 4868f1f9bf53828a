using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Publishing.Witnessing;
using CollectiveLedger.Storage;
using CollectiveLedger.Tests.Storage;

using CollectiveLedger.Tests.Web;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// A township's witness (C2SP tlog-witness, tlog-cosignature/v1) over a village's real books: it
/// cosigns a checkpoint only when it extends the one it cosigned before, and a rewrite of the books
/// behind the program's back (a fork), a smaller tree (a rollback) or another key's signature is
/// refused, with the evidence kept and its state unchanged.
/// </summary>
public class WitnessTests
{
    private const string WitnessName = "township.example/w1";

    [OneTimeSetUp]
    public static void PassphraseForTests() => Environment.SetEnvironmentVariable("CLEDGER_PASSPHRASE", "test-passphrase-1234");

    /// <summary>A village with six vouchers, a signing key, and a witness (in the village's folder, as a township's would be elsewhere) trusting it.</summary>
    private sealed class Village : IDisposable
    {
        public TestLedger Ledger { get; } = TestLedger.WithBasics();
        public string Key => Path.Combine(Ledger.Dir, "accountant.key");
        public string WitnessDir => Path.Combine(Ledger.Dir, "witness");
        public string VerifierKey { get; }
        private int _files;

        public Village()
        {
            Ledger.Ok("counterparties", "add", "C01", "苏木财政所");
            Ledger.Ok("vouchers", "import", Ledger.WriteFile("v.jsonl", string.Join("\n", Enumerable.Range(1, 6).Select(i =>
                $$"""{"ref":"T{{i}}","date":"2025-0{{1 + i % 3}}-1{{i}}","summary":"第{{i}}笔","lines":[{"account":"10201","debit":"{{i}}00.00"},{"account":"50101","credit":"{{i}}00.00","counterparty":"C01"}]}"""))));
            Ledger.Ok("keys", "generate", "--name", "gacha.example/accountant", "--out", Key);
            VerifierKey = Ledger.Ok("witness", "init", "--dir", WitnessDir, "--name", WitnessName).Trim();
            var keys = Ledger.WriteFile("keys.json", Ledger.Ok("keys", "list", "--format", "json"));
            Ledger.Ok("witness", "add-log", "--dir", WitnessDir, "--origin", Origin, "--key", keys);
        }

        public string Origin
        {
            get
            {
                using var store = Ledger.Open(TestClock.Fixed);
                var state = store.LoadState();
                return CollectiveLedger.Core.Audit.Checkpoint.OriginOf(state.Ledger.OrgCode, state.Ledger.LedgerId);
            }
        }

        /// <summary>The books' checkpoint now, signed with <paramref name="key"/> (the accountant's by default), as a file.</summary>
        public string Checkpoint(string? key = null) => Ledger.WriteFile($"checkpoint-{++_files}.txt", Ledger.Ok("checkpoint", "--sign", key ?? Key));

        /// <summary>The consistency proof from <paramref name="oldSize"/> to the books' size now, as cledger prove consistency prints it.</summary>
        public string Proof(long oldSize)
        {
            using var store = Ledger.Open(TestClock.Fixed);
            var leaves = store.Disclosure.LeafHashes();
            var hashes = MerkleProof.Consistency(leaves, oldSize, leaves.Count).Select(h => $"\"{Convert.ToBase64String(h)}\"");
            return Ledger.WriteFile($"proof-{++_files}.json", $$"""{"old_size":{{oldSize}},"new_size":{{leaves.Count}},"hashes":[{{string.Join(',', hashes)}}]}""");
        }

        public (int Code, string Out, string Err) Cosign(string checkpoint, string? proof = null) =>
            Ledger.Run(["witness", "cosign", "--dir", WitnessDir, "--checkpoint", checkpoint, .. proof is null ? Array.Empty<string>() : ["--proof", proof]]);

        /// <summary>The witness's record of the village's log, read from its folder.</summary>
        public JsonElement Record() => JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(WitnessDir, "logs"), "*.json").Single())).RootElement;

        public List<JsonElement> Evidence() => [.. JsonDocument.Parse(Ledger.Ok("witness", "evidence", "--dir", WitnessDir, "--format", "json")).RootElement.EnumerateArray()];

        public void AddVoucher(int n) => Ledger.Ok("vouchers", "import", Ledger.WriteFile($"more-{n}.json",
            $$"""[{"ref":"M{{n}}","date":"2025-04-2{{n % 9}}","summary":"后来的第{{n}}笔","lines":[{"account":"10201","debit":"{{n}}.00"},{"account":"50101","credit":"{{n}}.00"}]}]"""));

        /// <summary>What a forger with the file does: voucher T<paramref name="n"/>'s summary edited in its entry, every later hash recomputed.</summary>
        public void Rewrite(int n)
        {
            long seq;
            using (var store = Ledger.Open(TestClock.Fixed))
                seq = store.Entries().First(e => System.Text.Encoding.UTF8.GetString(e.Bytes).Contains($"\"第{n}笔\"", StringComparison.Ordinal)).Seq;
            Ledger.Sql("DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;");
            TamperHelpers.RewriteEntry(Ledger, seq, json => json.Replace($"\"第{n}笔\"", $"\"第{n}笔（改）\"", StringComparison.Ordinal));
        }

        public void Dispose() => Ledger.Dispose();
    }

    private static WitnessKey Key(string vkey) => WitnessKey.TryParse(vkey, out var key, out var problem) ? key : throw new AssertionException(problem!);

    private static SignedNote Note(string text) => SignedNote.TryParse(text, out var note, out var problem) ? note : throw new AssertionException(problem!);

    [Test]
    public void A_witness_cosigns_the_first_checkpoint_and_one_that_extends_it_and_the_cosignatures_verify()
    {
        using var village = new Village();
        var first = village.Checkpoint();

        var (code, cosigned, stderr) = village.Cosign(first);

        Assert.That(code, Is.EqualTo(0), stderr);
        var note = Note(cosigned);
        Assert.That(note.Text, Is.EqualTo(Note(File.ReadAllText(first)).Text));
        Assert.That(Cosignature.VerifiedTimestamp(note, Key(village.VerifierKey)), Is.EqualTo(TestClock.Now.ToUnixTimeSeconds()));
        var size = village.Record().GetProperty("size").GetInt64();

        village.AddVoucher(1);
        var (code2, cosigned2, stderr2) = village.Cosign(village.Checkpoint(), village.Proof(size));

        Assert.That(code2, Is.EqualTo(0), stderr2);
        Assert.That(Cosignature.VerifiedTimestamp(Note(cosigned2), Key(village.VerifierKey)), Is.Not.Null);
        Assert.That(village.Record().GetProperty("size").GetInt64(), Is.EqualTo(size + 1));
        Assert.That(village.Evidence(), Is.Empty);
    }

    [Test]
    public void Verify_with_a_witness_key_lists_its_cosignature_and_finds_it_missing_on_a_checkpoint_it_did_not_cosign()
    {
        using var village = new Village();
        var plain = village.Checkpoint();
        var cosigned = village.Ledger.WriteFile("cosigned.txt", village.Cosign(plain).Out);
        var otherWitness = village.Ledger.Ok("witness", "init", "--dir", Path.Combine(village.Ledger.Dir, "w2"), "--name", "county.example/w").Trim();

        var (code, stdout, _) = village.Ledger.Run("verify", "--checkpoint", cosigned, "--witness-key", village.VerifierKey, "--format", "json");
        var (missingCode, missingOut, _) = village.Ledger.Run("verify", "--checkpoint", plain, "--checkpoint", cosigned, "--witness-key", village.VerifierKey, "--witness-key", otherWitness, "--format", "json");
        var (ignoredCode, _, _) = village.Ledger.Run("verify", "--checkpoint", cosigned);

        Assert.That(code, Is.EqualTo(0), stdout);
        var result = JsonDocument.Parse(stdout).RootElement.GetProperty("checkpoints")[0];
        Assert.That(result.GetProperty("cosigned_by")[0].GetString(), Is.EqualTo($"{WitnessName} ({Key(village.VerifierKey).KeyIdHex})"));
        Assert.That(ignoredCode, Is.EqualTo(0), "without --witness-key a witness's line is an unknown signer's, ignored");
        Assert.That(missingCode, Is.EqualTo(1));
        var missing = JsonDocument.Parse(missingOut).RootElement;
        Assert.That(missing.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()),
            Has.Exactly(3).Contains("no valid cosignature"), "the plain one lacks both, the cosigned one the county's");
        Assert.That(missing.GetProperty("checkpoints")[1].GetProperty("cosigned_by").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public void A_cosignature_brought_after_the_notice_was_prepared_is_kept_and_the_published_notice_shows_it()
    {
        using var village = new Village();
        village.Ledger.Set(("role.supervisor", TestLedger.Supervisor));
        var prepared = village.Ledger.Ok("notices", "prepare", "--period", "2025-03", "--date", "2025-04-05", "--sign", village.Key);
        var number = System.Text.RegularExpressions.Regex.Match(prepared, @"prepared notice #(\d+)").Groups[1].Value;
        var cosigned = village.Ledger.WriteFile("usb-stick.txt", village.Cosign(village.Checkpoint()).Out);
        village.AddVoucher(6);
        var later = village.Ledger.WriteFile("later.txt", village.Cosign(village.Checkpoint(), village.Proof(village.Record().GetProperty("size").GetInt64())).Out);

        var other = village.Ledger.Run("notices", "cosign", number, "--file", later, "--witness-key", village.VerifierKey);
        village.Ledger.Ok("notices", "cosign", number, "--file", cosigned, "--witness-key", village.VerifierKey);
        village.Ledger.OkAs(TestLedger.Supervisor, "notices", "review", number);
        var json = Path.Combine(village.Ledger.Dir, "notice.json");
        var html = Path.Combine(village.Ledger.Dir, "notice.html");
        village.Ledger.Ok("notices", "publish", number, "--out", json, "--out", html);

        Assert.That(other.Code, Is.EqualTo(2), "a cosignature of another checkpoint is not this notice's");
        Assert.That(other.Err, Does.Contain($"not the checkpoint of notice #{number}"));
        var verification = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("verification");
        var line = verification.GetProperty("cosignatures").EnumerateArray().Single().GetString()!;
        var note = Note(verification.GetProperty("signed_note").GetString()! + line + "\n");
        Assert.That(Cosignature.VerifiedTimestamp(note, Key(village.VerifierKey)), Is.Not.Null, "the signed note and the line make the cosigned note");
        Assert.That(System.Net.WebUtility.HtmlDecode(File.ReadAllText(html)), Does.Contain(line[2..]), "as text: the HTML encodes a base64 '+' or '/'");
    }

    [Test]
    public void A_checkpoint_of_books_rewritten_after_a_cosigned_one_is_refused_as_a_fork_and_the_evidence_is_kept([Values(11, 23, 57)] int seed)
    {
        using var village = new Village();
        Assert.That(village.Cosign(village.Checkpoint()).Code, Is.EqualTo(0));
        var cosigned = village.Record();
        // The forger rewrites one voucher's entry, picked by the seed, and recomputes every later hash.
        village.Rewrite(new Random(seed).Next(1, 7));

        var sameSize = village.Cosign(village.Checkpoint());
        village.AddVoucher(2);
        var extended = village.Cosign(village.Checkpoint(), village.Proof(cosigned.GetProperty("size").GetInt64()));

        Assert.That(sameSize.Code, Is.EqualTo(1), $"seed {seed}: {sameSize.Out}");
        Assert.That(sameSize.Err, Does.Contain("fork"));
        Assert.That(extended.Code, Is.EqualTo(1), $"seed {seed}: {extended.Out}");
        Assert.That(extended.Err, Does.Contain("consistency proof fails"));
        Assert.That(village.Record().GetProperty("root").GetString(), Is.EqualTo(cosigned.GetProperty("root").GetString()), "the cosigned state is unchanged");
        var evidence = village.Evidence();
        Assert.That(evidence.Select(e => e.GetProperty("reason").GetString()), Is.EqualTo(new[] { "fork", "inconsistent" }));
        Assert.That(evidence.All(e => e.GetProperty("cosigned_checkpoint").GetString() == cosigned.GetProperty("checkpoint").GetString()), Is.True);
        Assert.That(evidence[0].GetProperty("request").GetString(), Does.Contain(File.ReadAllText(Path.Combine(village.Ledger.Dir, "checkpoint-2.txt"))));
    }

    [Test]
    public void An_earlier_smaller_checkpoint_after_a_larger_one_is_refused_as_a_rollback()
    {
        using var village = new Village();
        var earlier = village.Checkpoint();
        Assert.That(village.Cosign(earlier).Code, Is.EqualTo(0));
        var size = village.Record().GetProperty("size").GetInt64();
        village.AddVoucher(3);
        Assert.That(village.Cosign(village.Checkpoint(), village.Proof(size)).Code, Is.EqualTo(0));

        var (code, _, stderr) = village.Cosign(earlier);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("rollback"));
        Assert.That(village.Record().GetProperty("size").GetInt64(), Is.EqualTo(size + 1));
        Assert.That(village.Evidence().Single().GetProperty("reason").GetString(), Is.EqualTo("rollback"));
    }

    [Test]
    public void A_checkpoint_signed_with_a_key_the_witness_does_not_trust_is_refused_without_evidence()
    {
        using var village = new Village();
        var other = Path.Combine(village.Ledger.Dir, "other.key");
        village.Ledger.Ok("keys", "generate", "--name", "gacha.example/other", "--out", other);

        var (code, stdout, stderr) = village.Cosign(village.Checkpoint(other));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.Contain("no signature of a key registered"));
        Assert.That(village.Record().GetProperty("size").GetInt64(), Is.Zero);
        Assert.That(village.Evidence(), Is.Empty);
    }

    [Test]
    public void A_second_witness_init_on_the_same_folder_and_a_wrong_passphrase_are_refused_without_a_stack_trace()
    {
        using var village = new Village();
        var again = village.Ledger.Run("witness", "init", "--dir", village.WitnessDir, "--name", "x.example/w");
        var checkpoint = village.Checkpoint();
        // As its own process: the environment of this one is shared with tests running alongside.
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "cledger.dll"), "--lang", "en", "witness", "cosign", "--dir", village.WitnessDir, "--checkpoint", checkpoint })
            info.ArgumentList.Add(a);
        info.Environment["CLEDGER_PASSPHRASE"] = "wrong-passphrase-99";
        using var process = Process.Start(info)!;
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        process.WaitForExit();
        var wrong = (Code: process.ExitCode, Out: stdout.Result, Err: stderr.Result);

        Assert.That(again.Code, Is.EqualTo(2));
        Assert.That(again.Err, Does.Contain("already holds a witness key"));
        Assert.That(wrong.Code, Is.EqualTo(2));
        Assert.That(wrong.Err, Does.Contain("wrong passphrase").And.Not.Match(TestLedger.StackTraceLine));
    }

    /// <summary>
    /// The real programs over HTTP: witness serve, and the village's witness push, which starts from
    /// size 0 (it never pushed), gets 409 with the size the witness cosigned offline and retries with
    /// the proof from it; then the rewritten books' push is refused and the evidence kept. The
    /// cosignature the village kept verifies in C# and, when python3 is installed, in the reference verifier.
    /// </summary>
    [Test]
    public void Witness_serve_cosigns_a_push_after_a_409_refuses_the_rewritten_books_and_python_verifies_the_cosignature()
    {
        using var village = new Village();
        Assert.That(village.Cosign(village.Checkpoint()).Code, Is.EqualTo(0));
        village.AddVoucher(4);
        var url = $"http://127.0.0.1:{FreePort()}";
        using var serve = village.Ledger.Start("witness", "serve", "--dir", village.WitnessDir, "--urls", url);
        try
        {
            WaitUntilListening(serve);

            var pushed = village.Ledger.RunProcess("witness", "push", "--url", url, "--witness-key", village.VerifierKey, "--sign", village.Key);

            Assert.That(pushed.Code, Is.EqualTo(0), pushed.Err);
            var cosigned = Note(pushed.Out);
            Assert.That(Cosignature.VerifiedTimestamp(cosigned, Key(village.VerifierKey)), Is.Not.Null);
            using (var store = village.Ledger.Open(TestClock.Fixed))
            {
                Assert.That(Checkpoint.TryParseBody(cosigned.Text, out var checkpoint, out _), Is.True);
                Assert.That(store.Cosignatures.Of(checkpoint.Size, Convert.ToBase64String(checkpoint.Root)).Single(), Does.StartWith($"— {WitnessName} "));
            }
            PythonVerifies(village.Ledger.WriteFile("cosigned.txt", pushed.Out), village.VerifierKey);

            village.Rewrite(2);
            village.AddVoucher(5);
            var forked = village.Ledger.RunProcess("witness", "push", "--url", url, "--witness-key", village.VerifierKey, "--sign", village.Key);

            Assert.That(forked.Code, Is.EqualTo(1), forked.Out);
            Assert.That(forked.Err, Does.Contain("422"));
            Assert.That(village.Evidence().Single().GetProperty("reason").GetString(), Is.EqualTo("inconsistent"));
        }
        finally
        {
            serve.Kill();
            serve.WaitForExit();
        }
    }

    /// <summary>
    /// cledger serve --sign KEY --witness URL --witness-key VKEY: a notice prepared from the web is pushed to
    /// the witness (a real witness serve process) and its cosignature kept in the books' file.
    /// </summary>
    [Test]
    public async Task A_notice_prepared_from_the_web_is_pushed_to_the_configured_witness_and_its_cosignature_kept()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        string witnessDir = "", vkey = "";
        Process? serve = null;
        using var workspace = new Web.Workspace(o =>
        {
            string Run(params string[] args)
            {
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                Assert.That(CollectiveLedger.Cli.Program.Run([.. o.DbArgs(), "--actor", "tester", "--lang", "en", .. args], stdout, stderr, TestClock.Fixed), Is.EqualTo(0), stderr.ToString());
                return stdout.ToString();
            }
            var dir = o.Folder();
            var keyFile = Path.Combine(dir, "accountant.key");
            Run("keys", "generate", "--name", "gacha.example/accountant", "--out", keyFile);
            witnessDir = Path.Combine(dir, "witness");
            vkey = Run("witness", "init", "--dir", witnessDir, "--name", WitnessName).Trim();
            File.WriteAllText(Path.Combine(dir, "keys.json"), Run("keys", "list", "--format", "json"));
            Run("witness", "add-log", "--dir", witnessDir, "--origin", Run("checkpoint").Split('\n')[0], "--key", Path.Combine(dir, "keys.json"));
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "cledger.dll"), "--lang", "en", "witness", "serve", "--dir", witnessDir, "--urls", url }) info.ArgumentList.Add(a);
            TestClock.Set(info);
            serve = Process.Start(info)!;
            var signer = CollectiveLedger.Cli.SigningKeyFile.Load(keyFile, "test-passphrase-1234");
            return o with { Signers = [signer.Signer], Witnesses = [new CheckpointPush.Witness(new Uri(url), Key(vkey))] };
        });
        try
        {
            WaitUntilListening(serve!);
            var accountant = await workspace.SignedIn("会计");

            var response = await Web.PublicPagesTests.Prepare(accountant, "2025-02");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            using var store = workspace.Ledger.Open(TestClock.Fixed);
            var prepared = store.LoadState().Notice(1)!.Prepared.Checkpoint;
            Assert.That(Checkpoint.TryParseBody(Note(prepared).Text, out var checkpoint, out _), Is.True);
            var line = store.Cosignatures.Of(checkpoint.Size, Convert.ToBase64String(checkpoint.Root)).Single();
            Assert.That(Cosignature.VerifiedTimestamp(Note(prepared + line + "\n"), Key(vkey)), Is.Not.Null);
        }
        finally
        {
            serve?.Kill();
            serve?.WaitForExit();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitUntilListening(Process serve)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var line = serve.StandardError.ReadLineAsync();
            var left = TimeSpan.FromSeconds(60) - waited.Elapsed;
            Assert.That(left > TimeSpan.Zero && line.Wait(left), Is.True, "witness serve did not start");
            Assert.That(line.Result, Is.Not.Null, "witness serve ended before listening");
            if (line.Result!.Contains("listening", StringComparison.Ordinal)) return;
        }
    }

    private static void PythonVerifies(string note, string vkey)
    {
        var (code, output) = Python.VerifyLog("--checkpoint", note, "--witness-key", vkey);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain($"cosigned by {WitnessName}"));
    }
}
