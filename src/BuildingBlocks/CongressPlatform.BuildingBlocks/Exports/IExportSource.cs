using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.BuildingBlocks.Exports;

/// <summary>A column of an exported list: its Chinese header and how its cells are written.</summary>
public sealed record ExportColumn(string Header, ExportCellType Type = ExportCellType.Text, double Width = 16);

public enum ExportCellType
{
    Text,
    Number,

    /// <summary>A <see cref="DateTime"/> in UTC, written in Beijing time.</summary>
    DateTime,

    /// <summary>A <see cref="DateOnly"/>.</summary>
    Date,
}

/// <summary>
/// A list a module lets users export as .xlsx or CSV. The module registers one per list; the exports service runs it
/// in the requesting user's tenant and permissions (the module's DbContext filters apply as for the list itself),
/// in the background when the list is large, and tells the user when the file is ready.
/// </summary>
public interface IExportSource
{
    /// <summary>Stable key, <c>module.list</c> (<c>identity.users</c>).</summary>
    string Name { get; }

    /// <summary>The permission needed to export this list; usually the list's read permission.</summary>
    string Permission { get; }

    /// <summary>Chinese title: the file name and the label in the exports list (<c>用户</c>).</summary>
    string Title { get; }

    IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>How many rows the filter yields, for progress and to decide foreground or background.</summary>
    Task<int> CountAsync(JsonElement filter, CancellationToken cancellationToken);

    /// <summary>The rows, one value per column, streamed (no tracking, no list in memory).</summary>
    IAsyncEnumerable<object?[]> RowsAsync(JsonElement filter, CancellationToken cancellationToken);
}

public static class ExportSourceRegistration
{
    /// <summary>
    /// Offers a list for export: exactly <c>services.AddScoped&lt;IExportSource, TSource&gt;()</c>. Scoped, so the source
    /// uses its module's DbContext of the export's scope (the requesting user's tenant and permissions).
    /// </summary>
    public static IServiceCollection AddExportSource<TSource>(this IServiceCollection services)
        where TSource : class, IExportSource =>
        services.AddScoped<IExportSource, TSource>();
}

/// <summary>What one export may hold.</summary>
public static class ExportLimits
{
    /// <summary>Excel's and WPS's sheet holds 1,048,576 rows; one is the header.</summary>
    public const int MaxRows = 1_048_575;

    /// <summary>The longest text Excel keeps in a cell; longer text is cut.</summary>
    public const int MaxCellText = 32_767;

    /// <summary>The longest filter (JSON) an export may carry.</summary>
    public const int MaxFilterLength = 4000;
}
