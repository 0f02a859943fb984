using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Orchestrator.Data.Migrations
{
    /// <inheritdoc />
    public partial class LetterDeliveriesAndInformalConcerns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "draft_delivered_at",
                table: "letters",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "final_delivered_at",
                table: "letters",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "informal_concern_id",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "informal_concerns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    raised_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_with = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    resolution = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    qa_manager_from = table.Column<DateOnly>(type: "date", nullable: true),
                    qa_managers_joining = table.Column<List<string>>(type: "text[]", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_informal_concerns", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_informal_concerns_inspection_id",
                table: "informal_concerns",
                column: "inspection_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "informal_concerns");

            migrationBuilder.DropColumn(
                name: "draft_delivered_at",
                table: "letters");

            migrationBuilder.DropColumn(
                name: "final_delivered_at",
                table: "letters");

            migrationBuilder.DropColumn(
                name: "informal_concern_id",
                table: "complaints");
        }
    }
}
