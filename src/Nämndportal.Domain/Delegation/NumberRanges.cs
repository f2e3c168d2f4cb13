namespace Nämndportal.Domain.Delegation;

/// <summary>A run of consecutive numbers in one year's series: "94-97/2023", or "98/2023" for one.</summary>
public readonly record struct NumberRange(int From, int To, int Year)
{
    public override string ToString() => From == To ? $"{From}/{Year}" : $"{From}-{To}/{Year}";
}

/// <summary>
/// Compresses numbered items into ranges as municipalities print them in the redovisning av delegationsbeslut: items in
/// number order within each year, consecutive numbers with the same key (the same description and case number, say) in
/// one range; a gap, a new key or a new year starts a new range.
/// </summary>
public static class NumberRanges
{
    public static IReadOnlyList<(NumberRange Range, TKey Key, IReadOnlyList<T> Items)> Compress<T, TKey>(
        IEnumerable<T> items, Func<T, int> number, Func<T, int> year, Func<T, TKey> key)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(key);
        var comparer = EqualityComparer<TKey>.Default;
        var result = new List<(NumberRange, TKey, IReadOnlyList<T>)>();
        List<T>? run = null;
        (int Year, int From, int To, TKey Key) current = default;
        foreach (var item in items.OrderBy(year).ThenBy(number))
        {
            var (y, n, k) = (year(item), number(item), key(item));
            if (run is not null && y == current.Year && n == current.To + 1 && comparer.Equals(k, current.Key))
            {
                run.Add(item);
                current.To = n;
                continue;
            }

            if (run is not null)
            {
                result.Add((new NumberRange(current.From, current.To, current.Year), current.Key, run));
            }

            run = [item];
            current = (y, n, n, k);
        }

        if (run is not null)
        {
            result.Add((new NumberRange(current.From, current.To, current.Year), current.Key, run));
        }

        return result;
    }

    /// <summary>The numbers alone compressed: 1, 2, 3, 5 in 2026 give "1-3/2026", "5/2026".</summary>
    public static IReadOnlyList<NumberRange> Compress(IEnumerable<(int Number, int Year)> numbers) =>
        Compress(numbers.Distinct(), n => n.Number, n => n.Year, _ => 0).Select(r => r.Range).ToList();
}
