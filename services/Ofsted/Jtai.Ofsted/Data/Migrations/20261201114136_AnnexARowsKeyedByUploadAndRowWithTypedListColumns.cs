using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jtai.Ofsted.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnnexARowsKeyedByUploadAndRowWithTypedListColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_annex_a_rows",
                table: "annex_a_rows");

            migrationBuilder.DropIndex(
                name: "ix_annex_a_rows_upload_id_row_number",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "id",
                table: "annex_a_rows");

            migrationBuilder.AddColumn<string>(
                name: "allocated_team",
                table: "annex_a_rows",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "allocated_worker",
                table: "annex_a_rows",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assessed_as_requiring_support",
                table: "annex_a_rows",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "assessment_authorised_date",
                table: "annex_a_rows",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "assessment_completion_date",
                table: "annex_a_rows",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "child_seen",
                table: "annex_a_rows",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_outcome",
                table: "annex_a_rows",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_outcome_normalised",
                table: "annex_a_rows",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "icpc_date",
                table: "annex_a_rows",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "icpc_resulted_in_plan",
                table: "annex_a_rows",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "icpc_unnecessary",
                table: "annex_a_rows",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "icpcs_in_last12months",
                table: "annex_a_rows",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "referral_nfa",
                table: "annex_a_rows",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "referrals_in_last12months",
                table: "annex_a_rows",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "section47s_in_last12months",
                table: "annex_a_rows",
                type: "integer",
                nullable: true);

            // The list's own values move out of the JSON copy of each row into their typed columns.
            migrationBuilder.Sql("""
                UPDATE annex_a_rows SET
                    contact_outcome = fields::jsonb ->> 'contactOutcome',
                    contact_outcome_normalised = fields::jsonb ->> 'contactOutcomeNormalised',
                    assessment_completion_date = (fields::jsonb ->> 'assessmentCompletionDate')::date,
                    assessment_authorised_date = (fields::jsonb ->> 'assessmentAuthorisedDate')::date,
                    icpc_date = (fields::jsonb ->> 'icpcDate')::date,
                    referral_nfa = fields::jsonb ->> 'referralNfa',
                    child_seen = fields::jsonb ->> 'childSeen',
                    assessed_as_requiring_support = fields::jsonb ->> 'assessedAsRequiringSupport',
                    icpc_unnecessary = fields::jsonb ->> 'icpcUnnecessary',
                    icpc_resulted_in_plan = fields::jsonb ->> 'icpcResultedInPlan',
                    referrals_in_last12months = (fields::jsonb ->> 'referralsInLast12Months')::integer,
                    section47s_in_last12months = (fields::jsonb ->> 'section47sInLast12Months')::integer,
                    icpcs_in_last12months = (fields::jsonb ->> 'icpcsInLast12Months')::integer,
                    allocated_team = fields::jsonb ->> 'allocatedTeam',
                    allocated_worker = fields::jsonb ->> 'allocatedWorker'
                """);

            migrationBuilder.DropColumn(
                name: "fields",
                table: "annex_a_rows");

            migrationBuilder.AddPrimaryKey(
                name: "pk_annex_a_rows",
                table: "annex_a_rows",
                columns: new[] { "upload_id", "row_number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_annex_a_rows",
                table: "annex_a_rows");

            migrationBuilder.AddColumn<long>(
                name: "id",
                table: "annex_a_rows",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            migrationBuilder.AddColumn<string>(
                name: "fields",
                table: "annex_a_rows",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE annex_a_rows SET fields = jsonb_strip_nulls(jsonb_build_object(
                    'dateOfBirth', to_char(date_of_birth, 'YYYY-MM-DD'),
                    CASE list_number WHEN 1 THEN 'dateOfContact' WHEN 3 THEN 'dateOfReferral' WHEN 5 THEN 'section47StartDate' ELSE 'assessmentStartDate' END,
                        to_char(event_date, 'YYYY-MM-DD'),
                    'contactOutcome', contact_outcome, 'contactOutcomeNormalised', contact_outcome_normalised,
                    'assessmentCompletionDate', to_char(assessment_completion_date, 'YYYY-MM-DD'),
                    'assessmentAuthorisedDate', to_char(assessment_authorised_date, 'YYYY-MM-DD'),
                    'icpcDate', to_char(icpc_date, 'YYYY-MM-DD'),
                    'referralNfa', referral_nfa, 'childSeen', child_seen, 'assessedAsRequiringSupport', assessed_as_requiring_support,
                    'icpcUnnecessary', icpc_unnecessary, 'icpcResultedInPlan', icpc_resulted_in_plan,
                    'referralsInLast12Months', referrals_in_last12months::text, 'section47sInLast12Months', section47s_in_last12months::text,
                    'icpcsInLast12Months', icpcs_in_last12months::text,
                    'allocatedTeam', allocated_team, 'allocatedWorker', allocated_worker))::text
                """);

            migrationBuilder.DropColumn(
                name: "allocated_team",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "allocated_worker",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "assessed_as_requiring_support",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "assessment_authorised_date",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "assessment_completion_date",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "child_seen",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "contact_outcome",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "contact_outcome_normalised",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "icpc_date",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "icpc_resulted_in_plan",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "icpc_unnecessary",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "icpcs_in_last12months",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "referral_nfa",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "referrals_in_last12months",
                table: "annex_a_rows");

            migrationBuilder.DropColumn(
                name: "section47s_in_last12months",
                table: "annex_a_rows");

            migrationBuilder.AddPrimaryKey(
                name: "pk_annex_a_rows",
                table: "annex_a_rows",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_annex_a_rows_upload_id_row_number",
                table: "annex_a_rows",
                columns: new[] { "upload_id", "row_number" });
        }
    }
}
