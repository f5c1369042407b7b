using System.Net;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Stations;

/// <summary>The photos residents send with the public form: staff of the tenant and the officer of the referred unit read them, nobody else.</summary>
[Collection(OpinionCollection.Name)]
public sealed class OpinionPhotoTests(OpinionPlatforms platforms)
{
    private const string Base = "/api/stations/opinions";

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 7, 8, 9];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 2, 3, 4];

    public sealed record PhotoView(Guid Id, string ContentType, long SizeBytes);

    public sealed record DetailWithPhotos(Guid Id, string TrackingCode, int PhotoCount, List<PhotoView> Photos);

    public sealed record AssignedWithPhotos(Guid Id, List<Guid> PhotoIds);

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Staff_of_the_tenant_and_the_referred_units_officer_read_the_photos_a_sibling_street_other_officers_and_anonymous_do_not(
        DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var deputy = Guid.NewGuid();
        var station = await OpinionSetup.StationAsync(factory, Demo.Street, deputies: (deputy, "李秀英"));
        var (unit, officer) = await OpinionSetup.UnitWithOfficerAsync(factory, Demo.Street);
        var (_, otherOfficer) = await OpinionSetup.UnitWithOfficerAsync(factory, Demo.Street);
        var code = (await (await OpinionSetup.SubmitAsync(OpinionSetup.Phone(factory), station, "井盖破损,有人差点摔倒。", deputy,
            photos: [("井盖.png", Png), ("现场.jpg", Jpeg)])).ReadAsync<SubmittedView>()).TrackingCode;
        var staff = factory.As("staff-photo", Demo.Street, "staff");
        var id = (await (await staff.GetAsync($"{Base}?stationId={station}")).ReadAsync<Paged<OpinionView>>()).Items.Single(o => o.TrackingCode == code).Id;

        var detail = await (await staff.GetAsync($"{Base}/{id}")).ReadAsync<DetailWithPhotos>();
        detail.PhotoCount.Should().Be(2);
        detail.Photos.Select(p => p.ContentType).Should().BeEquivalentTo(["image/png", "image/jpeg"]);
        var png = detail.Photos.Single(p => p.ContentType == "image/png");
        png.SizeBytes.Should().Be(Png.Length);

        var read = await staff.GetAsync($"{Base}/{id}/photos/{png.Id}");
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        read.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        read.Headers.GetValues("X-Content-Type-Options").Should().Contain("nosniff");
        (await read.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
        var jpeg = detail.Photos.Single(p => p.ContentType == "image/jpeg");
        (await staff.GetAsync($"{Base}/{id}/photos/{jpeg.Id}")).Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");

        // A photo of another opinion is not this opinion's photo.
        var otherCode = (await (await OpinionSetup.SubmitAsync(OpinionSetup.Phone(factory), station, "另一条意见", photos: ("别的.png", Png)))
            .ReadAsync<SubmittedView>()).TrackingCode;
        var otherId = (await (await staff.GetAsync($"{Base}?stationId={station}")).ReadAsync<Paged<OpinionView>>()).Items.Single(o => o.TrackingCode == otherCode).Id;
        var otherPhoto = (await (await staff.GetAsync($"{Base}/{otherId}")).ReadAsync<DetailWithPhotos>()).Photos.Single().Id;
        (await staff.GetAsync($"{Base}/{id}/photos/{otherPhoto}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var sibling = factory.As("staff-photo-s", Demo.Sibling, "staff");
        var refused = await (await sibling.GetAsync($"{Base}/{id}/photos/{png.Id}")).ProblemAsync(404);
        refused.GetProperty("detail").GetString().Should().Contain("社情民意");
        (await factory.CreateClient().GetAsync($"{Base}/{id}/photos/{png.Id}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await factory.CreateClient().GetAsync($"/api/stations/assigned-opinions/{id}/photos/{png.Id}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // Before the referral no officer reads them; after it, the officer of that unit only, on the officer's own route.
        var officerClient = factory.As(officer.ToString(), Demo.Street, "unit-officer");
        (await officerClient.GetAsync($"/api/stations/assigned-opinions/{id}/photos/{png.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staff.PostJsonAsync($"{Base}/{id}/referral", new { handlingUnitId = unit })).StatusCode.Should().Be(HttpStatusCode.OK);
        var mine = await (await officerClient.GetAsync("/api/stations/assigned-opinions")).ReadAsync<List<AssignedWithPhotos>>();
        mine.Single(o => o.Id == id).PhotoIds.Should().BeEquivalentTo([png.Id, jpeg.Id]);
        var asOfficer = await officerClient.GetAsync($"/api/stations/assigned-opinions/{id}/photos/{png.Id}");
        asOfficer.StatusCode.Should().Be(HttpStatusCode.OK);
        (await asOfficer.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
        (await officerClient.GetAsync($"{Base}/{id}/photos/{png.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var other = factory.As(otherOfficer.ToString(), Demo.Street, "unit-officer");
        (await other.GetAsync($"/api/stations/assigned-opinions/{id}/photos/{png.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staff.GetAsync($"/api/stations/assigned-opinions/{id}/photos/{png.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
