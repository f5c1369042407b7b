using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Persistence;

/// <summary>The module DbContexts a scope has used; the unit-of-work behaviour saves them when the outermost command ends.</summary>
public sealed class UnitOfWork
{
    private readonly List<DbContext> _contexts = [];

    internal int Depth { get; set; }

    internal void Enlist(DbContext context) => _contexts.Add(context);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        foreach (var context in _contexts)
        {
            if (context.ChangeTracker.HasChanges())
            {
                await context.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
