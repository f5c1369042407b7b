using CongressPlatform.Modules.Stations.Features.Rota;

namespace CongressPlatform.UnitTests.Stations;

/// <summary>Leave recorded by staff and leave recorded by the deputy follow one set of rules.</summary>
public sealed class LeaveRequestValidatorTests
{
    private static readonly DateOnly Monday = new(2026, 12, 7);

    [Fact]
    public void Staff_and_deputies_are_refused_the_same_way_for_a_missing_reason_and_a_range_that_ends_before_it_starts()
    {
        var staff = new RecordDutyLeaveCommandValidator().Validate(new RecordDutyLeaveCommand(Guid.NewGuid(), Monday, Monday.AddDays(-1), " "));
        var mine = new RecordMyDutyLeaveCommandValidator().Validate(new RecordMyDutyLeaveCommand(Monday, Monday.AddDays(-1), ""));
        foreach (var result in new[] { staff, mine })
        {
            result.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo(["Reason", "To"]);
        }
        new RecordMyDutyLeaveCommandValidator().Validate(new RecordMyDutyLeaveCommand(Monday, Monday, "病假")).IsValid.Should().BeTrue();
        new RecordDutyLeaveCommandValidator().Validate(new RecordDutyLeaveCommand(Guid.NewGuid(), Monday, Monday, new string('长', 201)))
            .Errors.Should().ContainSingle(e => e.PropertyName == "Reason");
    }
}
