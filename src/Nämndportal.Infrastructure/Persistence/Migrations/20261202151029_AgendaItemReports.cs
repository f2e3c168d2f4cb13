using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AgendaItemReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "report",
                table: "agenda_items",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<DateOnly>(
                name: "report_cut_off",
                table: "agenda_items",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "report",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "report_cut_off",
                table: "agenda_items");
        }
    }
}
