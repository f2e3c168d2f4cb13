using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Minutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_postings_meeting_id_kind",
                table: "postings");

            migrationBuilder.AddColumn<string>(
                name: "appeal_information",
                table: "postings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "approved_on",
                table: "postings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kept_at",
                table: "postings",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "minutes_id",
                table: "postings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sections",
                table: "postings",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "meeting_minutes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    meeting_date = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    opened_at = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    closed_at = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    meeting_closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    seats = table.Column<int>(type: "integer", nullable: false),
                    days_to_approve = table.Column<int>(type: "integer", nullable: false),
                    number_of_adjusters = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    secretary_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    chair_id = table.Column<Guid>(type: "uuid", nullable: true),
                    adjusters = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    planned_approval_date = table.Column<DateOnly>(type: "date", nullable: true),
                    kept_at = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    approval_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    approval_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    archive_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    public_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "text", nullable: true),
                    publication_override_reason = table.Column<string>(type: "text", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    adjournments = table.Column<string>(type: "jsonb", nullable: true),
                    approvals = table.Column<string>(type: "jsonb", nullable: true),
                    attendees = table.Column<string>(type: "jsonb", nullable: true),
                    changes = table.Column<string>(type: "jsonb", nullable: true),
                    corrections = table.Column<string>(type: "jsonb", nullable: true),
                    presentations = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_minutes", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_minutes_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_meeting_minutes_organs_organ_id",
                        column: x => x.organ_id,
                        principalTable: "organs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "minutes_sections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    minutes_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    agenda_item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    presenter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decisions = table.Column<List<string>>(type: "text[]", nullable: false),
                    decision_basis = table.Column<List<string>>(type: "text[]", nullable: false),
                    account_html = table.Column<string>(type: "text", nullable: true),
                    send_to = table.Column<List<string>>(type: "text[]", nullable: false),
                    proposition_order = table.Column<string>(type: "text", nullable: true),
                    immediate_approval = table.Column<bool>(type: "boolean", nullable: false),
                    immediate_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    immediate_sha256 = table.Column<string>(type: "text", nullable: true),
                    immediate_posting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    immediately_approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    appeal = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    secrecy_provision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    quorum_met = table.Column<bool>(type: "boolean", nullable: false),
                    serving_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    dispatches = table.Column<string>(type: "jsonb", nullable: true),
                    disqualifications = table.Column<string>(type: "jsonb", nullable: true),
                    notes = table.Column<string>(type: "jsonb", nullable: true),
                    proposals = table.Column<string>(type: "jsonb", nullable: true),
                    reservations = table.Column<string>(type: "jsonb", nullable: true),
                    votes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_minutes_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_minutes_sections_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_minutes_sections_meeting_minutes_minutes_id",
                        column: x => x.minutes_id,
                        principalTable: "meeting_minutes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateIndex(
                name: "ix_meeting_minutes_meeting_id",
                table: "meeting_minutes",
                column: "meeting_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_minutes_organ_id_status",
                table: "meeting_minutes",
                columns: new[] { "organ_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_minutes_sections_case_id",
                table: "minutes_sections",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_minutes_sections_minutes_id_number",
                table: "minutes_sections",
                columns: new[] { "minutes_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "minutes_sections");

            migrationBuilder.DropTable(
                name: "meeting_minutes");

            migrationBuilder.DropIndex(
                name: "ix_postings_meeting_id_kind",
                table: "postings");

            migrationBuilder.DropIndex(
                name: "ix_postings_minutes_id_sections",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "appeal_information",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "approved_on",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "kept_at",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "minutes_id",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "sections",
                table: "postings");

            migrationBuilder.CreateIndex(
                name: "ix_postings_meeting_id_kind",
                table: "postings",
                columns: new[] { "meeting_id", "kind" },
                unique: true,
                filter: "meeting_id IS NOT NULL AND replaced_at IS NULL AND taken_down_at IS NULL");
        }
    }
}
