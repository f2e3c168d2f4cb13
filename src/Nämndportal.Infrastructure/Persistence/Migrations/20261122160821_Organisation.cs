using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Organisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "party_id",
                table: "persons",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone",
                table: "persons",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "days_to_approve",
                table: "organs",
                type: "integer",
                nullable: false,
                defaultValue: 14);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ended_on",
                table: "organs",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "members_need_second_factor",
                table: "organs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "notice_days_before_meeting",
                table: "organs",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "number_of_adjusters",
                table: "organs",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "paragraph_series",
                table: "organs",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            // Organs that existed before get the reglemente defaults above and their own § series.
            migrationBuilder.Sql("UPDATE organs SET paragraph_series = short_name WHERE paragraph_series = ''");

            migrationBuilder.AddColumn<bool>(
                name: "public_meetings_allowed",
                table: "organs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "call_in_order",
                table: "memberships",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "party_id",
                table: "memberships",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "personal_substitute_for",
                table: "memberships",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "replaces",
                table: "memberships",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "term_id",
                table: "memberships",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "parties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    abbreviation = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_local = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parties", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "terms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_terms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "substitution_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_id = table.Column<Guid>(type: "uuid", nullable: false),
                    absent_party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    substitute_party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_substitution_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_substitution_rules_organs_organ_id",
                        column: x => x.organ_id,
                        principalTable: "organs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_substitution_rules_parties_absent_party_id",
                        column: x => x.absent_party_id,
                        principalTable: "parties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_substitution_rules_parties_substitute_party_id",
                        column: x => x.substitute_party_id,
                        principalTable: "parties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_persons_last_name_first_name",
                table: "persons",
                columns: new[] { "last_name", "first_name" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_party_id",
                table: "persons",
                column: "party_id");

            migrationBuilder.CreateIndex(
                name: "ix_organs_short_name",
                table: "organs",
                column: "short_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_memberships_party_id",
                table: "memberships",
                column: "party_id");

            migrationBuilder.CreateIndex(
                name: "ix_memberships_personal_substitute_for",
                table: "memberships",
                column: "personal_substitute_for");

            migrationBuilder.CreateIndex(
                name: "ix_memberships_replaces",
                table: "memberships",
                column: "replaces");

            migrationBuilder.CreateIndex(
                name: "ix_memberships_term_id",
                table: "memberships",
                column: "term_id");

            migrationBuilder.CreateIndex(
                name: "ix_parties_abbreviation",
                table: "parties",
                column: "abbreviation",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_substitution_rules_absent_party_id",
                table: "substitution_rules",
                column: "absent_party_id");

            migrationBuilder.CreateIndex(
                name: "ix_substitution_rules_organ_id_absent_party_id_position",
                table: "substitution_rules",
                columns: new[] { "organ_id", "absent_party_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_substitution_rules_substitute_party_id",
                table: "substitution_rules",
                column: "substitute_party_id");

            migrationBuilder.CreateIndex(
                name: "ix_terms_name",
                table: "terms",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_memberships_memberships_personal_substitute_for",
                table: "memberships",
                column: "personal_substitute_for",
                principalTable: "memberships",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_memberships_memberships_replaces",
                table: "memberships",
                column: "replaces",
                principalTable: "memberships",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_memberships_parties_party_id",
                table: "memberships",
                column: "party_id",
                principalTable: "parties",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_memberships_terms_term_id",
                table: "memberships",
                column: "term_id",
                principalTable: "terms",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_persons_parties_party_id",
                table: "persons",
                column: "party_id",
                principalTable: "parties",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_memberships_memberships_personal_substitute_for",
                table: "memberships");

            migrationBuilder.DropForeignKey(
                name: "fk_memberships_memberships_replaces",
                table: "memberships");

            migrationBuilder.DropForeignKey(
                name: "fk_memberships_parties_party_id",
                table: "memberships");

            migrationBuilder.DropForeignKey(
                name: "fk_memberships_terms_term_id",
                table: "memberships");

            migrationBuilder.DropForeignKey(
                name: "fk_persons_parties_party_id",
                table: "persons");

            migrationBuilder.DropTable(
                name: "substitution_rules");

            migrationBuilder.DropTable(
                name: "terms");

            migrationBuilder.DropTable(
                name: "parties");

            migrationBuilder.DropIndex(
                name: "ix_persons_last_name_first_name",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_persons_party_id",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_organs_short_name",
                table: "organs");

            migrationBuilder.DropIndex(
                name: "ix_memberships_party_id",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "ix_memberships_personal_substitute_for",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "ix_memberships_replaces",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "ix_memberships_term_id",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "party_id",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "phone",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "days_to_approve",
                table: "organs");

            migrationBuilder.DropColumn(
                name: "ended_on",
                table: "organs");

            migrationBuilder.DropColumn(
                name: "members_need_second_factor",
                table: "organs");

            migrationBuilder.DropColumn(
                name: "notice_days_before_meeting",
                table: "organs");

            migrationBuilder.DropColumn(
                name: "number_of_adjusters",
                table: "organs");

            migrationBuilder.DropColumn(
                name: "paragraph_series",
                table: "organs");

            migrationBuilder.DropColumn(
                name: "public_meetings_allowed",
                table: "organs");

            migrationBuilder.DropColumn(
                name: "call_in_order",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "party_id",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "personal_substitute_for",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "replaces",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "term_id",
                table: "memberships");
        }
    }
}
