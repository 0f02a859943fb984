using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jtai.Ofsted.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue5Evidence : Migration
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
                name: "ix_issues_of_concern_inspection_id_closed_at",
                table: "issues_of_concern",
                columns: new[] { "inspection_id", "closed_at" });

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
                name: "ix_shared_record_entries_inspection_id_kind",
                table: "shared_record_entries",
                columns: new[] { "inspection_id", "kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence_completions");

            migrationBuilder.DropTable(
                name: "evidence_records");

            migrationBuilder.DropTable(
                name: "evidence_revisions");

            migrationBuilder.DropTable(
                name: "issues_of_concern");

            migrationBuilder.DropTable(
                name: "legal_holds");

            migrationBuilder.DropTable(
                name: "purge_log");

            migrationBuilder.DropTable(
                name: "retention_inspections");

            migrationBuilder.DropTable(
                name: "shared_record_entries");
        }
    }
}
