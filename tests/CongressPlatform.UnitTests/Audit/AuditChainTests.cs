using System.Text;
using CongressPlatform.BuildingBlocks.Audit;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 3, 4, DateTimeKind.Utc);

    private static AuditDraft Draft(string detail = "改名") => new(
        AuditCategories.Command, "identity.update-handling-unit", AuditOutcomes.Succeeded, Now.AddTicks(1234567),
        UserId: Guid.Parse("0193a000-0000-7000-8000-000000000001"), UserName: "张三", TenantPath: "/liucheng/dongliu/",
        EntityType: "HandlingUnit", EntityId: "h1", Detail: detail,
        Changes: [new AuditEntityChange("HandlingUnit", "h1", "modified", [new AuditFieldChange("Name", "旧", "新")])],
        Id: Guid.Parse("0193a000-0000-7000-8000-0000000000aa"));

    private static AuditEntry Sealed(AuditDraft draft, long seq = 7, string? prev = null)
    {
        var entry = AuditEntry.Draft(draft);
        entry.Seal(seq, prev ?? AuditChainHead.Genesis);
        return entry;
    }

    [Fact]
    public void The_hash_is_sha256_of_the_canonical_fields_and_the_same_every_time()
    {
        var entry = Sealed(Draft());
        entry.Hash.Should().MatchRegex("^[0-9a-f]{64}$").And.Be(entry.ComputeHash());
        entry.Canonical().Should().StartWith("[\"7\",\"0193a000-0000-7000-8000-0000000000aa\",\"2026-12-01T02:03:04.123456Z\",\"command\"")
            .And.EndWith($",\"{AuditChainHead.Genesis}\"]");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(entry.Canonical()))).Should().Be(entry.Hash);
        Sealed(Draft()).Hash.Should().Be(entry.Hash, "the same fields give the same hash");
    }

    [Fact]
    public void The_time_is_kept_to_the_microsecond_as_postgresql_stores_it()
    {
        AuditEntry.Draft(Draft()).OccurredAtUtc.Should().Be(Now.AddTicks(1234560));
        var local = () => AuditEntry.Draft(Draft() with { OccurredAtUtc = DateTime.Now });
        local.Should().Throw<ArgumentException>();
        var unknown = () => AuditEntry.Draft(Draft() with { Outcome = "maybe" });
        unknown.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Changing_any_stored_field_the_sequence_or_the_previous_hash_changes_the_hash()
    {
        var original = Sealed(Draft());
        Sealed(Draft("改名了")).Hash.Should().NotBe(original.Hash);
        Sealed(Draft(), seq: 8).Hash.Should().NotBe(original.Hash);
        Sealed(Draft(), prev: new string('1', 64)).Hash.Should().NotBe(original.Hash);

        // Every property the table stores is in the canonical form: altering one by reflection (as raw SQL would) breaks it.
        foreach (var property in typeof(AuditEntry).GetProperties().Where(p => p.Name != nameof(AuditEntry.Hash)))
        {
            var entry = Sealed(Draft());
            object altered = property.PropertyType switch
            {
                var t when t == typeof(long) => 99L,
                var t when t == typeof(Guid) || t == typeof(Guid?) => Guid.NewGuid(),
                var t when t == typeof(DateTime) => Now.AddDays(-1),
                _ => "altered",
            };
            property.SetValue(entry, altered);
            entry.ComputeHash().Should().NotBe(entry.Hash, $"{property.Name} is part of the hash");
        }
    }

    [Fact]
    public void Text_is_cleaned_and_cut_to_its_column_without_splitting_a_surrogate_pair()
    {
        var entry = AuditEntry.Draft(Draft() with { UserName = new string('名', 150) + "\r\n", Detail = "第一行\r\n第二行\t" + new string('x', 2000), UserAgent = "  " });
        entry.UserName.Should().HaveLength(AuditEntry.NameLength).And.EndWith("…");
        entry.Detail.Should().HaveLength(AuditEntry.DetailLength).And.StartWith("第一行  第二行 x").And.NotContainAny("\r", "\n", "\t");
        entry.UserAgent.Should().BeNull();
        var cut = AuditText.Clean(string.Concat(Enumerable.Repeat("😀", 40)), 64)!;
        cut.Length.Should().BeLessThanOrEqualTo(64);
        cut[..^1].Should().Be(string.Concat(Enumerable.Repeat("😀", 31)));
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut)).Should().Be(cut, "no lone surrogate");
    }

    [Fact]
    public void An_action_key_is_the_module_and_the_command_in_kebab_case()
    {
        ActionKeys.Of(typeof(Modules.Identity.Features.HandlingUnits.UpdateHandlingUnitCommand)).Should().Be("identity.update-handling-unit");
        ActionKeys.Of(typeof(BuildingBlocks.Audit.Features.ApplyAuditRetentionCommand)).Should().Be("platform.apply-audit-retention");
    }
}

