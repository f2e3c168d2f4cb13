using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MinutesDispatchLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "dispatches",
                table: "minutes_sections",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "dispatches",
                table: "minutes_sections");
        }
    }
}
