using System.Security.Cryptography;

namespace CollectiveLedger.Cli;

/// <summary>
/// Output files are written to a temporary file next to the target and renamed, so a crash never
/// leaves half a file. The temporary name is random and created exclusively (O_EXCL): a file or
/// symbolic link someone planted at a guessable name is never written through.
/// </summary>
public static class Files
{
    /// <summary>Owner read and write only: what a secret and the books are created with on Unix.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static T WriteAtomically<T>(string path, Func<Stream, T> write) => Write(path, write, secret: false);

    /// <summary>A new file: as <see cref="WriteAtomically"/>, but the rename never replaces an existing file (a template the accountant may have filled).</summary>
    /// <exception cref="IOException"><paramref name="path"/> exists.</exception>
    public static void WriteNew(string path, Action<Stream> write) => Write(path, stream => { write(stream); return 0; }, secret: false, replace: false);

    /// <summary>
    /// A secret (a private key): the temporary file is owner-only (0600) from its creation, before a
    /// byte is written, and the rename never replaces an existing file.
    /// </summary>
    /// <exception cref="IOException"><paramref name="path"/> exists.</exception>
    public static void WriteSecret(string path, Action<Stream> write) => Write(path, stream => { write(stream); return 0; }, secret: true, replace: false);

    private static T Write<T>(string path, Func<Stream, T> write, bool secret, bool replace = true)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory)) throw new UsageException($"the folder {directory} does not exist");
        var temporary = path + ".tmp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 16 };
        if (secret && !OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        try
        {
            T result;
            using (var stream = new FileStream(temporary, options))
            {
                result = write(stream);
                // A writer may have closed the stream already (a StreamWriter over it does).
                if (secret && stream.CanWrite) stream.Flush(flushToDisk: true);
            }
            // Without overwrite, .NET renames by link and unlink on Unix: an existing file is refused, not replaced.
            File.Move(temporary, path, overwrite: replace);
            return result;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
