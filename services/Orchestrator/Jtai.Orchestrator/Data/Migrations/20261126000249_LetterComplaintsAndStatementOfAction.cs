using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Orchestrator.Data.Migrations
{
    /// <inheritdoc />
    public partial class LetterComplaintsAndStatementOfAction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    handled_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    inspector_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    withdrawal_requested = table.Column<bool>(type: "boolean", nullable: false),
                    exceptional_circumstances = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    lead_investigator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    acknowledgement_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    withdrawal_agreed = table.Column<bool>(type: "boolean", nullable: true),
                    response_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    response_text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    response_shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    responded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    upheld = table.Column<bool>(type: "boolean", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hold_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "factual_accuracy_comments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    paragraph = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    comment = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    proposed_text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    reason = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_factual_accuracy_comments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "letter_agreements",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspectorate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    letter_version = table.Column<int>(type: "integer", nullable: false),
                    agreed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agreed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_letter_agreements", x => new { x.inspection_id, x.inspectorate, x.letter_version });
                });

            migrationBuilder.CreateTable(
                name: "letter_versions",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    edited_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_letter_versions", x => new { x.inspection_id, x.number });
                });

            migrationBuilder.CreateTable(
                name: "letters",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    current_version = table.Column<int>(type: "integer", nullable: false),
                    drafted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    drafted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    qa_checked_version = table.Column<int>(type: "integer", nullable: true),
                    qa_checked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    qa_checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    draft_version = table.Column<int>(type: "integer", nullable: true),
                    draft_sent_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    draft_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    comments_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    final_version = table.Column<int>(type: "integer", nullable: true),
                    final_issued_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    final_issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    letter_date = table.Column<DateOnly>(type: "date", nullable: true),
                    planned_publication_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    publication_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    departments_required = table.Column<bool>(type: "boolean", nullable: false),
                    departments = table.Column<List<string>>(type: "text[]", nullable: false),
                    departments_shared_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    departments_shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    survey_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    withdrawal_decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    withdrawal_reason = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_letters", x => x.inspection_id);
                });

            migrationBuilder.CreateTable(
                name: "statements_of_action",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lead_agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    cooperating_agencies = table.Column<List<string>>(type: "text[]", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    text = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    submitted_agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statements_of_action", x => x.inspection_id);
                });

            migrationBuilder.CreateTable(
                name: "survey_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answers_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_responses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "statement_of_action_responses",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspectorate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    responded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statement_of_action_responses", x => new { x.inspection_id, x.inspectorate });
                    table.ForeignKey(
                        name: "fk_statement_of_action_responses_statements_of_action_inspecti",
                        column: x => x.inspection_id,
                        principalTable: "statements_of_action",
                        principalColumn: "inspection_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_inspection_id",
                table: "complaints",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_factual_accuracy_comments_inspection_id",
                table: "factual_accuracy_comments",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_letters_publication_at",
                table: "letters",
                column: "publication_at");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_inspection_id",
                table: "survey_responses",
                column: "inspection_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaints");

            migrationBuilder.DropTable(
                name: "factual_accuracy_comments");

            migrationBuilder.DropTable(
                name: "letter_agreements");

            migrationBuilder.DropTable(
                name: "letter_versions");

            migrationBuilder.DropTable(
                name: "letters");

            migrationBuilder.DropTable(
                name: "statement_of_action_responses");

            migrationBuilder.DropTable(
                name: "survey_responses");

            migrationBuilder.DropTable(
                name: "statements_of_action");
        }
    }
}
