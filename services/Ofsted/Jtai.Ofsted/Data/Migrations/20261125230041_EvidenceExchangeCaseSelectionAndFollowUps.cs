using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jtai.Ofsted.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceExchangeCaseSelectionAndFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annex_a_uploads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_number = table.Column<short>(type: "smallint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rows_stored = table.Column<int>(type: "integer", nullable: false),
                    rows_refused = table.Column<int>(type: "integer", nullable: false),
                    kept_valid_rows = table.Column<bool>(type: "boolean", nullable: false),
                    problems = table.Column<string>(type: "jsonb", nullable: true),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annex_a_uploads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_data_reads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    what = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_data_reads", x => x.id);
                });

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
                name: "information_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    child_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    content_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_information_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "issues_of_concern",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    child_reference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    senior_officer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    senior_officer_role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    raised_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    raised_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    raised_by_inspectorate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    senior_officer_notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    response = table.Column<string>(type: "text", nullable: true),
                    response_recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    response_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    inspector_evaluation = table.Column<string>(type: "text", nullable: true),
                    inspector_evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lead_evaluation = table.Column<string>(type: "text", nullable: true),
                    lead_evaluated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    lead_evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    evaluation_shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lead_signed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    lead_signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    senior_officer_signed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    senior_officer_signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_issues_of_concern", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "item_deliveries",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    last_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_item_deliveries", x => new { x.inspection_id, x.item_key, x.agency });
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
                name: "selected_children",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    selected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    selected_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    child_known_to_police = table.Column<bool>(type: "boolean", nullable: true),
                    parents_or_carers_known_to_police = table.Column<bool>(type: "boolean", nullable: true),
                    police_answered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    police_answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    health_support_beyond_universal_services = table.Column<bool>(type: "boolean", nullable: true),
                    health_answered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    health_answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    for_audit = table.Column<bool>(type: "boolean", nullable: false),
                    for_audit_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_selected_children", x => new { x.inspection_id, x.child_id });
                });

            migrationBuilder.CreateTable(
                name: "shared_record_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    author_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_inspectorate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    on_behalf_of = table.Column<List<string>>(type: "text[]", nullable: false),
                    criteria = table.Column<List<string>>(type: "text[]", nullable: false),
                    agencies = table.Column<List<string>>(type: "text[]", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    meeting_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shared_record_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "annex_a_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    upload_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_number = table.Column<short>(type: "smallint", nullable: false),
                    row_number = table.Column<int>(type: "integer", nullable: false),
                    child_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ethnicity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    age = table.Column<short>(type: "smallint", nullable: false),
                    event_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    disability = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    fields = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annex_a_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_annex_a_rows_annex_a_upload_upload_id",
                        column: x => x.upload_id,
                        principalTable: "annex_a_uploads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "ix_annex_a_rows_inspection_id_child_id",
                table: "annex_a_rows",
                columns: new[] { "inspection_id", "child_id" });

            migrationBuilder.CreateIndex(
                name: "ix_annex_a_rows_upload_id",
                table: "annex_a_rows",
                column: "upload_id");

            migrationBuilder.CreateIndex(
                name: "ix_annex_a_uploads_current",
                table: "annex_a_uploads",
                columns: new[] { "inspection_id", "list_number" },
                unique: true,
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_annex_a_uploads_inspection_id_list_number_version",
                table: "annex_a_uploads",
                columns: new[] { "inspection_id", "list_number", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_child_data_reads_inspection_id_at",
                table: "child_data_reads",
                columns: new[] { "inspection_id", "at" });

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
                name: "ix_information_documents_inspection_id_kind_agency",
                table: "information_documents",
                columns: new[] { "inspection_id", "kind", "agency" });

            migrationBuilder.CreateIndex(
                name: "ix_issues_of_concern_inspection_id_closed_at",
                table: "issues_of_concern",
                columns: new[] { "inspection_id", "closed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_legal_holds_inspection_id",
                table: "legal_holds",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_visits_follow_up_id",
                table: "monitoring_visits",
                column: "follow_up_id");

            migrationBuilder.CreateIndex(
                name: "ix_purge_log_day",
                table: "purge_log",
                column: "day",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shared_record_entries_inspection_id_kind",
                table: "shared_record_entries",
                columns: new[] { "inspection_id", "kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_plan_submissions");

            migrationBuilder.DropTable(
                name: "annex_a_rows");

            migrationBuilder.DropTable(
                name: "child_data_reads");

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
                name: "ilacs_follow_ups");

            migrationBuilder.DropTable(
                name: "information_documents");

            migrationBuilder.DropTable(
                name: "issues_of_concern");

            migrationBuilder.DropTable(
                name: "item_deliveries");

            migrationBuilder.DropTable(
                name: "legal_holds");

            migrationBuilder.DropTable(
                name: "monitoring_visits");

            migrationBuilder.DropTable(
                name: "purge_log");

            migrationBuilder.DropTable(
                name: "retention_inspections");

            migrationBuilder.DropTable(
                name: "selected_children");

            migrationBuilder.DropTable(
                name: "shared_record_entries");

            migrationBuilder.DropTable(
                name: "annex_a_uploads");

            migrationBuilder.DropTable(
                name: "follow_ups");
        }
    }
}
