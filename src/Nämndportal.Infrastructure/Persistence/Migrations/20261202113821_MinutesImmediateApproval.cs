using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MinutesImmediateApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "immediate_file_id",
                table: "minutes_sections",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "immediate_posting_id",
                table: "minutes_sections",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "immediate_sha256",
                table: "minutes_sections",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "immediate_file_id",
                table: "minutes_sections");

            migrationBuilder.DropColumn(
                name: "immediate_posting_id",
                table: "minutes_sections");

            migrationBuilder.DropColumn(
                name: "immediate_sha256",
                table: "minutes_sections");
        }
    }
}
