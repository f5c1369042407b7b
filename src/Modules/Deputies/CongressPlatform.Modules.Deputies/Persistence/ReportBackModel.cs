using CongressPlatform.Modules.Deputies.Domain;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Persistence;

/// <summary>The tables of report-backs, ballots and the quarterly push (migration 20261201013000).</summary>
internal static class ReportBackModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReportBack>(b =>
        {
            b.ToTable("report_backs");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.DeputyName).HasMaxLength(50).IsRequired();
            b.Property(r => r.Organiser).HasMaxLength(100).IsRequired();
            b.Property(r => r.Place).HasMaxLength(200).IsRequired();
            b.Property(r => r.Text).HasMaxLength(ReportBack.MaxTextLength).IsRequired();
            b.Property(r => r.BallotToken).HasMaxLength(64);
            b.Ignore(r => r.Result);
            b.HasIndex(r => new { r.TenantId, r.DeputyId, r.Year }).IsUnique();
            b.HasIndex(r => r.BallotToken).IsUnique();
        });

        modelBuilder.Entity<BallotVote>(b =>
        {
            b.ToTable("ballot_votes");
            b.HasKey(v => v.Id);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.DeviceHash).HasMaxLength(64).IsRequired();
            b.HasIndex(v => new { v.ReportBackId, v.DeviceHash }).IsUnique();
            b.HasIndex(v => v.VoterCodeId).IsUnique();
        });

        modelBuilder.Entity<VoterCode>(b =>
        {
            b.ToTable("voter_codes");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Code).HasMaxLength(16).IsRequired();
            b.HasIndex(c => new { c.ReportBackId, c.Code }).IsUnique();
        });

        modelBuilder.Entity<QuarterlyReport>(b =>
        {
            b.ToTable("quarterly_reports");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.DeputyName).HasMaxLength(50).IsRequired();
            b.Property(r => r.Summary).HasMaxLength(2000).IsRequired();
            b.Property(r => r.Document).IsRequired();
            b.HasIndex(r => new { r.TenantId, r.DeputyId, r.Year, r.Quarter }).IsUnique();
            b.HasIndex(r => new { r.Year, r.Quarter });
        });

        modelBuilder.Entity<ReminderLetter>(b =>
        {
            b.ToTable("reminder_letters");
            b.HasKey(l => l.Id);
            b.Property(l => l.Id).ValueGeneratedNever();
            b.Property(l => l.DeputyName).HasMaxLength(50).IsRequired();
            b.Property(l => l.Body).HasMaxLength(ReminderLetter.MaxBodyLength).IsRequired();
            b.Property(l => l.UpdatedByName).HasMaxLength(100);
            b.Property(l => l.SentByName).HasMaxLength(100);
            b.HasIndex(l => new { l.TenantId, l.DeputyId, l.Year, l.Quarter }).IsUnique();
            b.HasIndex(l => new { l.Year, l.Quarter });
        });

        modelBuilder.Entity<QuarterlySettings>(b =>
        {
            b.ToTable("quarterly_settings");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.HasIndex(s => s.TenantId).IsUnique();
        });
    }
}
