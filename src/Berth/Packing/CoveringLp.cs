namespace Berth.Packing;

/// <summary>
/// Solves min c·x subject to A·x ≥ b, x ≥ 0 with c ≥ 0 — a covering LP — exactly, by the dual simplex method
/// started from the all-surplus basis (dual feasible because c ≥ 0). With a handful of rows (one per resource) it
/// needs a few pivots over a tableau of rows × (columns + rows). Bland's rule on ties prevents cycling.
/// </summary>
public static class CoveringLp
{
    private const double Eps = 1e-9;

    /// <summary>The optimum: its cost, the non-zero columns, and the dual price of each row (the cost of one more unit of it).</summary>
    public sealed record Solution(bool Feasible, double Objective, IReadOnlyDictionary<int, double> Values, double[] Duals);

    /// <param name="a">The constraint matrix, rows × columns.</param>
    /// <param name="b">What each row must cover (≥ 0).</param>
    /// <param name="c">The cost of each column (≥ 0).</param>
    public static Solution Solve(double[][] a, double[] b, double[] c)
    {
        var m = b.Length;
        var n = c.Length;
        if (m == 0 || b.All(v => v <= Eps))
        {
            return new Solution(true, 0, new Dictionary<int, double>(), new double[m]);
        }

        var width = n + m;
        var t = new double[m][];
        var rhs = new double[m];
        var basis = new int[m];
        for (var i = 0; i < m; i++)
        {
            t[i] = new double[width];
            for (var j = 0; j < n; j++)
            {
                t[i][j] = -a[i][j];
            }

            t[i][n + i] = 1;
            rhs[i] = -b[i];
            basis[i] = n + i;
        }

        var d = new double[width];
        Array.Copy(c, d, n);

        for (var iteration = 0; iteration < 10_000; iteration++)
        {
            var r = -1;
            for (var i = 0; i < m; i++)
            {
                if (rhs[i] < -Eps && (r < 0 || rhs[i] < rhs[r] - Eps))
                {
                    r = i;
                }
            }

            if (r < 0)
            {
                var values = new Dictionary<int, double>();
                double objective = 0;
                for (var i = 0; i < m; i++)
                {
                    if (basis[i] < n && rhs[i] > Eps)
                    {
                        values[basis[i]] = rhs[i];
                        objective += c[basis[i]] * rhs[i];
                    }
                }

                // At the optimum the reduced cost of row i's surplus column is row i's dual price.
                var duals = new double[m];
                for (var i = 0; i < m; i++)
                {
                    duals[i] = Math.Max(0, d[n + i]);
                }

                return new Solution(true, objective, values, duals);
            }

            var entering = -1;
            var best = double.MaxValue;
            for (var j = 0; j < width; j++)
            {
                if (t[r][j] < -Eps)
                {
                    var ratio = d[j] / -t[r][j];
                    if (ratio < best - Eps)
                    {
                        best = ratio;
                        entering = j;
                    }
                }
            }

            if (entering < 0)
            {
                return new Solution(false, double.PositiveInfinity, new Dictionary<int, double>(), new double[m]);
            }

            var pivot = t[r][entering];
            for (var j = 0; j < width; j++)
            {
                t[r][j] /= pivot;
            }

            rhs[r] /= pivot;
            for (var i = 0; i < m; i++)
            {
                if (i == r || Math.Abs(t[i][entering]) < Eps)
                {
                    continue;
                }

                var f = t[i][entering];
                for (var j = 0; j < width; j++)
                {
                    t[i][j] -= f * t[r][j];
                }

                rhs[i] -= f * rhs[r];
            }

            var fd = d[entering];
            for (var j = 0; j < width; j++)
            {
                d[j] -= fd * t[r][j];
            }

            basis[r] = entering;
        }

        throw new InvalidOperationException("the covering LP did not converge");
    }
}
