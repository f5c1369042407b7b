using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Notifications.Contracts;
using CongressPlatform.Modules.Notifications.Domain;
using CongressPlatform.Modules.Notifications.Features.Inbox;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Notifications.Features.Preferences;

/// <summary>A category and how the person wants it by e-mail (the inbox always gets it).</summary>
public sealed record PreferenceDto(string Category, string Name, EmailMode Email);

/// <summary>The signed-in person's e-mail choice for every listed category (unset ones show the default, immediately).</summary>
[RequiresPermission(NotificationsPermissions.InboxUse)]
public sealed record GetPreferencesQuery : IQuery<IReadOnlyList<PreferenceDto>>;

internal sealed class GetPreferencesQueryHandler(NotificationsDbContext db, ICurrentUser user) : IRequestHandler<GetPreferencesQuery, IReadOnlyList<PreferenceDto>>
{
    public async Task<IReadOnlyList<PreferenceDto>> Handle(GetPreferencesQuery request, CancellationToken cancellationToken)
    {
        var me = InboxOwner.Of(user);
        var set = await db.Preferences.AsNoTracking().Where(p => p.UserId == me).ToDictionaryAsync(p => p.Category, p => p.Email, cancellationToken);
        return NotificationCategories.All
            .Select(c => new PreferenceDto(c.Key, Text.Of(c.ZhName, c.EnName), set.GetValueOrDefault(c.Key, NotificationPreference.Default)))
            .ToList();
    }
}

public sealed record PreferenceChoiceDto(string Category, EmailMode Email);

/// <summary>Sets the signed-in person's e-mail choice for the given categories; others keep theirs.</summary>
[RequiresPermission(NotificationsPermissions.InboxUse)]
public sealed record UpdatePreferencesCommand(IReadOnlyList<PreferenceChoiceDto> Preferences) : ICommand<IReadOnlyList<PreferenceDto>>;

internal sealed class UpdatePreferencesCommandValidator : AbstractValidator<UpdatePreferencesCommand>
{
    public UpdatePreferencesCommandValidator()
    {
        RuleFor(c => c.Preferences).NotNull().Must(p => p is { Count: > 0 } && p.Select(x => x?.Category).Distinct().Count() == p.Count)
            .WithMessage(_ => Text.Of("请至少提交一个类别,且类别不能重复。", "Submit at least one category, each once."));
        RuleForEach(c => c.Preferences).ChildRules(p =>
        {
            p.RuleFor(x => x.Category).Must(c => NotificationCategories.All.Any(k => k.Key == c))
                .WithMessage(_ => Text.Of("没有这个通知类别。", "Unknown notification category."));
            p.RuleFor(x => x.Email).IsInEnum()
                .WithMessage(_ => Text.Of("邮件方式须为:不发送、立即发送或每日摘要。", "The e-mail mode must be Off, Immediately or DailyDigest."));
        });
    }
}

internal sealed class UpdatePreferencesCommandHandler(NotificationsDbContext db, ICurrentUser user, TimeProvider clock, IMediator mediator)
    : IRequestHandler<UpdatePreferencesCommand, IReadOnlyList<PreferenceDto>>
{
    public async Task<IReadOnlyList<PreferenceDto>> Handle(UpdatePreferencesCommand request, CancellationToken cancellationToken)
    {
        var me = InboxOwner.Of(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Preferences.Where(p => p.UserId == me).ToDictionaryAsync(p => p.Category, cancellationToken);
        foreach (var choice in request.Preferences)
        {
            if (!existing.TryGetValue(choice.Category, out var row))
            {
                row = new NotificationPreference { UserId = me, Category = choice.Category };
                db.Preferences.Add(row);
            }
            row.Email = choice.Email;
            row.UpdatedAtUtc = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new GetPreferencesQuery(), cancellationToken);
    }
}
