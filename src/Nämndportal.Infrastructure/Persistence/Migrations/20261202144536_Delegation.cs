using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Delegation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "board_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sender = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    case_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    document_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    report_meeting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reported_in = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_board_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_board_messages_meetings_report_meeting_id",
                        column: x => x.report_meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_board_messages_organs_organ_id",
                        column: x => x.organ_id,
                        principalTable: "organs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_board_messages_stored_files_document_file_id",
                        column: x => x.document_file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "delegation_schemes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    adopted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    points = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delegation_schemes", x => x.id);
                    table.ForeignKey(
                        name: "fk_delegation_schemes_organs_organ_id",
                        column: x => x.organ_id,
                        principalTable: "organs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "onward_delegations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_id = table.Column<Guid>(type: "uuid", nullable: false),
                    point_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to_title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    granted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_onward_delegations", x => x.id);
                    table.ForeignKey(
                        name: "fk_onward_delegations_organs_organ_id",
                        column: x => x.organ_id,
                        principalTable: "organs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "position_holders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_position_holders", x => x.id);
                    table.ForeignKey(
                        name: "fk_position_holders_organs_organ_id",
                        column: x => x.organ_id,
                        principalTable: "organs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "delegated_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: true),
                    scheme_number = table.Column<int>(type: "integer", nullable: true),
                    point_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    series_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    delegate_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    delegate_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    case_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    appealable = table.Column<bool>(type: "boolean", nullable: false),
                    individual_case = table.Column<bool>(type: "boolean", nullable: false),
                    urgent = table.Column<bool>(type: "boolean", nullable: false),
                    must_report = table.Column<bool>(type: "boolean", nullable: false),
                    document_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    report_meeting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reported_in = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    appeal_from = table.Column<DateOnly>(type: "date", nullable: true),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    decided_as_committee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_as_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decided_as_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_as_role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    decided_as_title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delegated_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_delegated_decisions_delegation_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "delegation_schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_delegated_decisions_meetings_report_meeting_id",
                        column: x => x.report_meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_delegated_decisions_organs_organ_id",
                        column: x => x.organ_id,
                        principalTable: "organs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_delegated_decisions_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_delegated_decisions_stored_files_document_file_id",
                        column: x => x.document_file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_board_messages_document_file_id",
                table: "board_messages",
                column: "document_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_board_messages_organ_id_report_meeting_id_received_on",
                table: "board_messages",
                columns: new[] { "organ_id", "report_meeting_id", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_board_messages_report_meeting_id",
                table: "board_messages",
                column: "report_meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_delegated_decisions_delegate_user_id",
                table: "delegated_decisions",
                column: "delegate_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_delegated_decisions_document_file_id",
                table: "delegated_decisions",
                column: "document_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_delegated_decisions_organ_id_report_meeting_id_decided_on",
                table: "delegated_decisions",
                columns: new[] { "organ_id", "report_meeting_id", "decided_on" });

            migrationBuilder.CreateIndex(
                name: "ix_delegated_decisions_organ_id_series_key_year_number",
                table: "delegated_decisions",
                columns: new[] { "organ_id", "series_key", "year", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_delegated_decisions_posting_id",
                table: "delegated_decisions",
                column: "posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_delegated_decisions_report_meeting_id",
                table: "delegated_decisions",
                column: "report_meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_delegated_decisions_scheme_id",
                table: "delegated_decisions",
                column: "scheme_id");

            migrationBuilder.CreateIndex(
                name: "ix_delegation_schemes_organ_id_number",
                table: "delegation_schemes",
                columns: new[] { "organ_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_onward_delegations_organ_id_point_code",
                table: "onward_delegations",
                columns: new[] { "organ_id", "point_code" });

            migrationBuilder.CreateIndex(
                name: "ix_position_holders_organ_id_title",
                table: "position_holders",
                columns: new[] { "organ_id", "title" });

            migrationBuilder.CreateIndex(
                name: "ix_position_holders_user_id",
                table: "position_holders",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "board_messages");

            migrationBuilder.DropTable(
                name: "delegated_decisions");

            migrationBuilder.DropTable(
                name: "onward_delegations");

            migrationBuilder.DropTable(
                name: "position_holders");

            migrationBuilder.DropTable(
                name: "delegation_schemes");
        }
    }
}
