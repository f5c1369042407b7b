namespace CongressPlatform.Modules.Deputies.Contracts;

/// <summary>Permissions of the Deputies module (<c>deputies.resource.action</c>).</summary>
public static class DeputiesPermissions
{
    public const string PointsPoliciesRead = "deputies.points-policies.read";
    public const string PointsPoliciesUpdate = "deputies.points-policies.update";

    // ----- Registry (deputies-reg): persons, seats, consent, invite, import/export -----
    public const string DeputiesRead = "deputies.deputies.read";
    public const string DeputiesCreate = "deputies.deputies.create";
    public const string DeputiesUpdate = "deputies.deputies.update";
    public const string DeputiesImport = "deputies.deputies.import";
    public const string DeputiesInvite = "deputies.deputies.invite";

    /// <summary>See a deputy's full mobile and e-mail (every reveal is audited); lists and profiles always mask them.</summary>
    public const string DeputiesRevealContact = "deputies.deputies.reveal-contact";
    // ----- end registry -----
}
