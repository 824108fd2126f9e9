using System.Globalization;

namespace VmafTiny.Repro.MSBuild;

/// <summary>What the last final run of one gate (one configuration, one set of settings) concluded.</summary>
/// <param name="Key">The fingerprint key it ran on (<see cref="GateFingerprint.Key"/>).</param>
/// <param name="Passed">True for a pass; false for a failure.</param>
/// <param name="WarningCodes">The warning codes it reported (a build with -warnaserror must not skip them).</param>
/// <param name="FinishedUtc">When it finished.</param>
public sealed record GateRecord(string Key, bool Passed, IReadOnlyList<string> WarningCodes, DateTime FinishedUtc);

/// <summary>
/// The gate's state folder, shared by every project and build that gates the same configuration:
/// <c>gate-&lt;settings&gt;.stamp</c> (the last final verdict and its key) and <c>gate.lock</c>
/// (held while a gate runs, so parallel builds wait instead of racing).
/// </summary>
public sealed class GateState(string directory)
{
    /// <summary>The folder.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The stamp of one set of settings.</summary>
    public string StampPath(string settings) => Path.Combine(Directory, $"gate-{GateFingerprint.HashText(settings)[..16]}.stamp");

    /// <summary>The lock file.</summary>
    public string LockPath => Path.Combine(Directory, "gate.lock");

    /// <summary>The record of the last final run, or null.</summary>
    public GateRecord? Read(string settings)
    {
        var path = StampPath(settings);
        if (!File.Exists(path)) return null;
        try
        {
            var values = File.ReadAllLines(path)
                .Select(l => l.Split('=', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            if (!values.TryGetValue("key", out var key) || !values.TryGetValue("verdict", out var verdict)) return null;
            var warnings = values.TryGetValue("warnings", out var w) ? w.Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
            var finished = values.TryGetValue("finished", out var f) && DateTime.TryParse(f, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : DateTime.MinValue;
            return new GateRecord(key, verdict == "passed", warnings, finished);
        }
        catch (IOException) { return null; }
    }

    /// <summary>Writes the record (atomically: a temp file renamed over the stamp).</summary>
    public void Write(string settings, GateRecord record)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = StampPath(settings);
        var tmp = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllLines(tmp,
        [
            "key=" + record.Key,
            "verdict=" + (record.Passed ? "passed" : "failed"),
            "warnings=" + string.Join(",", record.WarningCodes),
            "finished=" + record.FinishedUtc.ToString("O", CultureInfo.InvariantCulture),
            "settings=" + settings.ReplaceLineEndings(" | "),
        ]);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Removes the record (before a run: a run that does not finish leaves none).</summary>
    public void Delete(string settings)
    {
        try { File.Delete(StampPath(settings)); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Takes the cross-process lock, polling until <paramref name="until"/> says stop;
    /// <paramref name="waiting"/> is called once when another process holds it. Null when not taken.
    /// </summary>
    public FileStream? Lock(Func<bool> until, Action waiting)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var announced = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix and a share-mode lock on Windows:
                // released by the OS when the holder dies, so a killed build never leaves it stuck.
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (!announced) { waiting(); announced = true; }
                if (until()) return null;
                Thread.Sleep(200);
            }
        }
    }
}
