using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Rättelser (rule 13): an anslag may announce a justerad rättelse (is_correction). The rättelse's number, prints and
    /// anslag live in the protokoll's JSON column of corrections, which needs no table change.
    /// </summary>
    public partial class MinutesCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_correction",
                table: "postings",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "is_correction",
                table: "postings");
        }
    }
}
