using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "administration",
                table: "organs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "consequence_headings",
                table: "organs",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{Ekonomi,Barnperspektiv,Miljö,Jämställdhet}'::text[]");

            migrationBuilder.CreateTable(
                name: "audit_trail",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    remote_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_trail", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    document_date = table.Column<DateOnly>(type: "date", nullable: false),
                    counterpart = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    hide_counterpart_publicly = table.Column<bool>(type: "boolean", nullable: false),
                    hide_description_publicly = table.Column<bool>(type: "boolean", nullable: false),
                    secrecy_provision = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    secrecy_marked_on = table.Column<DateOnly>(type: "date", nullable: true),
                    secrecy_marked_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    secrecy_marked_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_documents_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    document_ordinal = table.Column<int>(type: "integer", nullable: true),
                    version_number = table.Column<int>(type: "integer", nullable: true),
                    from_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    to_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    other_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    paragraph = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_events_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    second_case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_links_cases_first_case_id",
                        column: x => x.first_case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_links_cases_second_case_id",
                        column: x => x.second_case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "file_blobs",
                columns: table => new
                {
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_file_blobs", x => x.sha256);
                });

            migrationBuilder.CreateTable(
                name: "officer_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposals = table.Column<List<string>>(type: "text[]", nullable: false),
                    summary_html = table.Column<string>(type: "text", nullable: false),
                    description_html = table.Column<string>(type: "text", nullable: false),
                    decision_basis = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    dispatch_to = table.Column<List<string>>(type: "text[]", nullable: false),
                    administration = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    officer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    officer_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    officer_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    officer_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    report_date = table.Column<DateOnly>(type: "date", nullable: true),
                    search_text = table.Column<string>(type: "text", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    consequences = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_officer_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_officer_reports_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "document_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    page_count = table.Column<int>(type: "integer", nullable: true),
                    rendition_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rendition_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    rendition_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    modified_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_document_versions_case_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "case_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_document_versions_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_document_versions_file_blobs_sha256",
                        column: x => x.sha256,
                        principalTable: "file_blobs",
                        principalColumn: "sha256",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "document_texts",
                columns: table => new
                {
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    page_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_texts", x => x.version_id);
                    table.ForeignKey(
                        name: "fk_document_texts_document_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "document_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_trail_at",
                table: "audit_trail",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_trail_case_id",
                table: "audit_trail",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_trail_user_id",
                table: "audit_trail",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_documents_case_id_ordinal",
                table: "case_documents",
                columns: new[] { "case_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_events_case_id_at",
                table: "case_events",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_links_first_case_id_second_case_id",
                table: "case_links",
                columns: new[] { "first_case_id", "second_case_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_links_second_case_id",
                table: "case_links",
                column: "second_case_id");

            migrationBuilder.CreateIndex(
                name: "ix_document_texts_case_id",
                table: "document_texts",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_document_texts_document_id",
                table: "document_texts",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_document_versions_case_id_sha256",
                table: "document_versions",
                columns: new[] { "case_id", "sha256" });

            migrationBuilder.CreateIndex(
                name: "ix_document_versions_document_id_number",
                table: "document_versions",
                columns: new[] { "document_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_document_versions_sha256",
                table: "document_versions",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_officer_reports_case_id",
                table: "officer_reports",
                column: "case_id",
                unique: true);

            // Search (issue 4): Swedish full text in generated columns EF does not map, and trigram indexes for
            // case numbers and names. The search queries are raw SQL in Infrastructure/Search.
            migrationBuilder.Sql("""
                ALTER TABLE cases ADD COLUMN search_vector tsvector
                    GENERATED ALWAYS AS (to_tsvector('swedish', number || ' ' || title)) STORED;
                CREATE INDEX ix_cases_search_vector ON cases USING gin (search_vector);
                CREATE INDEX ix_cases_number_trgm ON cases USING gin (number gin_trgm_ops);
                CREATE INDEX ix_cases_title_trgm ON cases USING gin (title gin_trgm_ops);

                ALTER TABLE case_documents ADD COLUMN search_vector tsvector
                    GENERATED ALWAYS AS (to_tsvector('swedish', description || ' ' || coalesce(counterpart, ''))) STORED;
                CREATE INDEX ix_case_documents_search_vector ON case_documents USING gin (search_vector);
                CREATE INDEX ix_case_documents_counterpart_trgm ON case_documents USING gin (counterpart gin_trgm_ops);

                ALTER TABLE officer_reports ADD COLUMN search_vector tsvector
                    GENERATED ALWAYS AS (to_tsvector('swedish', search_text)) STORED;
                CREATE INDEX ix_officer_reports_search_vector ON officer_reports USING gin (search_vector);

                ALTER TABLE document_texts ADD COLUMN search_vector tsvector
                    GENERATED ALWAYS AS (to_tsvector('swedish', text)) STORED;
                CREATE INDEX ix_document_texts_search_vector ON document_texts USING gin (search_vector);
                """);

            // The audit trail is append-only: the database itself refuses to change or remove a line.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_trail_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_trail är skrivskyddad: rader kan bara läggas till' USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON audit_trail
                    FOR EACH ROW EXECUTE FUNCTION audit_trail_is_append_only();
                CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_is_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_trail_append_only ON audit_trail;
                DROP TRIGGER IF EXISTS audit_trail_no_truncate ON audit_trail;
                DROP FUNCTION IF EXISTS audit_trail_is_append_only();
                ALTER TABLE cases DROP COLUMN IF EXISTS search_vector;
                """);

            migrationBuilder.DropTable(
                name: "audit_trail");

            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "case_links");

            migrationBuilder.DropTable(
                name: "document_texts");

            migrationBuilder.DropTable(
                name: "officer_reports");

            migrationBuilder.DropTable(
                name: "document_versions");

            migrationBuilder.DropTable(
                name: "case_documents");

            migrationBuilder.DropTable(
                name: "file_blobs");

            migrationBuilder.DropColumn(
                name: "administration",
                table: "organs");

            migrationBuilder.DropColumn(
                name: "consequence_headings",
                table: "organs");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
