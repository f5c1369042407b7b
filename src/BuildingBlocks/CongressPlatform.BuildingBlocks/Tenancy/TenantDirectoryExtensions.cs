namespace CongressPlatform.BuildingBlocks.Tenancy;

public static class TenantDirectoryExtensions
{
    /// <summary>The names of the given tenants (each looked up once, from the directory's cache); an unknown id gets "".</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(this ITenantDirectory directory, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var id in ids)
        {
            if (!names.ContainsKey(id))
            {
                names[id] = (await directory.FindAsync(id, cancellationToken))?.Name ?? string.Empty;
            }
        }
        return names;
    }
}
