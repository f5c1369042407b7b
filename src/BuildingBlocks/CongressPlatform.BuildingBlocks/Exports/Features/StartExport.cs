using System.Text.Json;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Exports.Features;

/// <summary>
/// Exports a registered list (<see cref="IExportSource"/>) with a filter. The source's own permission decides; the row
/// count decides whether the file is written now (small) or by the background worker (large).
/// </summary>
[RequiresPermission(PlatformPermissions.ExportsUse)]
public sealed record StartExportCommand(string Source, ExportFormat Format, JsonElement? Filter) : ICommand<ExportJobDto>;

internal sealed class StartExportCommandValidator : AbstractValidator<StartExportCommand>
{
    public StartExportCommandValidator()
    {
        RuleFor(c => c.Source).NotEmpty().MaximumLength(100).WithName(_ => Text.Of("导出来源", "Source"));
        RuleFor(c => c.Format).IsInEnum().WithName(_ => Text.Of("格式", "Format"));
        RuleFor(c => c.Filter)
            .Must(f => f is null || f.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage(_ => Text.Of("筛选条件须为 JSON 对象。", "The filter must be a JSON object."))
            .Must(f => f is null || f.Value.GetRawText().Length <= ExportLimits.MaxFilterLength)
            .WithMessage(_ => Text.Of($"筛选条件过长(最多 {ExportLimits.MaxFilterLength} 个字符)。", $"The filter is too long (at most {ExportLimits.MaxFilterLength} characters)."));
    }
}

internal sealed class StartExportCommandHandler(
    ExportsDbContext db, IEnumerable<IExportSource> sources, ICurrentUser user, ITenantContext tenant, ExportRunner runner,
    ExportSignal signal, IOptions<ExportOptions> options, TimeProvider clock)
    : IRequestHandler<StartExportCommand, ExportJobDto>
{
    public async Task<ExportJobDto> Handle(StartExportCommand request, CancellationToken cancellationToken)
    {
        var source = sources.FirstOrDefault(s => s.Name == request.Source.Trim())
            ?? throw new NotFoundException("export.unknown_source", Text.Of(
                $"没有名为“{request.Source}”的可导出列表。", $"There is no exportable list named '{request.Source}'."));
        if (!user.HasPermission(source.Permission))
        {
            throw new ForbiddenException("permission.denied", Text.Of(
                $"您没有导出此数据的权限({source.Permission})。", $"You do not have the permission '{source.Permission}' to export this list."));
        }
        if (user.UserId is not { } userId || !tenant.IsResolved || tenant.IsSystem)
        {
            throw new ForbiddenException("export.no_tenant", Text.Of("请先以某个单位的身份登录后再导出。", "Sign in to an organisation to export."));
        }
        var filterJson = request.Filter is { ValueKind: JsonValueKind.Object } f ? f.GetRawText() : "{}";
        using var filter = JsonDocument.Parse(filterJson);
        var count = await source.CountAsync(filter.RootElement, cancellationToken);
        if (count > ExportLimits.MaxRows)
        {
            throw ExportWriters.TooManyRows(count);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var job = new ExportJob(userId, user.DisplayName, user.Roles, source.Name, source.Title, request.Format, filterJson, count, now);
        db.Jobs.Add(job);
        if (count > options.Value.InlineMaxRows)
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
            return ExportJobDto.From(job);
        }
        // Small: written now, in this request's scope. Should the request die, the lease runs out and a worker finishes it.
        job.Start(now, now.AddSeconds(options.Value.LeaseSeconds));
        await db.SaveChangesAsync(cancellationToken);
        await runner.RunAsync(job, inRequest: true, cancellationToken);
        return ExportJobDto.From(job);
    }
}
