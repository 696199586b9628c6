using System.Globalization;

namespace Consultation.Counting;

/// <summary>Whole numbers of units of 10^-decimals, the only arithmetic the counts use.</summary>
public static class FixedPoint
{
    /// <summary>How many units make one vote at this precision.</summary>
    public static long Scale(int decimals)
    {
        var scale = 1L;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10;
        }
        return scale;
    }

    public static string Format(long units, int decimals) =>
        decimals == 0
            ? units.ToString(CultureInfo.InvariantCulture)
            : (units / (decimal)Scale(decimals)).ToString("F" + decimals, CultureInfo.InvariantCulture);
}
