namespace CollectiveLedger.Cli;

/// <summary>Output files are written to a temporary name and renamed, so a crash never leaves half a file.</summary>
public static class Files
{
    public static T WriteAtomically<T>(string path, Func<Stream, T> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory)) throw new UsageException($"the folder {directory} does not exist");
        var temporary = path + ".tmp-" + Environment.ProcessId;
        try
        {
            T result;
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                result = write(stream);
            File.Move(temporary, path, overwrite: true);
            return result;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
