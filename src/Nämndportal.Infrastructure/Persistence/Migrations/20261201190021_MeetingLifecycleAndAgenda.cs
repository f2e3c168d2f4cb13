using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MeetingLifecycleAndAgenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "standard_agenda_items",
                table: "organs",
                type: "text[]",
                nullable: false,
                defaultValueSql: "ARRAY['Val av justerare','Anmälan av extra ärenden','Redovisning av delegationsbeslut','Redovisning av meddelanden']::text[]");

            migrationBuilder.AddColumn<int>(
                name: "agenda_revision",
                table: "meetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "cancellation_reason",
                table: "meetings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancelled_at",
                table: "meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "group_meetings",
                table: "meetings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notice_notes",
                table: "meetings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "notice_version_number",
                table: "meetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "schedule_revision",
                table: "meetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "agenda_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    public_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    presenter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    planned_time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    is_closed = table.Column<bool>(type: "boolean", nullable: false),
                    is_late_addition = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agenda_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_agenda_items_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agenda_items_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notice_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    change_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sent_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    confirmed_warnings = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    members_pack_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    public_pack_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_notice_versions_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notice_versions_stored_files_members_pack_file_id",
                        column: x => x.members_pack_file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notice_versions_stored_files_public_pack_file_id",
                        column: x => x.public_pack_file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "number_series",
                columns: table => new
                {
                    series = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_number_series", x => new { x.series, x.year });
                });

            // The diarienummer counters move into the general series, so no number is given out twice.
            migrationBuilder.Sql("INSERT INTO number_series (series, year, last_number) SELECT 'diarienummer:' || prefix, year, last_number FROM case_number_series;");
            migrationBuilder.DropTable(
                name: "case_number_series");

            migrationBuilder.CreateTable(
                name: "agenda_item_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agenda_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agenda_item_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_agenda_item_documents_agenda_items_agenda_item_id",
                        column: x => x.agenda_item_id,
                        principalTable: "agenda_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_agenda_item_documents_case_documents_case_document_id",
                        column: x => x.case_document_id,
                        principalTable: "case_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notice_recipients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    notice_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    capacity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_recipients", x => x.id);
                    table.ForeignKey(
                        name: "fk_notice_recipients_notice_versions_notice_version_id",
                        column: x => x.notice_version_id,
                        principalTable: "notice_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agenda_item_documents_agenda_item_id_position",
                table: "agenda_item_documents",
                columns: new[] { "agenda_item_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_agenda_item_documents_case_document_id",
                table: "agenda_item_documents",
                column: "case_document_id");

            migrationBuilder.CreateIndex(
                name: "ix_agenda_items_case_id",
                table: "agenda_items",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_agenda_items_meeting_id_position",
                table: "agenda_items",
                columns: new[] { "meeting_id", "position" });

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

            migrationBuilder.CreateIndex(
                name: "ix_notice_versions_meeting_id_number",
                table: "notice_versions",
                columns: new[] { "meeting_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notice_versions_members_pack_file_id",
                table: "notice_versions",
                column: "members_pack_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_notice_versions_public_pack_file_id",
                table: "notice_versions",
                column: "public_pack_file_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agenda_item_documents");

            migrationBuilder.DropTable(
                name: "notice_recipients");

            migrationBuilder.DropTable(
                name: "number_series");

            migrationBuilder.DropTable(
                name: "agenda_items");

            migrationBuilder.DropTable(
                name: "notice_versions");

            migrationBuilder.DropColumn(
                name: "standard_agenda_items",
                table: "organs");

            migrationBuilder.DropColumn(
                name: "agenda_revision",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "cancellation_reason",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "group_meetings",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "notice_notes",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "notice_version_number",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "schedule_revision",
                table: "meetings");

            migrationBuilder.CreateTable(
                name: "case_number_series",
                columns: table => new
                {
                    prefix = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_number_series", x => new { x.prefix, x.year });
                });
        }
    }
}
