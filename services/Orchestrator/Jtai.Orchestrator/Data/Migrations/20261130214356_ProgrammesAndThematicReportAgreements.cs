using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Orchestrator.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammesAndThematicReportAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "programme_intelligence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    shared_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    local_area_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    local_area_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    programme = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    what = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    observed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    agencies = table.Column<List<string>>(type: "text[]", nullable: false),
                    shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_intelligence", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    theme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    framework_version = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    proposed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    proposed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ranking = table.Column<string>(type: "jsonb", nullable: false),
                    agreed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    planned_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    planned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "thematic_report_agreements",
                columns: table => new
                {
                    theme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    inspectorate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    agreed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agreed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agreed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    inspections = table.Column<int>(type: "integer", nullable: false),
                    findings = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_thematic_report_agreements", x => new { x.theme, x.year, x.inspectorate });
                });

            migrationBuilder.CreateTable(
                name: "programme_agreements",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspectorate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    agreed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agreed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agreed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_agreements", x => new { x.programme_id, x.inspectorate });
                    table.ForeignKey(
                        name: "fk_programme_agreements_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_areas",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    local_area_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    local_area_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    reasons = table.Column<string>(type: "jsonb", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: true),
                    fieldwork_start = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_areas", x => new { x.programme_id, x.local_area_code });
                    table.ForeignKey(
                        name: "fk_programme_areas_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_inspectors",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    inspectorate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    team_role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_inspectors", x => new { x.programme_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_programme_inspectors_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_programme_intelligence_local_area_code_observed_on",
                table: "programme_intelligence",
                columns: new[] { "local_area_code", "observed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_programmes_theme_year",
                table: "programmes",
                columns: new[] { "theme", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "programme_agreements");

            migrationBuilder.DropTable(
                name: "programme_areas");

            migrationBuilder.DropTable(
                name: "programme_inspectors");

            migrationBuilder.DropTable(
                name: "programme_intelligence");

            migrationBuilder.DropTable(
                name: "thematic_report_agreements");

            migrationBuilder.DropTable(
                name: "programmes");
        }
    }
}
