// Inline MSBuild task (RoslynCodeTaskFactory): copies an ELF shared library and marks chosen
// version needs (.gnu.version_r entries such as GLIBCXX_3.4.32) as VER_FLG_WEAK, so that the
// dynamic loader accepts a host whose libstdc++ lacks that version. Used for TorchSharp's
// libLibTorchSharp.so on Debian 12 / Ubuntu 22.04; see eng/TorchSharpNative.targets.
using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class VmafReproWeakenElfVersionNeeds : Task
{
    [Required] public string SourceFile { get; set; } = string.Empty;
    [Required] public string DestinationFile { get; set; } = string.Empty;
    [Required] public string Versions { get; set; } = string.Empty;
    [Output] public string Weakened { get; set; } = string.Empty;

    public override bool Execute()
    {
        try
        {
            var wanted = Versions.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()).ToArray();
            var bytes = File.ReadAllBytes(SourceFile);
            var done = Patch(bytes, wanted);
            Weakened = string.Join(";", done);
            // Write only when the content changes, so that incremental copies stay incremental.
            if (File.Exists(DestinationFile) && File.ReadAllBytes(DestinationFile).SequenceEqual(bytes)) return true;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(DestinationFile)));
            var tmp = DestinationFile + ".tmp";
            File.WriteAllBytes(tmp, bytes);
            if (File.Exists(DestinationFile)) File.Delete(DestinationFile);
            File.Move(tmp, DestinationFile);
            return true;
        }
        catch (Exception e)
        {
            Log.LogError(null, "VMR9001", null, SourceFile, 0, 0, 0, 0,
                "Could not weaken ELF version needs of '{0}': {1}. Delete obj/ and rebuild; if it persists, run on a host whose libstdc++ provides {2}.",
                SourceFile, e.Message, Versions);
            return false;
        }
    }

    private static string[] Patch(byte[] b, string[] wanted)
    {
        if (b.Length < 64 || b[0] != 0x7f || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (b[4] != 2 || b[5] != 1) throw new InvalidDataException("only 64-bit little-endian ELF is supported");
        long shoff = BitConverter.ToInt64(b, 0x28);
        int shentsize = BitConverter.ToUInt16(b, 0x3A);
        int shnum = BitConverter.ToUInt16(b, 0x3C);
        const uint SHT_GNU_verneed = 0x6ffffffe;
        var found = new System.Collections.Generic.List<string>();
        for (int i = 0; i < shnum; i++)
        {
            long sh = shoff + (long)i * shentsize;
            uint type = BitConverter.ToUInt32(b, (int)sh + 4);
            if (type != SHT_GNU_verneed) continue;
            long off = BitConverter.ToInt64(b, (int)sh + 0x18);
            uint link = BitConverter.ToUInt32(b, (int)sh + 0x28);
            long strSh = shoff + (long)link * shentsize;
            long strOff = BitConverter.ToInt64(b, (int)strSh + 0x18);
            long vn = off;
            while (true)
            {
                int cnt = BitConverter.ToUInt16(b, (int)vn + 2);
                uint aux = BitConverter.ToUInt32(b, (int)vn + 8);
                uint next = BitConverter.ToUInt32(b, (int)vn + 12);
                long va = vn + aux;
                for (int k = 0; k < cnt; k++)
                {
                    uint name = BitConverter.ToUInt32(b, (int)va + 8);
                    string s = ReadCString(b, strOff + name);
                    if (wanted.Contains(s))
                    {
                        ushort flags = BitConverter.ToUInt16(b, (int)va + 4);
                        flags |= 0x2; // VER_FLG_WEAK
                        BitConverter.GetBytes(flags).CopyTo(b, (int)va + 4);
                        found.Add(s);
                    }
                    uint vnext = BitConverter.ToUInt32(b, (int)va + 12);
                    if (vnext == 0) break;
                    va += vnext;
                }
                if (next == 0) break;
                vn += next;
            }
        }
        return found.ToArray();
    }

    private static string ReadCString(byte[] b, long at)
    {
        int end = (int)at;
        while (end < b.Length && b[end] != 0) end++;
        return Encoding.ASCII.GetString(b, (int)at, end - (int)at);
    }
}
