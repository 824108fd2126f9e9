// Fake vmaf-repro: appends each command line to calls.log;
//   --version             prints fake-version.txt (or 0.0.0-fake)
//   inputs --config X     prints X and every baselines/*.json next to it, one absolute path a line
//   verify ...            prints verdict.txt and exits with exit.txt (both optional: default pass)
var cwd = Directory.GetCurrentDirectory();
File.AppendAllText(Path.Combine(cwd, "calls.log"), string.Join(" ", args) + "\n");
string Read(string name, string fallback) => File.Exists(Path.Combine(cwd, name)) ? File.ReadAllText(Path.Combine(cwd, name)) : fallback;

if (args.Length > 0 && args[0] == "--version") { Console.WriteLine(Read("fake-version.txt", "0.0.0-fake").Trim()); return 0; }
if (args.Length > 2 && args[0] == "inputs")
{
    var config = Path.GetFullPath(args[2]);
    Console.WriteLine(config);
    var baselines = Path.Combine(Path.GetDirectoryName(config)!, "baselines");
    if (Directory.Exists(baselines))
        foreach (var f in Directory.GetFiles(baselines, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)) Console.WriteLine(f);
    return 0;
}
Console.Write(Read("verdict.txt", "gate passed\n"));
return int.Parse(Read("exit.txt", "0").Trim(), System.Globalization.CultureInfo.InvariantCulture);
