namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// Adam (Kingma and Ba 2015) with Dozat and Manning's β2 = 0.9, gradient clipping by global
/// norm and a step decay of the learning rate (×0.75 every <see cref="DecaySteps"/> steps).
/// Its moments are part of the checkpoint, so a resumed run continues bit for bit.
/// </summary>
internal sealed class Adam(int size, float rate = 2e-3f, float beta1 = 0.9f, float beta2 = 0.9f, float clip = 5f)
{
    public const int DecaySteps = 5000;
    private const float Epsilon = 1e-8f;

    public float[] M { get; } = new float[size];
    public float[] V { get; } = new float[size];
    public long Steps { get; set; }

    /// <summary>A factor on the learning rate, set per epoch by the trainer (the final anneal).</summary>
    public float Scale { get; set; } = 1f;

    /// <summary>Applies one step of <paramref name="grad"/> to <paramref name="w"/>; returns the gradient's norm before clipping.</summary>
    public double Step(float[] w, float[] grad)
    {
        double norm2 = 0;
        for (int i = 0; i < grad.Length; i++) norm2 += (double)grad[i] * grad[i];
        double norm = Math.Sqrt(norm2);
        float factor = norm > clip ? (float)(clip / norm) : 1f;
        Steps++;
        float lr = Scale * rate * MathF.Pow(0.75f, (float)Steps / DecaySteps);
        float c1 = 1f / (1f - MathF.Pow(beta1, Steps)), c2 = 1f / (1f - MathF.Pow(beta2, Steps));
        var m = M; var v = V;
        for (int i = 0; i < w.Length; i++)
        {
            float g = grad[i] * factor;
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            w[i] -= lr * (m[i] * c1) / (MathF.Sqrt(v[i] * c2) + Epsilon);
        }
        return norm;
    }
}
