using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jtai.Hmicfrs.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceRetentionAndFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evidence_completions",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_completions", x => new { x.inspection_id, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "evidence_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_detail = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    gathered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    meeting_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    criteria = table.Column<List<string>>(type: "text[]", nullable: false),
                    agencies = table.Column<List<string>>(type: "text[]", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    people = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    names_removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    edited_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_revisions", x => x.id);
                });

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
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_ups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "legal_holds",
                columns: table => new
                {
                    hold_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    placed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_holds", x => x.hold_id);
                });

            migrationBuilder.CreateTable(
                name: "purge_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    ran_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    inspections_purged = table.Column<int>(type: "integer", nullable: false),
                    inspections_held = table.Column<int>(type: "integer", nullable: false),
                    deleted = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purge_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_inspections",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    stage_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    triggered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    trigger_stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    names_removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    purged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_inspections", x => x.inspection_id);
                });

            migrationBuilder.CreateTable(
                name: "causes_of_concern",
                columns: table => new
                {
                    follow_up_id = table.Column<Guid>(type: "uuid", nullable: false),
                    concern = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    recommendations = table.Column<string[]>(type: "text[]", nullable: false),
                    report_published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    policing_body_comments_published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    escalation_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    escalation_detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    hmi_meeting_on = table.Column<DateOnly>(type: "date", nullable: true),
                    chief_constable = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    police_and_crime_commissioner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    actions_identified = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    root_cause_analysis_received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    root_cause_analysis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    improvement_plan_received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    improvement_plan = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    improvement_required = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    improvement_required_set_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    disengaged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    disengagement_decision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    disengagement_evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    disengaged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_causes_of_concern", x => x.follow_up_id);
                    table.ForeignKey(
                        name: "fk_causes_of_concern_follow_ups_follow_up_id",
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
                name: "revisits",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    follow_up_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    focus = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    scheduled_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_revisits", x => x.id);
                    table.ForeignKey(
                        name: "fk_revisits_follow_ups_follow_up_id",
                        column: x => x.follow_up_id,
                        principalTable: "follow_ups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_records_inspection_id_author_id",
                table: "evidence_records",
                columns: new[] { "inspection_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_revisions_inspection_id",
                table: "evidence_revisions",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_revisions_record_id_revision",
                table: "evidence_revisions",
                columns: new[] { "record_id", "revision" },
                unique: true);

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
                name: "ix_legal_holds_inspection_id",
                table: "legal_holds",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_purge_log_day",
                table: "purge_log",
                column: "day",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_revisits_follow_up_id",
                table: "revisits",
                column: "follow_up_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "causes_of_concern");

            migrationBuilder.DropTable(
                name: "evidence_completions");

            migrationBuilder.DropTable(
                name: "evidence_records");

            migrationBuilder.DropTable(
                name: "evidence_revisions");

            migrationBuilder.DropTable(
                name: "follow_up_deadlines");

            migrationBuilder.DropTable(
                name: "follow_up_steps");

            migrationBuilder.DropTable(
                name: "legal_holds");

            migrationBuilder.DropTable(
                name: "purge_log");

            migrationBuilder.DropTable(
                name: "retention_inspections");

            migrationBuilder.DropTable(
                name: "revisits");

            migrationBuilder.DropTable(
                name: "follow_ups");
        }
    }
}
