using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.ImportDeputies;

/// <summary>
/// Imports a roster (.xlsx or CSV, the template's Chinese headers) into the active tenant, all or nothing: every row is
/// checked (cells, duplicates within the file, conflicts with registered persons and seats); if any row fails nothing is
/// imported and the refusal (422, recorded in the audit log as refused) lists each problem by row and column under
/// <c>rows</c>. A
/// valid file is saved in one transaction; a person already registered (same mobile, same name) gets a new seat, not a
/// second file.
/// </summary>
[RequiresPermission(DeputiesPermissions.DeputiesImport)]
public sealed record ImportDeputiesCommand(string FileName, byte[] Content) : ICommand<ImportResultDto>;

/// <param name="Row">The row number as the spreadsheet shows it (the header is row 1).</param>
public sealed record ImportErrorDto(int Row, string Column, string Message);

public sealed record ImportResultDto(int Rows, int PersonsCreated, int SeatsAdded);

internal sealed class ImportDeputiesCommandValidator : AbstractValidator<ImportDeputiesCommand>
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public ImportDeputiesCommandValidator()
    {
        RuleFor(c => c.FileName).NotEmpty().MaximumLength(200).WithName(_ => Text.Of("文件", "File"));
        RuleFor(c => c.Content).NotNull().Must(c => c is { Length: > 0 and <= MaxBytes })
            .WithMessage(_ => Text.Of("请选择不超过 2 MB 的 .xlsx 或 .csv 文件。", "Choose an .xlsx or .csv file of at most 2 MB."));
    }
}

internal sealed class ImportDeputiesCommandHandler(DeputiesDbContext db, ITenantContext scope, ITenantDirectory directory, TimeProvider clock)
    : IRequestHandler<ImportDeputiesCommand, ImportResultDto>
{
    public async Task<ImportResultDto> Handle(ImportDeputiesCommand request, CancellationToken cancellationToken)
    {
        var file = ImportSheet.Read(request.FileName, request.Content);
        var (rows, errors) = ImportRowRules.Validate(file, ChinaTime.Today(clock));
        var tenant = await RegistryQueries.SeatTenantAsync(scope, directory, null, cancellationToken);

        // Conflicts with the registry: persons are global (matched by mobile); seats are checked in this tenant.
        var mobiles = rows.Select(r => r.Person.Mobile).Distinct().ToList();
        var existing = await db.Deputies.Include(d => d.Seats).Where(d => mobiles.Contains(d.Mobile)).ToDictionaryAsync(d => d.Mobile, cancellationToken);
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Person.Mobile, out var person))
            {
                continue;
            }
            if (person.Name != row.Person.Name.Trim())
            {
                errors.Add(new ImportErrorDto(row.Number, ImportColumns.Mobile, "该手机号已登记为另一位代表(姓名不同),请核对。"));
            }
            else if (person.Seats.Any(s => s.TenantId == tenant.Id && s.Level == row.Level && s.Term == row.Term && s.Status == SeatStatus.Serving))
            {
                errors.Add(new ImportErrorDto(row.Number, ImportColumns.Level, $"该代表在本单位已有{RegistryNames.Levels[row.Level]}级{RegistryNames.TermName(row.Term)}在任席位。"));
            }
        }
        if (errors.Count > 0)
        {
            var bad = errors.Select(e => e.Row).Distinct().Count();
            throw new BusinessRuleException("deputies.import_invalid", Text.Of(
                $"有 {bad} 行数据有误,未导入任何数据。请按错误报告修改后重新导入。", $"{bad} rows have errors; nothing was imported."))
            {
                Details = new Dictionary<string, object?> { ["rows"] = errors.OrderBy(e => e.Row).ToList() },
            };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Person.Mobile, out var person))
            {
                person = new Deputy(row.Person, now);
                db.Deputies.Add(person);
                existing[row.Person.Mobile] = person;
                created++;
            }
            db.Seats.Add(person.AddSeat(new SeatDetails(row.Level, row.Term, row.Constituency, row.ElectedOn, row.ByElection, tenant.Id, tenant.Path)));
        }
        // One SaveChanges: one transaction, every row or none.
        await db.SaveChangesAsync(cancellationToken);
        return new ImportResultDto(file.Rows.Count, created, rows.Count);
    }
}
