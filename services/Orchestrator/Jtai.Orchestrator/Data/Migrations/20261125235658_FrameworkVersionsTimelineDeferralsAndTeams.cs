using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jtai.Orchestrator.Data.Migrations
{
    /// <inheritdoc />
    public partial class FrameworkVersionsTimelineDeferralsAndTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "framework_version",
                table: "inspections",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "last_sequence",
                table: "follow_up_summaries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "follow_up_summaries",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "deferral_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    proposed_fieldwork_start = table.Column<DateOnly>(type: "date", nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_by_agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    previous_fieldwork_start = table.Column<DateOnly>(type: "date", nullable: false),
                    new_fieldwork_start = table.Column<DateOnly>(type: "date", nullable: true),
                    previous_timeline = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deferral_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_milestones",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    reached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    met_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    met_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_milestones", x => new { x.inspection_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "inspection_transitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    to = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    fieldwork_start = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_transitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "team_assignments",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    inspectorate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    team_role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    assigned_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_assignments", x => new { x.inspection_id, x.user_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_deferral_requests_inspection_id",
                table: "deferral_requests",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_milestones_open",
                table: "inspection_milestones",
                column: "due_at",
                filter: "met_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_transitions_inspection_id",
                table: "inspection_transitions",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_assignments_one_lead",
                table: "team_assignments",
                column: "inspection_id",
                unique: true,
                filter: "team_role = 'lead-inspector'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deferral_requests");

            migrationBuilder.DropTable(
                name: "inspection_milestones");

            migrationBuilder.DropTable(
                name: "inspection_transitions");

            migrationBuilder.DropTable(
                name: "team_assignments");

            migrationBuilder.DropColumn(
                name: "framework_version",
                table: "inspections");

            migrationBuilder.DropColumn(
                name: "last_sequence",
                table: "follow_up_summaries");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "follow_up_summaries");
        }
    }
}
