// Fake vmaf-repro: appends each command line to calls.log (arguments joined by spaces);
//   --version                 prints fake-version.txt (or 0.0.0-fake)
//   inputs --config=X         prints X, baselines/c/a.json (expected, whether or not it exists) and
//                             every other baselines/**/*.json next to it, one absolute path a line
//   verify ...                prints verdict.txt and exits with exit.txt (both optional: default pass);
//                             with sleep.txt, first writes its pid to verify.pid and sleeps that many seconds
// Options are read in the --name=value form the MSBuild task uses.
var cwd = Directory.GetCurrentDirectory();
File.AppendAllText(Path.Combine(cwd, "calls.log"), string.Join(" ", args) + "\n");
string Read(string name, string fallback) => File.Exists(Path.Combine(cwd, name)) ? File.ReadAllText(Path.Combine(cwd, name)) : fallback;
string? Option(string name) => args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];

if (args.Length > 0 && args[0] == "--version") { Console.WriteLine(Read("fake-version.txt", "0.0.0-fake").Trim()); return 0; }
if (args.Length > 0 && args[0] == "inputs")
{
    var config = Path.GetFullPath(Option("--config") ?? "vmaf-repro.json");
    Console.WriteLine(config);
    var baselines = Path.Combine(Path.GetDirectoryName(config)!, "baselines");
    Console.WriteLine(Path.Combine(baselines, "c", "a.json"));
    if (Directory.Exists(baselines))
        foreach (var f in Directory.GetFiles(baselines, "*.json", SearchOption.AllDirectories).Where(f => !f.EndsWith(".received.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            Console.WriteLine(f);
    Console.WriteLine(typeof(Program).Assembly.Location);
    return 0;
}
if (File.Exists(Path.Combine(cwd, "sleep.txt")))
{
    File.WriteAllText(Path.Combine(cwd, "verify.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    Thread.Sleep(TimeSpan.FromSeconds(int.Parse(Read("sleep.txt", "0").Trim(), System.Globalization.CultureInfo.InvariantCulture)));
}
Console.Write(Read("verdict.txt", "gate passed\n"));
return int.Parse(Read("exit.txt", "0").Trim(), System.Globalization.CultureInfo.InvariantCulture);
