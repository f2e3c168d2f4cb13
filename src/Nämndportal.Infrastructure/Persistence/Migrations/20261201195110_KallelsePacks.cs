using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class KallelsePacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "redacted_pack_file_id",
                table: "notice_versions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pack_parts",
                columns: table => new
                {
                    checksum = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pack_parts", x => x.checksum);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notice_versions_redacted_pack_file_id",
                table: "notice_versions",
                column: "redacted_pack_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_pack_parts_created_at",
                table: "pack_parts",
                column: "created_at");

            migrationBuilder.AddForeignKey(
                name: "fk_notice_versions_stored_files_redacted_pack_file_id",
                table: "notice_versions",
                column: "redacted_pack_file_id",
                principalTable: "stored_files",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notice_versions_stored_files_redacted_pack_file_id",
                table: "notice_versions");

            migrationBuilder.DropTable(
                name: "pack_parts");

            migrationBuilder.DropIndex(
                name: "ix_notice_versions_redacted_pack_file_id",
                table: "notice_versions");

            migrationBuilder.DropColumn(
                name: "redacted_pack_file_id",
                table: "notice_versions");
        }
    }
}
