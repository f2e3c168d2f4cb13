using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DelegationSchemeDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "established_at",
                table: "delegation_schemes",
                type: "timestamp with time zone",
                nullable: true);

            // Versions written before drafts existed were in force from their first day: they count as fastställda.
            migrationBuilder.Sql("UPDATE delegation_schemes SET established_at = created_at;");

            migrationBuilder.CreateIndex(
                name: "ix_delegation_schemes_one_draft",
                table: "delegation_schemes",
                column: "organ_id",
                unique: true,
                filter: "established_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_delegation_schemes_one_draft",
                table: "delegation_schemes");

            migrationBuilder.DropColumn(
                name: "established_at",
                table: "delegation_schemes");
        }
    }
}
