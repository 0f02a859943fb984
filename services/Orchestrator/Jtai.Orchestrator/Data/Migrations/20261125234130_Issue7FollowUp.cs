using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Orchestrator.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue7FollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follow_up_summaries",
                columns: table => new
                {
                    follow_up_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    priority_action_id = table.Column<Guid>(type: "uuid", nullable: true),
                    inspectorate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    process = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    state = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    coordinated = table.Column<bool>(type: "boolean", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_step = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    last_sequence = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reminded = table.Column<string[]>(type: "text[]", nullable: false),
                    overdue = table.Column<string[]>(type: "text[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_summaries", x => x.follow_up_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_summaries_inspection_id",
                table: "follow_up_summaries",
                column: "inspection_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follow_up_summaries");
        }
    }
}
