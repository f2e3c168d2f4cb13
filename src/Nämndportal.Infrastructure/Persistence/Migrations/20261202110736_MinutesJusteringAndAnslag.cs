using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MinutesJusteringAndAnslag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "appeal_information",
                table: "postings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "approved_on",
                table: "postings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kept_at",
                table: "postings",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "minutes_id",
                table: "postings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sections",
                table: "postings",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "approved_file_id",
                table: "meeting_minutes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "archive_file_id",
                table: "meeting_minutes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "posting_id",
                table: "meeting_minutes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "public_file_id",
                table: "meeting_minutes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "publication_override_reason",
                table: "meeting_minutes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "meeting_minutes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "meeting_minutes",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_postings_minutes_id",
                table: "postings",
                column: "minutes_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_postings_minutes_id",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "appeal_information",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "approved_on",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "kept_at",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "minutes_id",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "sections",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "approved_file_id",
                table: "meeting_minutes");

            migrationBuilder.DropColumn(
                name: "archive_file_id",
                table: "meeting_minutes");

            migrationBuilder.DropColumn(
                name: "posting_id",
                table: "meeting_minutes");

            migrationBuilder.DropColumn(
                name: "public_file_id",
                table: "meeting_minutes");

            migrationBuilder.DropColumn(
                name: "publication_override_reason",
                table: "meeting_minutes");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "meeting_minutes");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "meeting_minutes");
        }
    }
}
