namespace VmafTiny.Repro.Protocol;

/// <summary>
/// One fold: train on every row outside group <see cref="HeldOut"/>, evaluate on its rows.
/// Only the held-out rows are stored, so a plan of every fold holds each row once (O(rows), not
/// O(groups × rows)); the training rows are computed when asked for.
/// </summary>
public sealed class FoldSplit
{
    private readonly int _totalRows;

    /// <param name="index">The fold's position in the plan.</param>
    /// <param name="heldOut">The held-out group's name.</param>
    /// <param name="testRows">The held-out rows, ascending.</param>
    /// <param name="totalRows">Rows of the whole corpus.</param>
    public FoldSplit(int index, string heldOut, int[] testRows, int totalRows)
    {
        Index = index;
        HeldOut = heldOut;
        TestRows = testRows;
        _totalRows = totalRows;
    }

    public int Index { get; }
    public string HeldOut { get; }

    /// <summary>The held-out rows, ascending.</summary>
    public int[] TestRows { get; }

    /// <summary>How many rows the fold trains on.</summary>
    public int TrainCount => _totalRows - TestRows.Length;

    /// <summary>The training rows, ascending: a new array of <see cref="TrainCount"/> on every access.</summary>
    public int[] TrainRows
    {
        get
        {
            var train = new int[TrainCount];
            var t = 0;
            var k = 0;
            for (var r = 0; r < _totalRows; r++)
            {
                if (t < TestRows.Length && TestRows[t] == r) { t++; continue; }
                train[k++] = r;
            }
            return train;
        }
    }
}
