using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Search (issue 4): the few secret-marked handlingar, indexed by case, so a search leaves out the text of those the
    /// user may not read from one short list instead of looking up the handling of every matching text (ADR 0007).
    /// Raw SQL like the other search indexes: EF does not map it.
    /// </summary>
    public partial class SearchSecretHandlingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_case_documents_secret ON case_documents (case_id, id) WHERE secrecy_provision IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_case_documents_secret;");
        }
    }
}
