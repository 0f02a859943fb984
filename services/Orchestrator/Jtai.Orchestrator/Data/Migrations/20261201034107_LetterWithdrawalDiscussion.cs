using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Orchestrator.Data.Migrations
{
    /// <inheritdoc />
    public partial class LetterWithdrawalDiscussion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "withdrawal_advised",
                table: "letters",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "withdrawal_discussed_with",
                table: "letters",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<List<string>>(
                name: "withdrawal_to_advise",
                table: "letters",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<bool>(
                name: "withdrawal_urgent",
                table: "letters",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "withdrawal_advised",
                table: "letters");

            migrationBuilder.DropColumn(
                name: "withdrawal_discussed_with",
                table: "letters");

            migrationBuilder.DropColumn(
                name: "withdrawal_to_advise",
                table: "letters");

            migrationBuilder.DropColumn(
                name: "withdrawal_urgent",
                table: "letters");
        }
    }
}
