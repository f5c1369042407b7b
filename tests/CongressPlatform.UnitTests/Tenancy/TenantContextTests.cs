using CongressPlatform.BuildingBlocks.Tenancy;

namespace CongressPlatform.UnitTests.Tenancy;

public sealed class TenantContextTests
{
    private static readonly TenantInfo District = new(Guid.NewGuid(), "liucheng", "柳城区", TenantKind.District, "/liucheng/", null, true);
    private static readonly TenantInfo Street = new(Guid.NewGuid(), "dongliu", "东柳街道", TenantKind.Street, "/liucheng/dongliu/", District.Id, true);
    private static readonly TenantInfo Sibling = new(Guid.NewGuid(), "xiliu", "西柳街道", TenantKind.Street, "/liucheng/xiliu/", District.Id, true);
    private static readonly TenantInfo PrefixSibling = new(Guid.NewGuid(), "dongliu-east", "东柳东", TenantKind.Street, "/liucheng/dongliu-east/", District.Id, true);
    private static readonly TenantInfo OtherDistrict = new(Guid.NewGuid(), "liuchengxi", "柳城西区", TenantKind.District, "/liuchengxi/", null, true);

    private static TenantContext In(TenantInfo tenant, bool supervises = false)
    {
        var context = new TenantContext();
        context.SetTenant(tenant, supervises);
        return context;
    }

    private static bool Covers(TenantContext context, TenantInfo row) => context.Covers(row.Id, row.Path);

    [Fact]
    public void A_tenant_covers_its_own_rows()
    {
        Covers(In(Street), Street).Should().BeTrue();
        Covers(In(District), District).Should().BeTrue();
    }

    [Fact]
    public void A_parent_without_supervision_does_not_cover_its_children()
    {
        Covers(In(District), Street).Should().BeFalse();
    }

    [Fact]
    public void A_supervising_parent_covers_its_subtree_but_not_another_district()
    {
        var supervisor = In(District, supervises: true);
        Covers(supervisor, District).Should().BeTrue();
        Covers(supervisor, Street).Should().BeTrue();
        Covers(supervisor, Sibling).Should().BeTrue();
        Covers(supervisor, OtherDistrict).Should().BeFalse("'/liuchengxi/' shares a prefix with '/liucheng' but not with '/liucheng/'");
    }

    [Fact]
    public void A_tenant_never_covers_a_sibling_even_when_it_supervises()
    {
        Covers(In(Street), Sibling).Should().BeFalse();
        Covers(In(Street, supervises: true), Sibling).Should().BeFalse();
        Covers(In(Street, supervises: true), PrefixSibling).Should().BeFalse("the trailing slash keeps '/liucheng/dongliu-east/' out of '/liucheng/dongliu/'");
        Covers(In(Street, supervises: true), District).Should().BeFalse("supervision reaches down, never up");
    }

    [Fact]
    public void The_system_scope_covers_everything()
    {
        var system = new TenantContext();
        system.EnterSystemScope();
        system.IsResolved.Should().BeTrue();
        system.IsSystem.Should().BeTrue();
        Covers(system, Street).Should().BeTrue();
        Covers(system, OtherDistrict).Should().BeTrue();
    }

    [Fact]
    public void An_unresolved_scope_covers_nothing()
    {
        var unresolved = new TenantContext();
        unresolved.IsResolved.Should().BeFalse();
        Covers(unresolved, Street).Should().BeFalse();
        unresolved.Covers(Guid.Empty, string.Empty).Should().BeFalse();
    }

    [Fact]
    public void A_scope_is_resolved_once()
    {
        var context = In(Street);
        context.Invoking(c => c.SetTenant(Street, supervisesSubtree: false)).Should().NotThrow("setting the same tenant again is harmless");
        context.Invoking(c => c.SetTenant(Sibling, supervisesSubtree: false)).Should().Throw<InvalidOperationException>();
        context.Invoking(c => c.EnterSystemScope()).Should().Throw<InvalidOperationException>("a tenant scope cannot widen itself to the system");
        context.TenantId.Should().Be(Street.Id);
        context.TenantPath.Should().Be(Street.Path);
        context.TenantName.Should().Be(Street.Name);
    }
}
