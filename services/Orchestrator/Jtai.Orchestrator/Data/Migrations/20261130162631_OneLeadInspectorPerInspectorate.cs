using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Orchestrator.Data.Migrations
{
    /// <inheritdoc />
    public partial class OneLeadInspectorPerInspectorate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_assignments_one_lead",
                table: "team_assignments");

            migrationBuilder.CreateIndex(
                name: "ix_team_assignments_one_lead_per_inspectorate",
                table: "team_assignments",
                columns: new[] { "inspection_id", "inspectorate" },
                unique: true,
                filter: "team_role = 'lead-inspector'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_assignments_one_lead_per_inspectorate",
                table: "team_assignments");

            migrationBuilder.CreateIndex(
                name: "ix_team_assignments_one_lead",
                table: "team_assignments",
                column: "inspection_id",
                unique: true,
                filter: "team_role = 'lead-inspector'");
        }
    }
}
