using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProducedFileSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Files produced before this migration are tied to no source, and access is now decided from the source
            // alone: rather than guess, they go (a background task keeps its row, its result becomes null). A user
            // who needs one again presses "Skapa PDF" again.
            migrationBuilder.Sql("DELETE FROM stored_files;");

            migrationBuilder.AddColumn<Guid>(
                name: "case_id",
                table: "stored_files",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "contains_secret",
                table: "stored_files",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "stored_files",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "source_id",
                table: "stored_files",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_stored_files_source_source_id",
                table: "stored_files",
                columns: new[] { "source", "source_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stored_files_source_source_id",
                table: "stored_files");

            migrationBuilder.DropColumn(
                name: "case_id",
                table: "stored_files");

            migrationBuilder.DropColumn(
                name: "contains_secret",
                table: "stored_files");

            migrationBuilder.DropColumn(
                name: "source",
                table: "stored_files");

            migrationBuilder.DropColumn(
                name: "source_id",
                table: "stored_files");
        }
    }
}
