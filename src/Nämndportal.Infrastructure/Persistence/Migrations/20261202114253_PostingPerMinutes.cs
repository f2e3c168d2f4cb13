using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PostingPerMinutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_postings_meeting_id_kind",
                table: "postings");

            migrationBuilder.DropIndex(
                name: "ix_postings_minutes_id",
                table: "postings");

            migrationBuilder.CreateIndex(
                name: "ix_postings_meeting_id_kind",
                table: "postings",
                columns: new[] { "meeting_id", "kind" },
                unique: true,
                filter: "meeting_id IS NOT NULL AND replaced_at IS NULL AND taken_down_at IS NULL AND kind = 'Kallelse'");

            migrationBuilder.CreateIndex(
                name: "ix_postings_minutes_id_sections",
                table: "postings",
                columns: new[] { "minutes_id", "sections" },
                unique: true,
                filter: "minutes_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_postings_meeting_id_kind",
                table: "postings");

            migrationBuilder.DropIndex(
                name: "ix_postings_minutes_id_sections",
                table: "postings");

            migrationBuilder.CreateIndex(
                name: "ix_postings_meeting_id_kind",
                table: "postings",
                columns: new[] { "meeting_id", "kind" },
                unique: true,
                filter: "meeting_id IS NOT NULL AND replaced_at IS NULL AND taken_down_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_postings_minutes_id",
                table: "postings",
                column: "minutes_id");
        }
    }
}
