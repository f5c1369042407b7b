using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>
/// A deputy's yearly duty list (履职清单, "六联一清单") in one tenant: what the deputy plans to do in the year, one item
/// per kind of duty with a target count. Progress is not stored: it is the archive's count of that kind in that year.
/// </summary>
internal sealed class DutyList : TenantOwnedEntity
{
    private readonly List<DutyListItem> _items = [];

    private DutyList()
    {
    }

    public DutyList(Guid deputyId, int year)
    {
        DeputyId = deputyId;
        Year = year;
    }

    public Guid DeputyId { get; private set; }
    public int Year { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public IReadOnlyList<DutyListItem> Items => _items;

    public void ReplaceItems(IEnumerable<(DutyKind Kind, int TargetCount, string? Note)> items, DateTime nowUtc)
    {
        var list = items.ToList();
        if (list.GroupBy(i => i.Kind).Any(g => g.Count() > 1))
        {
            throw new BusinessRuleException("deputies.duty_list_duplicate_kind", Text.Of("同一类别在履职清单中只能列一项。", "Each kind appears once in the duty list."));
        }
        _items.Clear();
        _items.AddRange(list.Select(i => new DutyListItem(i.Kind, i.TargetCount, string.IsNullOrWhiteSpace(i.Note) ? null : i.Note.Trim())));
        UpdatedAtUtc = nowUtc;
    }
}

internal sealed class DutyListItem
{
    private DutyListItem()
    {
    }

    public DutyListItem(DutyKind kind, int targetCount, string? note)
    {
        Kind = kind;
        TargetCount = targetCount;
        Note = note;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DutyKind Kind { get; private set; }
    public int TargetCount { get; private set; }
    public string? Note { get; private set; }
}
