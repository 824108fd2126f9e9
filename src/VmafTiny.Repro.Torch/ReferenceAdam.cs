using TorchSharp;
using static TorchSharp.torch;

namespace VmafTiny.Repro.Torch;

/// <summary>
/// Adam exactly as PyTorch's single-tensor implementation (torch/optim/adam.py,
/// <c>_single_tensor_adam</c>, no weight decay, no amsgrad), op for op.
/// </summary>
/// <remarks>
/// Written out instead of using TorchSharp's optimizer because its steps create temporary
/// <see cref="Scalar"/> objects that can be finalized by a garbage collection on another training
/// thread while libtorch still reads them (seen here as "Expected false to be true" from
/// c10::Scalar::toDouble). Every Scalar here lives in a <c>using</c> that spans its native call.
/// </remarks>
internal sealed class ReferenceAdam : IDisposable
{
    private readonly IReadOnlyList<Tensor> _parameters;
    private readonly Tensor[] _expAvg;
    private readonly Tensor[] _expAvgSq;
    private readonly double _lr;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly Scalar _beta1Scalar;
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _eps;
    private readonly Scalar _one;
    private int _step;

    public ReferenceAdam(IEnumerable<Tensor> parameters, double lr, double beta1, double beta2, double eps)
    {
        _parameters = parameters.ToList();
        _expAvg = _parameters.Select(p => torch.zeros_like(p)).ToArray();
        _expAvgSq = _parameters.Select(p => torch.zeros_like(p)).ToArray();
        _lr = lr;
        _beta1 = beta1;
        _beta2 = beta2;
        _beta1Scalar = beta1.ToScalar();
        _beta2Scalar = beta2.ToScalar();
        _oneMinusBeta1 = (1 - beta1).ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _eps = eps.ToScalar();
        _one = 1.ToScalar();
    }

    public void ZeroGrad()
    {
        foreach (var p in _parameters) p.grad?.zero_();
    }

    public void Step()
    {
        _step++;
        var biasCorrection1 = 1 - Math.Pow(_beta1, _step);
        var biasCorrection2 = 1 - Math.Pow(_beta2, _step);
        using var negStepSize = (-(_lr / biasCorrection1)).ToScalar();
        using var biasCorrection2Sqrt = Math.Sqrt(biasCorrection2).ToScalar();
        using (torch.no_grad())
        {
            for (var i = 0; i < _parameters.Count; i++)
            {
                using var scope = torch.NewDisposeScope();
                var p = _parameters[i];
                var grad = p.grad!;
                _expAvg[i].mul_(_beta1Scalar).add_(grad, _oneMinusBeta1);
                _expAvgSq[i].mul_(_beta2Scalar).addcmul_(grad, grad, _oneMinusBeta2);
                var denom = _expAvgSq[i].sqrt().div(biasCorrection2Sqrt).add_(_eps, _one);
                p.addcdiv_(_expAvg[i], denom, negStepSize);
            }
        }
    }

    /// <summary>Releases the scalars; the moment tensors belong to the caller's dispose scope.</summary>
    public void Dispose()
    {
        foreach (var s in new[] { _beta1Scalar, _beta2Scalar, _oneMinusBeta1, _oneMinusBeta2, _eps, _one }) s.Dispose();
    }
}
