using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NoticeBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "postings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    meeting_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    meeting_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    agenda_lines = table.Column<List<string>>(type: "text[]", nullable: false),
                    public_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    up_on = table.Column<DateOnly>(type: "date", nullable: false),
                    down_on = table.Column<DateOnly>(type: "date", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    late_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    replaced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replaced_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    replaced_by_posting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    taken_down_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    taken_down_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_postings", x => x.id);
                    table.ForeignKey(
                        name: "fk_postings_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_postings_organs_organ_id",
                        column: x => x.organ_id,
                        principalTable: "organs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_postings_stored_files_public_file_id",
                        column: x => x.public_file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_postings_meeting_id_kind",
                table: "postings",
                columns: new[] { "meeting_id", "kind" },
                unique: true,
                filter: "meeting_id IS NOT NULL AND replaced_at IS NULL AND taken_down_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_postings_organ_id",
                table: "postings",
                column: "organ_id");

            migrationBuilder.CreateIndex(
                name: "ix_postings_public_file_id",
                table: "postings",
                column: "public_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_postings_up_on_down_on",
                table: "postings",
                columns: new[] { "up_on", "down_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "postings");
        }
    }
}
