using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jtai.Ofsted.Data.Migrations
{
    /// <inheritdoc />
    public partial class InspectionStagesAndNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "stage",
                table: "inspections",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "stage_changed_at",
                table: "inspections",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "steps",
                table: "follow_ups",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "area_contacts",
                columns: table => new
                {
                    local_area_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    role = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_area_contacts", x => new { x.local_area_code, x.role });
                });

            migrationBuilder.CreateTable(
                name: "inspection_notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    channel = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    contact_missing = table.Column<bool>(type: "boolean", nullable: false),
                    notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fieldwork_start = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_notifications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_notifications_inspection_id",
                table: "inspection_notifications",
                column: "inspection_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "area_contacts");

            migrationBuilder.DropTable(
                name: "inspection_notifications");

            migrationBuilder.DropColumn(
                name: "stage",
                table: "inspections");

            migrationBuilder.DropColumn(
                name: "stage_changed_at",
                table: "inspections");

            migrationBuilder.DropColumn(
                name: "steps",
                table: "follow_ups");
        }
    }
}
