using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Persistence;

/// <summary>
/// A page whose size is written into the SQL (<c>LIMIT 20</c>) instead of sent as a parameter, and whose first page has
/// no OFFSET. EF Core makes every <c>Take</c> and <c>Skip</c> a parameter, and PostgreSQL cannot cost a prepared
/// statement with a parameter LIMIT (it assumes a tenth of the rows), so it plans such a statement again on every
/// execution. With the page size written in, the first page's statement is planned once and its plan reused
/// (docs/performance.md §F.5). The price is one statement per page size, which callers keep few
/// (<c>Paging.MaxPageSize</c> bounds them); later pages keep their OFFSET as a parameter.
/// </summary>
public static class InlinedPaging
{
    private static readonly MethodInfo TakeMethod =
        new Func<IQueryable<object>, int, IQueryable<object>>(Queryable.Take).Method.GetGenericMethodDefinition();

    private static readonly MethodInfo InlineInt = typeof(EF).GetMethod(nameof(EF.Constant))!.MakeGenericMethod(typeof(int));

    /// <summary>Rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of an ordered query, the size inlined.</summary>
    public static IQueryable<T> PageInlined<T>(this IQueryable<T> ordered, int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var source = skip > 0 ? ordered.Skip(skip) : ordered;
        // Take(EF.Constant(take)) cannot be written in C#: Take's argument is not a lambda, so EF.Constant would run
        // before EF sees the query. The call is put into the expression tree instead, where EF reads it.
        return source.Provider.CreateQuery<T>(Expression.Call(
            TakeMethod.MakeGenericMethod(typeof(T)), source.Expression, Expression.Call(InlineInt, Expression.Constant(take))));
    }
}
