using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Stations.Domain;

/// <summary>
/// The "室—站—点" tree: each station sits under a station of a higher tier (a smaller <see cref="StationKind"/>) of the same
/// tenant. The home (代表之家) is a root; a centre or community station may be a root (a street without a home); a point
/// (联络点) always hangs under a station. Because the tier strictly grows downwards, no move can make a cycle.
/// </summary>
internal static class StationNesting
{
    /// <summary>The refusal when <paramref name="kind"/> may not sit under <paramref name="parentKind"/> (null: at the top), or null when it may.</summary>
    public static string? Refusal(StationKind kind, StationKind? parentKind)
    {
        if (parentKind is null)
        {
            return kind == StationKind.LiaisonPoint
                ? Text.Of("联络点须设在某个代表之家或联络站之下。", "A liaison point must sit under a home or a station.")
                : null;
        }
        if (kind == StationKind.DeputiesHome)
        {
            return Text.Of("代表之家是最高一级,不能设在其他站点之下。", "The deputies' home is the top tier and has no parent.");
        }
        return parentKind.Value < kind
            ? null
            : Text.Of($"{KindName(kind)}不能设在{KindName(parentKind.Value)}之下。", $"A {kind} cannot sit under a {parentKind}.");
    }

    public static void Ensure(StationKind kind, StationKind? parentKind)
    {
        if (Refusal(kind, parentKind) is { } message)
        {
            throw new BusinessRuleException("stations.nesting", message);
        }
    }

    /// <summary>Changing a station's tier must keep it above each of its children.</summary>
    public static void EnsureAboveChildren(StationKind kind, IEnumerable<StationKind> childKinds)
    {
        if (childKinds.Any(child => child <= kind))
        {
            throw new BusinessRuleException("stations.nesting_children", Text.Of(
                $"本站点下还有同级或更高一级的站点,不能改为{KindName(kind)}。", $"Stations under this one would no longer be below a {kind}."));
        }
    }

    public static string KindName(StationKind kind) => kind switch
    {
        StationKind.DeputiesHome => "代表之家",
        StationKind.CentreStation => "中心联络站",
        StationKind.CommunityStation => "社区联络站",
        _ => "联络点",
    };
}
