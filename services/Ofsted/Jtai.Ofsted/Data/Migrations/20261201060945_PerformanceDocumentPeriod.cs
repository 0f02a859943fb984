using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Ofsted.Data.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceDocumentPeriod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "covers_from",
                table: "information_documents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "covers_to",
                table: "information_documents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "period_from",
                table: "information_documents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "period_kind",
                table: "information_documents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "period_text",
                table: "information_documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "period_to",
                table: "information_documents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "period_warning",
                table: "information_documents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "covers_from",
                table: "information_documents");

            migrationBuilder.DropColumn(
                name: "covers_to",
                table: "information_documents");

            migrationBuilder.DropColumn(
                name: "period_from",
                table: "information_documents");

            migrationBuilder.DropColumn(
                name: "period_kind",
                table: "information_documents");

            migrationBuilder.DropColumn(
                name: "period_text",
                table: "information_documents");

            migrationBuilder.DropColumn(
                name: "period_to",
                table: "information_documents");

            migrationBuilder.DropColumn(
                name: "period_warning",
                table: "information_documents");
        }
    }
}
