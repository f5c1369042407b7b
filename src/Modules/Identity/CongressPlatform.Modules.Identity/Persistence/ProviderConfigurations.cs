using CongressPlatform.Modules.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CongressPlatform.Modules.Identity.Persistence;

internal sealed class OidcClientConfiguration : IEntityTypeConfiguration<OidcClient>
{
    public void Configure(EntityTypeBuilder<OidcClient> b)
    {
        b.ToTable("clients");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.ClientId).HasMaxLength(100).IsRequired();
        b.Property(c => c.DisplayName).HasMaxLength(100).IsRequired();
        b.Property(c => c.SecretHash).HasMaxLength(200);
        b.Property(c => c.RedirectUris).HasMaxLength(4000).IsRequired();
        b.Property(c => c.PostLogoutRedirectUris).HasMaxLength(4000).IsRequired();
        b.Property(c => c.AllowedOrigins).HasMaxLength(2000).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.RedirectUriList);
        b.Ignore(c => c.PostLogoutRedirectUriList);
        b.Ignore(c => c.OriginList);
        b.Ignore(c => c.IsConfidential);
        b.HasIndex(c => c.ClientId).IsUnique();
    }
}

internal sealed class SsoSessionConfiguration : IEntityTypeConfiguration<SsoSession>
{
    public void Configure(EntityTypeBuilder<SsoSession> b)
    {
        b.ToTable("sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Methods).HasMaxLength(50).IsRequired();
        b.Property(s => s.EndReason).HasMaxLength(50);
        b.Ignore(s => s.MethodList);
        b.HasIndex(s => s.UserId);
    }
}

internal sealed class AuthorizationCodeConfiguration : IEntityTypeConfiguration<AuthorizationCode>
{
    public void Configure(EntityTypeBuilder<AuthorizationCode> b)
    {
        b.ToTable("authorization_codes");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.CodeHash).HasMaxLength(64).IsRequired();
        b.Property(c => c.ClientId).HasMaxLength(100).IsRequired();
        b.Property(c => c.RedirectUri).HasMaxLength(1000).IsRequired();
        b.Property(c => c.Scope).HasMaxLength(200).IsRequired();
        b.Property(c => c.Nonce).HasMaxLength(200);
        b.Property(c => c.CodeChallenge).HasMaxLength(100).IsRequired();
        b.Property(c => c.Methods).HasMaxLength(50).IsRequired();
        b.Ignore(c => c.IsRedeemed);
        b.HasIndex(c => c.CodeHash).IsUnique();
        b.HasIndex(c => c.ExpiresAtUtc);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> b)
    {
        b.ToTable("refresh_tokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(t => t.ClientId).HasMaxLength(100).IsRequired();
        b.Property(t => t.Scope).HasMaxLength(200).IsRequired();
        b.Property(t => t.Methods).HasMaxLength(50).IsRequired();
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.FamilyId);
        b.HasIndex(t => t.SessionId);
        b.HasIndex(t => t.UserId);
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.ToTable("signing_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.KeyId).HasMaxLength(64).IsRequired();
        b.Property(k => k.Algorithm).HasMaxLength(16).IsRequired();
        b.Property(k => k.PublicJwk).HasMaxLength(2000).IsRequired();
        b.Property(k => k.ProtectedPrivateKey).IsRequired();
        b.HasIndex(k => k.KeyId).IsUnique();
    }
}
