using Nämndportal.Domain.Delegation;

namespace Nämndportal.Domain.Tests.Delegation;

public sealed class NumberRangesTests
{
    [Fact]
    public void Consecutive_numbers_become_one_range_and_a_gap_starts_another()
    {
        NumberRanges.Compress([(94, 2023), (95, 2023), (96, 2023), (97, 2023), (99, 2023)]).Select(r => r.ToString())
            .ShouldBe(["94-97/2023", "99/2023"]);
    }

    [Fact]
    public void A_single_number_stands_alone_and_order_of_input_does_not_matter()
    {
        NumberRanges.Compress([(12, 2026), (3, 2026), (11, 2026), (1, 2026)]).Select(r => r.ToString())
            .ShouldBe(["1/2026", "3/2026", "11-12/2026"]);
    }

    [Fact]
    public void A_new_year_starts_a_new_range_even_when_the_numbers_run_on()
    {
        // 98/2023 and 1/2024 are not a range, and neither are 5/2023 and 6/2024.
        NumberRanges.Compress([(97, 2023), (98, 2023), (1, 2024), (2, 2024), (5, 2023), (6, 2024)]).Select(r => r.ToString())
            .ShouldBe(["5/2023", "97-98/2023", "1-2/2024", "6/2024"]);
    }

    [Fact]
    public void A_change_of_key_breaks_a_run_of_consecutive_numbers()
    {
        var items = new[] { (N: 94, D: "A"), (N: 95, D: "A"), (N: 96, D: "B"), (N: 97, D: "A"), (N: 98, D: "A") };
        NumberRanges.Compress(items, i => i.N, _ => 2023, i => i.D).Select(r => $"{r.Range} {r.Key} ({r.Items.Count})")
            .ShouldBe(["94-95/2023 A (2)", "96/2023 B (1)", "97-98/2023 A (2)"]);
    }

    [Fact]
    public void Duplicates_and_nothing_are_handled()
    {
        NumberRanges.Compress([(4, 2026), (4, 2026), (5, 2026)]).Select(r => r.ToString()).ShouldBe(["4-5/2026"]);
        NumberRanges.Compress([]).ShouldBeEmpty();
    }
}
