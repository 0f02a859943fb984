using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Orchestrator.Data.Migrations
{
    /// <inheritdoc />
    public partial class FindingsAndInformationReceived : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "findings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    agencies = table.Column<List<string>>(type: "text[]", nullable: false),
                    services = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    criteria = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    links_confirmed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    links_confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_findings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "findings_agreements",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agreed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    findings = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_findings_agreements", x => x.inspection_id);
                });

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
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reminded = table.Column<string[]>(type: "text[]", nullable: false),
                    overdue = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_summaries", x => x.follow_up_id);
                });

            migrationBuilder.CreateTable(
                name: "information_received",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    first_received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_received_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_information_received", x => new { x.inspection_id, x.item_key, x.agency });
                });

            migrationBuilder.CreateTable(
                name: "finding_links",
                columns: table => new
                {
                    finding_id = table.Column<Guid>(type: "uuid", nullable: false),
                    summary_id = table.Column<Guid>(type: "uuid", nullable: false),
                    linked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_finding_links", x => new { x.finding_id, x.summary_id });
                    table.ForeignKey(
                        name: "fk_finding_links_findings_finding_id",
                        column: x => x.finding_id,
                        principalTable: "findings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_findings_inspection_id",
                table: "findings",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_summaries_inspection_id",
                table: "follow_up_summaries",
                column: "inspection_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "finding_links");

            migrationBuilder.DropTable(
                name: "findings_agreements");

            migrationBuilder.DropTable(
                name: "follow_up_summaries");

            migrationBuilder.DropTable(
                name: "information_received");

            migrationBuilder.DropTable(
                name: "findings");
        }
    }
}
