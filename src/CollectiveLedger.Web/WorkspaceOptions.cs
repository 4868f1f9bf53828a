namespace CollectiveLedger.Web;

/// <summary>What <c>cledger serve</c> passes to the workspace: the books (a SQLite file, or a PostgreSQL address and village), the clock and the limits.</summary>
public sealed record WorkspaceOptions(string Db, TimeProvider Clock)
{
    /// <summary>The default address: this computer only. Serving elsewhere is a choice made on the command line.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The village of a PostgreSQL database of many (<c>--village</c>); null for a SQLite file.</summary>
    public string? Village { get; init; }

    /// <summary>Failed sign-ins in a row that lock a user out, and for how long.</summary>
    public int LockoutThreshold { get; init; } = 5;
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Checks the password given at sign-in against the stored hash: Identity's PBKDF2 hasher. A seam
    /// for the tests, which count how often it runs; the command line never sets it.
    /// </summary>
    public Microsoft.AspNetCore.Identity.IPasswordHasher<string> Hasher { get; init; } = new Microsoft.AspNetCore.Identity.PasswordHasher<string>();

    /// <summary>Sign-in and public feedback attempts accepted per client address and minute (built-in rate limiting).</summary>
    public int SignInPermitsPerMinute { get; init; } = 20;
    public int FeedbackPermitsPerMinute { get; init; } = 5;

    /// <summary>Verify runs (each replays the whole log) a signed-in user may start per minute.</summary>
    public int VerifyPermitsPerMinute { get; init; } = 4;

    /// <summary>
    /// The keys that sign the checkpoint of notices prepared from the web (unlocked by <c>cledger
    /// serve</c>: the organization's key, or the --sign key files). None: notices are prepared
    /// unsigned only when <see cref="PublishUnsigned"/> says so (the paper then says it is unsigned);
    /// otherwise the notices page refuses to prepare and says how to restart serve.
    /// </summary>
    public IReadOnlyList<Publishing.NoticeSigner> Signers { get; init; } = [];

    /// <summary><c>cledger serve --unsigned</c>: notices from the web are published unsigned, by choice.</summary>
    public bool PublishUnsigned { get; init; }

    /// <summary>Whether the web may prepare a notice: it has keys to sign with, or was told to publish unsigned.</summary>
    public bool CanPrepareNotices => Signers.Count > 0 || PublishUnsigned;

    /// <summary>
    /// The witnesses each notice prepared from the web is pushed to (<c>cledger serve --witness URL
    /// --witness-key VKEY</c>; audit-log.md 12.6); their cosignatures are kept and shown on the notice.
    /// </summary>
    public IReadOnlyList<Publishing.Witnessing.CheckpointPush.Witness> Witnesses { get; init; } = [];

    /// <summary>A TrueType font that covers Chinese, for the PDF of a notice; null: no PDF can be made (publishing says so).</summary>
    public string? FontPath { get; init; } = Reports.Pdf.ChineseFonts.Find();

    /// <summary>
    /// The villages of the township and county views (/staff/villages), each with its township, county and a way to open
    /// its books, on whichever engine: asked again on every request, so that a village registered while the workspace
    /// runs shows at once (<c>cledger serve</c> on PostgreSQL gives the registry, <see cref="Storage.Engines.Server.VillageBooks"/>).
    /// Null (the default): one village's workspace, no such views. The pages open one village's books at a time and
    /// close them before the next.
    /// </summary>
    public Func<IReadOnlyList<Storage.VillageBooks>>? Villages { get; init; }

    /// <summary>
    /// The codes of the villages a signed-in user (a user name of this workspace's village) may see in the township and
    /// county views: their own village and those their grants cover. Asked on every request, so that a revoked grant
    /// ends at once. Null (the default): on PostgreSQL the registry of access
    /// (<see cref="Storage.Engines.Server.VillagesSeenBy"/>, <c>cledger villages grant</c>); a SQLite file has none, so
    /// nobody sees anything there unless a test gives this seam.
    /// </summary>
    public Func<string, IReadOnlySet<string>>? VillagesSeen { get; init; }

    /// <summary>
    /// The villages of <see cref="Villages"/> now, and those of them <paramref name="user"/> may see (<see cref="VillagesSeen"/>),
    /// in their order: what every township and county page starts from, before any books are opened.
    /// </summary>
    public (IReadOnlyList<Storage.VillageBooks> All, IReadOnlyList<Storage.VillageBooks> Seen) VillagesFor(string? user)
    {
        var all = Villages?.Invoke() ?? [];
        if (user is null || all.Count == 0) return (all, []);
        var seen = VillagesSeen?.Invoke(user)
                   ?? (Village is not null && Storage.Engines.Server.IsAddress(Db) ? Storage.Engines.Server.VillagesSeenBy(Db, Village, user) : new HashSet<string>());
        return (all, [.. all.Where(v => seen.Contains(v.Code))]);
    }

    /// <summary>The largest upload (a checkpoint file) accepted, in bytes.</summary>
    public long MaxUploadBytes { get; init; } = 64 * 1024;
}
