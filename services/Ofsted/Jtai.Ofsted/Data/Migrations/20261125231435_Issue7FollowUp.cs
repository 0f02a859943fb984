using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jtai.Ofsted.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue7FollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follow_ups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    priority_action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspectorate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    process = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    state = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    local_area_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    local_area_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agencies = table.Column<string[]>(type: "text[]", nullable: false),
                    coordinated = table.Column<bool>(type: "boolean", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    letter_date = table.Column<DateOnly>(type: "date", nullable: true),
                    published_date = table.Column<DateOnly>(type: "date", nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    steps = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_ups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "action_plan_submissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    follow_up_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    review_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    outcome_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_plan_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_action_plan_submissions_follow_ups_follow_up_id",
                        column: x => x.follow_up_id,
                        principalTable: "follow_ups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_deadlines",
                columns: table => new
                {
                    follow_up_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    met_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    overdue_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_deadlines", x => new { x.follow_up_id, x.name });
                    table.ForeignKey(
                        name: "fk_follow_up_deadlines_follow_ups_follow_up_id",
                        column: x => x.follow_up_id,
                        principalTable: "follow_ups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    follow_up_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    from = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    to = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_follow_up_steps_follow_ups_follow_up_id",
                        column: x => x.follow_up_id,
                        principalTable: "follow_ups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ilacs_follow_ups",
                columns: table => new
                {
                    follow_up_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dfe_informed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dfe_informed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    dfe_contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    action_plan_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expected_stage = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    coordination_shared_with = table.Column<string[]>(type: "text[]", nullable: false),
                    coordination_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    coordination_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    letter_shared_with_departments = table.Column<string[]>(type: "text[]", nullable: false),
                    letter_shared_on = table.Column<DateOnly>(type: "date", nullable: true),
                    repeat_jtai = table.Column<bool>(type: "boolean", nullable: true),
                    repeat_jtai_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    repeat_jtai_decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ilacs_follow_ups", x => x.follow_up_id);
                    table.ForeignKey(
                        name: "fk_ilacs_follow_ups_follow_ups_follow_up_id",
                        column: x => x.follow_up_id,
                        principalTable: "follow_ups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_visits",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    follow_up_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    focus = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    scheduled_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_visits_follow_ups_follow_up_id",
                        column: x => x.follow_up_id,
                        principalTable: "follow_ups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_plan_submissions_follow_up_id",
                table: "action_plan_submissions",
                column: "follow_up_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_steps_follow_up_id",
                table: "follow_up_steps",
                column: "follow_up_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_inspection_id",
                table: "follow_ups",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_local_area_code",
                table: "follow_ups",
                column: "local_area_code");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_priority_action_id",
                table: "follow_ups",
                column: "priority_action_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_visits_follow_up_id",
                table: "monitoring_visits",
                column: "follow_up_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_plan_submissions");

            migrationBuilder.DropTable(
                name: "follow_up_deadlines");

            migrationBuilder.DropTable(
                name: "follow_up_steps");

            migrationBuilder.DropTable(
                name: "ilacs_follow_ups");

            migrationBuilder.DropTable(
                name: "monitoring_visits");

            migrationBuilder.DropTable(
                name: "follow_ups");
        }
    }
}
