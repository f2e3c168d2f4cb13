using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NoticeVersionSendTaskAndBoardRefusal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "board_refusal",
                table: "notice_versions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "send_task_id",
                table: "notice_versions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_notice_versions_send_task_id",
                table: "notice_versions",
                column: "send_task_id");

            migrationBuilder.AddForeignKey(
                name: "fk_notice_versions_background_tasks_send_task_id",
                table: "notice_versions",
                column: "send_task_id",
                principalTable: "background_tasks",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notice_versions_background_tasks_send_task_id",
                table: "notice_versions");

            migrationBuilder.DropIndex(
                name: "ix_notice_versions_send_task_id",
                table: "notice_versions");

            migrationBuilder.DropColumn(
                name: "board_refusal",
                table: "notice_versions");

            migrationBuilder.DropColumn(
                name: "send_task_id",
                table: "notice_versions");
        }
    }
}
