using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Persistence;

/// <summary>The module DbContexts a scope has used; the unit-of-work behaviour saves them when the outermost command ends.</summary>
public sealed class UnitOfWork
{
    private readonly List<DbContext> _contexts = [];

    internal int Depth { get; set; }

    /// <summary>True while a command runs: changes made now are saved when the outermost command ends.</summary>
    public bool InCommand => Depth > 0;

    internal void Enlist(DbContext context) => _contexts.Add(context);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        // Contexts that follow others (the notifications queue) are saved last, after the changes they report.
        foreach (var context in _contexts.OrderBy(c => c is ISavedLast ? 1 : 0))
        {
            if (context.ChangeTracker.HasChanges())
            {
                await context.SaveChangesAsync(cancellationToken);
            }
        }
    }
}

/// <summary>A DbContext whose changes the unit of work saves after every other context's (e.g. queued notifications).</summary>
public interface ISavedLast;
