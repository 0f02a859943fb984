using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Ofsted.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnnexAUploadPeriodWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "period_from",
                table: "annex_a_uploads",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "rows_before_period",
                table: "annex_a_uploads",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "warnings",
                table: "annex_a_uploads",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "period_from",
                table: "annex_a_uploads");

            migrationBuilder.DropColumn(
                name: "rows_before_period",
                table: "annex_a_uploads");

            migrationBuilder.DropColumn(
                name: "warnings",
                table: "annex_a_uploads");
        }
    }
}
