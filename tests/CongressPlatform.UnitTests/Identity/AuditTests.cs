using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.BuildingBlocks.Audit;
using CongressPlatform.BuildingBlocks.Exports;

namespace CongressPlatform.UnitTests.Identity;

public sealed class IdentityAuditTests
{
    [Fact]
    public void An_identity_event_becomes_a_platform_record_field_by_field()
    {
        var (user, actor, tenant) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        IdentityAudit.ToRecord(new IdentityAuditRecord(IdentityAuditKinds.PasswordReset, true, user, "zhangsan", actor, tenant, "spa", "管理员重置密码"))
            .Should().Be(new AuditRecord(
                "identity.password.reset", true, EntityType: "UserAccount", EntityId: user.ToString(), Detail: "管理员重置密码",
                UserId: user, UserName: "zhangsan", TenantId: tenant, ClientId: "spa", ActorId: actor));
        IdentityAudit.ToRecord(new IdentityAuditRecord(IdentityAuditKinds.SignInFailed, false, UserName: "typed")).Should().Be(new AuditRecord(
            "identity.sign_in.failed", false, UserName: "typed"));
    }

    [Fact]
    public void An_unknown_kind_is_a_programming_error()
    {
        var unknown = () => IdentityAudit.ToRecord(new IdentityAuditRecord("sign_in.sucess", true));
        unknown.Should().Throw<ArgumentException>().WithMessage("*sign_in.sucess*");
    }

    [Fact]
    public void Every_kind_is_listed_once_and_fits_its_column()
    {
        var constants = typeof(IdentityAuditKinds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        IdentityAuditKinds.All.Should().BeEquivalentTo(constants).And.OnlyHaveUniqueItems().And.HaveCount(25);
        IdentityAuditKinds.All.Should().OnlyContain(k => k.Length <= IdentityAuditEntry.KindLength && !k.Any(char.IsUpper));
        IdentityAuditKinds.IsKnown(null).Should().BeFalse();
        IdentityAuditKinds.IsKnown("EXPORT").Should().BeFalse();
    }
}
