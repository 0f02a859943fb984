using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Orchestrator.Data.Migrations
{
    /// <inheritdoc />
    public partial class SetUpFieldworkTimetableAndSchoolsSample : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "additional_information",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    proposed_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    provided_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    necessary_because = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    not_in_annex_a_because = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    agreed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    agreed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_additional_information", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fieldwork_timetable",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    with = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    inspectors = table.Column<List<string>>(type: "text[]", nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fieldwork_timetable", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_set_ups",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    set_up_discussion_id = table.Column<Guid>(type: "uuid", nullable: true),
                    wellbeing_steps = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    equalities_and_adjustments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    raising_concerns = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    issues_raised = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    agreed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    agreed_recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    link_person_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    link_person_recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    link_person = table.Column<string>(type: "jsonb", nullable: true),
                    wellbeing_contacts = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_set_ups", x => x.inspection_id);
                });

            migrationBuilder.CreateTable(
                name: "safeguarding_incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    agencies = table.Column<List<string>>(type: "text[]", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "schools_sample",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    school = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    school_urn = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    case_reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    referral_made_on = table.Column<DateOnly>(type: "date", nullable: false),
                    spoke_with = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_schools_sample", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_additional_information_inspection_id",
                table: "additional_information",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_fieldwork_timetable_inspection_id_starts_at",
                table: "fieldwork_timetable",
                columns: new[] { "inspection_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_incidents_inspection_id",
                table: "safeguarding_incidents",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_schools_sample_inspection_id_at",
                table: "schools_sample",
                columns: new[] { "inspection_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "additional_information");

            migrationBuilder.DropTable(
                name: "fieldwork_timetable");

            migrationBuilder.DropTable(
                name: "inspection_set_ups");

            migrationBuilder.DropTable(
                name: "safeguarding_incidents");

            migrationBuilder.DropTable(
                name: "schools_sample");
        }
    }
}
