using System.Net;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Scheduling;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.IntegrationTests.Platform;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Notifications;

/// <summary>A job that cannot run, as a scheduled job whose data source is down would fail.</summary>
[NoPermissionRequired("A test job, run by the scheduler")]
public sealed record FailingTestJobCommand : ICommand<Unit>;

internal sealed class FailingTestJobCommandHandler : IRequestHandler<FailingTestJobCommand, Unit>
{
    public Task<Unit> Handle(FailingTestJobCommand request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("数据源暂不可用");
}

/// <summary>A scheduled job's failure reaches the system administrators' inboxes, once a day however often it fails.</summary>
public sealed class JobFailureTests
{
    private const string Key = "test.failing";

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_failed_job_run_tells_every_system_administrator_once_a_day(DatabaseProvider provider)
    {
        await using var factory = new PlatformFactory(provider, settings: new Dictionary<string, string?> { ["Scheduler:Enabled"] = "true" },
            configureServices: services =>
            {
                services.AddTransient<IRequestHandler<FailingTestJobCommand, Unit>, FailingTestJobCommandHandler>();
                // 03:00 every day: it runs in this test only when asked to.
                services.AddRecurringCommand<FailingTestJobCommand>(Key, "0 0 3 * * ?", "测试:同步代表名册", "Test: synchronise the roster");
            });
        var admin = SchedulerTests.Admin(factory);

        for (var run = 1; run <= 2; run++)
        {
            (await admin.PostAsync($"{SchedulerTests.Jobs}/{Key}/run", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            await SchedulerTests.Eventually(
                async () => await (await admin.GetAsync($"{SchedulerTests.Jobs}/{Key}/runs")).ReadAsync<List<SchedulerTests.RunView>>(),
                r => r.Count == run && r.All(x => x.FinishedAtUtc is not null),
                TimeSpan.FromSeconds(30),
                $"run {run} should be recorded");
        }

        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var holders = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetRoleHoldersQuery(Roles.SystemAdmin));
        holders.Should().NotBeEmpty("the demo district has a system administrator");
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var items = await SchedulerTests.Eventually(
            () => db.InboxItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.Category == "platform.job-failed").ToListAsync(),
            i => i.Count >= holders.Count,
            TimeSpan.FromSeconds(15),
            "each system administrator should be told");
        items.Select(i => i.UserId).Should().BeEquivalentTo(holders.Select(h => h.UserId), "one notice each, although the job failed twice");
        items.Should().OnlyContain(i => i.Title == "定时任务失败:测试:同步代表名册" && i.Link == "/system/jobs");
        items[0].Body.Should().Contain("数据源暂不可用").And.Contain(Key);
    }
}
