using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate.Baselines;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Core.Tests.ResultFiles;

/// <summary>A malformed result file is VMR3001 in the project's words: line, position, the field path and the kind expected, never a .NET type name.</summary>
public sealed class ResultJsonErrorTests
{
    public static TheoryData<string, string> Malformed => new()
    {
        // wrong types
        { """{"epochs": "ninety"}""", "at line 1, position 19: epochs must be a whole number, not the text \"ninety\"" },
        { """{"epochs": 1.5}""", "epochs must be a whole number, not the number 1.5" },
        { """{"lr": "fast"}""", "lr must be a number, not the text \"fast\"" },
        { """{"lr": true}""", "lr must be a number, not true" },
        { """{"schema_version": "one"}""", "schema_version must be a whole number, not the text \"one\"" },
        { """{"seeds": "0,1"}""", "seeds must be a JSON list [...], not the text \"0,1\"" },
        { """{"seeds": [0, "a"]}""", "seeds[1] must be a whole number, not the text \"a\"" },
        { """{"hidden": 4}""", "hidden must be a JSON list [...], not the number 4" },
        { """{"arch": ["tiny"]}""", "arch must be text, not a JSON list [...]" },
        { """{"per_seed_per_fold": {"0": {"A": {"plcc": "high"}}}}""", "per_seed_per_fold.0.A.plcc must be a number, not the text \"high\"" },
        { """{"per_seed_per_fold": {"0": {"A": {"diverged": "yes"}}}}""", "per_seed_per_fold.0.A.diverged must be true or false, not the text \"yes\"" },
        { """{"history": [{"approved_utc": "yesterday"}]}""", "history[0].approved_utc must be a date and time (ISO 8601 text), not the text \"yesterday\"" },
        { """{"corpus": {"rows": -1.5}}""", "corpus.rows must be a whole number, not the number -1.5" },
        // null where a value is required
        { """{"epochs": null}""", "epochs must be a whole number, not null" },
        { """{"per_seed_per_fold": {"0": {"A": {"n": null}}}}""", "per_seed_per_fold.0.A.n must be a whole number, not null" },
        { """{"sources": null}""", "sources must be a JSON list [...], not null" },
        { """{"sources": ["A", null]}""", "sources[1] must be text, not null" },
        // arrays where objects are expected, and the reverse
        { """[1, 2, 3]""", "at line 1, position 1: the file must be a JSON object {...}, not a JSON list [...]" },
        { "\"text\"", "the file must be a JSON object {...}, not the text \"text\"" },
        { """{"per_seed_per_fold": []}""", "per_seed_per_fold must be a JSON object {...}, not a JSON list [...]" },
        { """{"per_seed_per_fold": {"0": []}}""", "per_seed_per_fold.0 must be a JSON object {...}, not a JSON list [...]" },
        { """{"per_seed_per_fold": {"0": {"A": {"plcc": [1]}}}}""", "per_seed_per_fold.0.A.plcc must be a number, not a JSON list [...]" },
        { """{"overall": [1, 2]}""", "overall must be a JSON object {...}, not a JSON list [...]" },
        { """{"overall": {"mean_plcc": {}}}""", "overall.mean_plcc must be a number, not a JSON object {...}" },
        { """{"corpus": "nf"}""", "corpus must be a JSON object {...}, not the text \"nf\"" },
        { """{"history": {}}""", "history must be a JSON list [...], not a JSON object {...}" },
        { """{"seeds": {"0": 1}}""", "seeds must be a JSON list [...], not a JSON object {...}" },
        // huge numbers
        { """{"epochs": 99999999999999999999}""", "epochs must be a whole number from -2147483648 to 2147483647, not the number 99999999999999999999" },
        { """{"schema_version": 1e30}""", "schema_version must be a whole number, not the number 1E+30" },
        { """{"per_seed_per_fold": {"0": {"A": {"n": 1e400}}}}""", "per_seed_per_fold.0.A.n must be a whole number, not the number Infinity" },
        // not JSON at all
        { "", ": the file is empty" },
        { "{\"arch\": \"tiny\",", "at line 1, position 16: Unexpected end of content" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Deserialize_SaysTheFieldAndTheExpectedKind_WithoutDotNetTypeNames(string json, string expected)
    {
        var e = Assert.Throws<ReproException>(() => ResultJson.Deserialize(json, "r.json"));
        Assert.Equal("VMR3001", e.Code);
        Assert.Equal(ExitCodes.UsageOrInputError, e.ExitCode);
        Assert.StartsWith("'r.json' is not a valid result JSON", e.Message);
        Assert.Contains(expected, e.Message);
        foreach (var dotNet in new[] { "System.", "Nullable", "`1", "`2", "VmafTiny", "Int32", "Double" })
            Assert.DoesNotContain(dotNet, e.Message);
    }

    [Theory]
    [InlineData("""{"per_seed_per_fold": {"0": {"A": {"n": 3, "srocc": 0.9, "rmse": 1}}}}""", "fold A, seed 0: no plcc")]
    [InlineData("""{"per_seed_per_fold": {"0": {"A": {"n": 3, "plcc": 1e400, "srocc": 0.9, "rmse": 1}}}}""", "fold A, seed 0: plcc is Infinity")]
    [InlineData("""{"arch": "tiny"}""", "it has no per_seed_per_fold cells")]
    public void MissingFieldsAndHugeMetrics_ReadAsAResult_AndAreNamedByTheBaselineCheck(string json, string defect)
    {
        ResultJson.Deserialize(json, "r.json");
        Assert.Contains(defect, ResultFileCheck.Defects(json));
    }

    [Fact]
    public void Deserialize_StillReadsThePythonReferenceAndItsOwnOutput()
    {
        var python = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gate", "python-reference-mlp_medium.json"));
        var r = ResultJson.Deserialize(python, "python.json");
        Assert.Equal(ResultJson.Serialize(r), ResultJson.Serialize(ResultJson.Deserialize(ResultJson.Serialize(r), "again.json")));
        Assert.Equal(45, r.PerSeedPerFold.Values.Sum(f => f.Count));
    }
}
