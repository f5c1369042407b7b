using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.UnitTests.Identity;

public sealed class TenantTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_district_is_a_root()
    {
        var district = Tenant.CreateDistrict("liucheng", "  柳城区人大常委会 ", Now);
        district.Kind.Should().Be(TenantKind.District);
        district.Path.Should().Be("/liucheng/");
        district.Depth.Should().Be(0);
        district.ParentId.Should().BeNull();
        district.Name.Should().Be("柳城区人大常委会");
        district.IsActive.Should().BeTrue();
        district.CreatedAtUtc.Should().Be(Now);
    }

    [Theory]
    [InlineData(TenantKind.Street)]
    [InlineData(TenantKind.Township)]
    public void A_street_or_township_is_created_under_a_district_with_its_path(TenantKind kind)
    {
        var district = Tenant.CreateDistrict("liucheng", "柳城区人大常委会", Now);
        var child = district.CreateChild("dongliu", " 东柳街道人大工委", kind, Now);
        child.Kind.Should().Be(kind);
        child.ParentId.Should().Be(district.Id);
        child.Path.Should().Be("/liucheng/dongliu/");
        child.Depth.Should().Be(1);
        child.Name.Should().Be("东柳街道人大工委");
        child.Id.Should().NotBe(district.Id);
        var info = child.ToInfo();
        info.Should().Be(new TenantInfo(child.Id, "dongliu", "东柳街道人大工委", kind, "/liucheng/dongliu/", district.Id, true));
    }

    [Fact]
    public void Children_are_created_only_under_a_district()
    {
        var street = Tenant.CreateDistrict("liucheng", "柳城区", Now).CreateChild("dongliu", "东柳", TenantKind.Street, Now);
        var act = () => street.CreateChild("shequ", "社区", TenantKind.Street, Now);
        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("tenant.parent_not_district");
    }

    [Fact]
    public void A_child_is_never_a_district()
    {
        var district = Tenant.CreateDistrict("liucheng", "柳城区", Now);
        var act = () => district.CreateChild("other", "另一个区", TenantKind.District, Now);
        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("tenant.child_kind");
    }

    [Fact]
    public void An_inactive_parent_takes_no_children()
    {
        var district = Tenant.CreateDistrict("liucheng", "柳城区", Now);
        district.Update("柳城区", isActive: false);
        var act = () => district.CreateChild("dongliu", "东柳", TenantKind.Street, Now);
        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("tenant.parent_inactive");
    }

    [Fact]
    public void Update_trims_the_name_and_keeps_code_and_path()
    {
        var district = Tenant.CreateDistrict("liucheng", "柳城区", Now);
        district.Update("  柳城区人大常委会  ", isActive: true);
        district.Name.Should().Be("柳城区人大常委会");
        district.Code.Should().Be("liucheng");
        district.Path.Should().Be("/liucheng/");
    }
}
