using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MembersReader : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_read_marks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_read_marks", x => x.id);
                    table.ForeignKey(
                        name: "fk_document_read_marks_case_documents_case_document_id",
                        column: x => x.case_document_id,
                        principalTable: "case_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_document_read_marks_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "member_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agenda_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    document_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    on_officer_report = table.Column<bool>(type: "boolean", nullable: false),
                    page = table.Column<int>(type: "integer", nullable: true),
                    quote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    quote_before = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    quote_after = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    anchor_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_notes_case_documents_case_document_id",
                        column: x => x.case_document_id,
                        principalTable: "case_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_member_notes_document_versions_document_version_id",
                        column: x => x.document_version_id,
                        principalTable: "document_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_member_notes_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_member_notes_users_author_user_id",
                        column: x => x.author_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "note_shares",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shared_with_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_note_shares", x => x.id);
                    table.ForeignKey(
                        name: "fk_note_shares_member_notes_note_id",
                        column: x => x.note_id,
                        principalTable: "member_notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_note_shares_users_shared_with_user_id",
                        column: x => x.shared_with_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_document_read_marks_case_document_id",
                table: "document_read_marks",
                column: "case_document_id");

            migrationBuilder.CreateIndex(
                name: "ix_document_read_marks_user_id_case_document_id",
                table: "document_read_marks",
                columns: new[] { "user_id", "case_document_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_notes_author_user_id_meeting_id",
                table: "member_notes",
                columns: new[] { "author_user_id", "meeting_id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_notes_case_document_id",
                table: "member_notes",
                column: "case_document_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_notes_document_version_id",
                table: "member_notes",
                column: "document_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_notes_meeting_id",
                table: "member_notes",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_note_shares_note_id_shared_with_user_id",
                table: "note_shares",
                columns: new[] { "note_id", "shared_with_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_note_shares_shared_with_user_id",
                table: "note_shares",
                column: "shared_with_user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_read_marks");

            migrationBuilder.DropTable(
                name: "note_shares");

            migrationBuilder.DropTable(
                name: "member_notes");
        }
    }
}
