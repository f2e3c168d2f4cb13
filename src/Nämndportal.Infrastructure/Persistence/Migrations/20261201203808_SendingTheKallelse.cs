using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SendingTheKallelse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notice_recipients_notice_version_id_email",
                table: "notice_recipients");

            migrationBuilder.DropIndex(
                name: "ix_notice_recipients_notice_version_id_person_id",
                table: "notice_recipients");

            migrationBuilder.AddColumn<string>(
                name: "board_late_reason",
                table: "notice_versions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "change_notice_id",
                table: "notice_recipients",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "meeting_change_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    notice_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    announced_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_change_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_change_notices_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_meeting_change_notices_notice_versions_notice_version_id",
                        column: x => x.notice_version_id,
                        principalTable: "notice_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notice_recipients_change_notice_id_email",
                table: "notice_recipients",
                columns: new[] { "change_notice_id", "email" },
                unique: true,
                filter: "email IS NOT NULL AND change_notice_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notice_recipients_notice_version_id_email",
                table: "notice_recipients",
                columns: new[] { "notice_version_id", "email" },
                unique: true,
                filter: "email IS NOT NULL AND change_notice_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notice_recipients_notice_version_id_person_id",
                table: "notice_recipients",
                columns: new[] { "notice_version_id", "person_id" },
                unique: true,
                filter: "person_id IS NOT NULL AND change_notice_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_change_notices_meeting_id",
                table: "meeting_change_notices",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_change_notices_notice_version_id",
                table: "meeting_change_notices",
                column: "notice_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_key",
                table: "notifications",
                columns: new[] { "user_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_read_at",
                table: "notifications",
                columns: new[] { "user_id", "read_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_notice_recipients_meeting_change_notices_change_notice_id",
                table: "notice_recipients",
                column: "change_notice_id",
                principalTable: "meeting_change_notices",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notice_recipients_meeting_change_notices_change_notice_id",
                table: "notice_recipients");

            migrationBuilder.DropTable(
                name: "meeting_change_notices");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notice_recipients_change_notice_id_email",
                table: "notice_recipients");

            migrationBuilder.DropIndex(
                name: "ix_notice_recipients_notice_version_id_email",
                table: "notice_recipients");

            migrationBuilder.DropIndex(
                name: "ix_notice_recipients_notice_version_id_person_id",
                table: "notice_recipients");

            migrationBuilder.DropColumn(
                name: "board_late_reason",
                table: "notice_versions");

            migrationBuilder.DropColumn(
                name: "change_notice_id",
                table: "notice_recipients");

            migrationBuilder.CreateIndex(
                name: "ix_notice_recipients_notice_version_id_email",
                table: "notice_recipients",
                columns: new[] { "notice_version_id", "email" },
                unique: true,
                filter: "email IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notice_recipients_notice_version_id_person_id",
                table: "notice_recipients",
                columns: new[] { "notice_version_id", "person_id" },
                unique: true,
                filter: "person_id IS NOT NULL");
        }
    }
}
