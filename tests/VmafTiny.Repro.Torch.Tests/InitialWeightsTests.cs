using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Recipe;

namespace VmafTiny.Repro.Torch.Tests;

public sealed class InitialWeightsTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var c in TestVectors.Load("torch_init.json")["cases"]!)
            data.Add((string)c["arch"]!, (int)c["seed"]!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Create_ReproducesPyTorchDefaultInit_BitForBit(string arch, int seed)
    {
        var expected = TestVectors.Load("torch_init.json")["cases"]!
            .Single(c => (string)c["arch"]! == arch && (int)c["seed"]! == seed);
        var architecture = Architecture.Known.Single(a => a.Name == arch);
        TorchRuntime.UseThreads(1);

        using var model = MlpFactory.Create(architecture, 6, seed);
        var state = MlpFactory.StateDict(model);

        var expectedState = (JObject)expected["state_dict"]!;
        Assert.Equal(expectedState.Properties().Select(p => p.Name), state.Select(s => s.Name));
        foreach (var (name, values, shape) in state)
        {
            var want = expectedState[name]!.Select(v => (float)(double)v).ToArray();
            var wantShape = expected["shapes"]![name]!.Select(v => (long)v).ToArray();
            Assert.Equal(wantShape, shape);
            Assert.Equal(want.Length, values.Length);
            for (var i = 0; i < want.Length; i++)
                Assert.True(BitConverter.SingleToInt32Bits(want[i]) == BitConverter.SingleToInt32Bits(values[i]),
                    $"{arch} seed {seed} {name}[{i}]: expected {want[i]:R}, got {values[i]:R}");
        }
    }

    [Fact]
    public void Create_GivesSameWeights_WhenModelsAreBuiltConcurrently()
    {
        TorchRuntime.UseThreads(1);
        float[] First(int seed)
        {
            using var m = MlpFactory.Create(Architecture.Large, 6, seed);
            return MlpFactory.StateDict(m)[0].Values;
        }
        var sequential = Enumerable.Range(0, 8).Select(s => First(s % 3)).ToArray();
        var parallel = new float[8][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = First(i % 3));
        for (var i = 0; i < 8; i++) Assert.Equal(sequential[i], parallel[i]);
    }
}