public sealed class AuditMaskingTests
{
    private sealed class Person
    {
        public string? Name { get; set; }
        public string? MobilePhone { get; set; }
        public string? Email { get; set; }
        public string? IdNumber { get; set; }
        public string? HomeAddress { get; set; }
        public string? PasswordHash { get; set; }
        public string? SecurityStamp { get; set; }
        [PersonalData] public string? Nickname { get; set; }
        [SecretData] public string? Pin { get; set; }
    }

    [Theory]
    [InlineData(nameof(Person.Name), AuditFieldKind.Plain)]
    [InlineData(nameof(Person.MobilePhone), AuditFieldKind.Personal)]
    [InlineData(nameof(Person.Email), AuditFieldKind.Personal)]
    [InlineData(nameof(Person.IdNumber), AuditFieldKind.Personal)]
    [InlineData(nameof(Person.HomeAddress), AuditFieldKind.Personal)]
    [InlineData(nameof(Person.PasswordHash), AuditFieldKind.Secret)]
    [InlineData(nameof(Person.SecurityStamp), AuditFieldKind.Secret)]
    [InlineData(nameof(Person.Nickname), AuditFieldKind.Personal)]
    [InlineData(nameof(Person.Pin), AuditFieldKind.Secret)]
    public void A_field_is_classified_by_its_attribute_or_else_its_name(string property, AuditFieldKind kind) =>
        AuditMasking.Classify(typeof(Person), property).Should().Be(kind);

    [Theory]
    [InlineData("13812345678", "138*****678")]
    [InlineData("zhangsan@example.cn", "zha************e.cn")]
    [InlineData("110101199003071234", "110***********1234")]
    [InlineData("王五", "**")]
    [InlineData("a", "*")]
    [InlineData("", "")]
    public void Personal_data_keeps_its_length_and_at_most_a_third_of_each_end(string value, string masked)
    {
        AuditMasking.Apply(AuditFieldKind.Personal, value).Should().Be(masked);
        masked.Length.Should().Be(value.Length);
    }

    [Fact]
    public void A_secret_is_never_recorded_only_that_it_changed()
    {
        AuditMasking.Apply(AuditFieldKind.Secret, "AQAAAAIAAYagAAAAE...").Should().Be(AuditMasking.Hidden);
        AuditMasking.Apply(AuditFieldKind.Secret, null).Should().BeNull();
        AuditMasking.Apply(AuditFieldKind.Plain, "东柳物业办").Should().Be("东柳物业办");
    }
}

public sealed class AuditOptionsTests
{
    [Theory]
    [InlineData(179, false)]
    [InlineData(180, true)]
    [InlineData(365, true)]
    public void The_retention_is_at_least_180_days(int days, bool valid)
    {
        var options = new BuildingBlocks.Audit.Features.AuditOptions { RetentionDays = days };
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            options, new System.ComponentModel.DataAnnotations.ValidationContext(options), null, validateAllProperties: true).Should().Be(valid);
    }
}
