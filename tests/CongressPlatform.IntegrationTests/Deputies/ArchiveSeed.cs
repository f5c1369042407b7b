using System.Security.Cryptography;
using System.Text;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Deputies;

/// <summary>
/// Deputies made straight in the database (the registry's API lives on its own branch): a person with a serving seat in
/// a tenant, optionally linked to the account the development header signs in as.
/// </summary>
internal static class ArchiveSeed
{
    private static int _mobile = Random.Shared.Next(10_000_000, 90_000_000);

    public static async Task<Guid> DeputyAsync(PlatformFactory factory, string tenantCode, string name, string? userName = null)
    {
        var tenant = await factory.TenantAsync(tenantCode);
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
        var mobile = $"139{Interlocked.Increment(ref _mobile):D8}";
        var deputy = new Deputy(new DeputyDetails(name, Gender.Female, null, 1975, "中共党员", null, "教师", "东柳小学", mobile, null), DateTime.UtcNow);
        deputy.AddSeat(new SeatDetails(SeatLevel.District, 17, "第一选区", new DateOnly(2021, 11, 1), false, tenant.Id, tenant.Path));
        if (userName is not null)
        {
            deputy.LinkAccount(DevUserId(userName), DateTime.UtcNow);
        }
        db.Deputies.Add(deputy);
        await db.SaveChangesAsync();
        return deputy.Id;
    }

    /// <summary>The user id the development header scheme gives a user name.</summary>
    public static Guid DevUserId(string userName) => new(SHA256.HashData(Encoding.UTF8.GetBytes(userName)).AsSpan(0, 16));

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..6]}";
}

public sealed record CorrectionView(Guid Id, string Reason, bool Withdrawn);

public sealed record RecordView(Guid Id, Guid DeputyId, string Kind, DateOnly OccurredOn, string Title, string Attendance, string? LeaveReason,
    string? Beneficiaries, int? BeneficiaryCount, decimal? Amount, Guid? CorrectsRecordId, string? CorrectionReason, bool Withdrawn, bool Counts,
    CorrectionView? CorrectedBy, Guid TenantId = default, string? TenantName = null);

public sealed record KindPointsView(string Kind, int Points);

public sealed record PolicyUsedView(Guid TenantId, string TenantName, int Year, int Revision);

public sealed record RankingEntryView(int Rank, Guid DeputyId, string Name, string TenantName, string? GroupName, int Total, List<KindPointsView> ByKind);

public sealed record RankingView(int Year, int? Quarter, int Count, List<PolicyUsedView> Policies, List<RankingEntryView> Entries);

public sealed record GroupMemberView(Guid DeputyId, string Name, string Role);

public sealed record GroupView(Guid Id, Guid TenantId, string Name, Guid Version, int MemberCount, List<GroupMemberView> Members, List<string> Warnings);

public sealed record GroupRankView(int Rank, Guid GroupId, string Name, string TenantName, int MemberCount, int TotalPoints, decimal AveragePoints);
