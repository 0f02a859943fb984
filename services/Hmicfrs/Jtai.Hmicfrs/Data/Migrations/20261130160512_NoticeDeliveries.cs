using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Hmicfrs.Data.Migrations
{
    /// <inheritdoc />
    public partial class NoticeDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "notified_at",
                table: "inspection_notifications",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AddColumn<Guid>(
                name: "delivery_id",
                table: "inspection_notifications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "recorded_at",
                table: "inspection_notifications",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Notifications recorded before deliveries existed keep their time as when they were recorded.
            migrationBuilder.Sql("UPDATE inspection_notifications SET recorded_at = notified_at WHERE notified_at IS NOT NULL");

            migrationBuilder.CreateTable(
                name: "notice_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    notice = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    regarding = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recipient_role = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    recipient_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recipient_address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    personalisation = table.Column<string>(type: "jsonb", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    channel_reference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notice_delivery_attempts",
                columns: table => new
                {
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_delivery_attempts", x => new { x.delivery_id, x.number });
                    table.ForeignKey(
                        name: "fk_notice_delivery_attempts_notice_delivery_delivery_id",
                        column: x => x.delivery_id,
                        principalTable: "notice_deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_notifications_delivery_id",
                table: "inspection_notifications",
                column: "delivery_id");

            migrationBuilder.CreateIndex(
                name: "ix_notice_deliveries_failed",
                table: "notice_deliveries",
                column: "state",
                filter: "state = 'failed'");

            migrationBuilder.CreateIndex(
                name: "ix_notice_deliveries_inspection_id",
                table: "notice_deliveries",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_notice_deliveries_regarding",
                table: "notice_deliveries",
                column: "regarding");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notice_delivery_attempts");

            migrationBuilder.DropTable(
                name: "notice_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_inspection_notifications_delivery_id",
                table: "inspection_notifications");

            migrationBuilder.DropColumn(
                name: "delivery_id",
                table: "inspection_notifications");

            migrationBuilder.DropColumn(
                name: "recorded_at",
                table: "inspection_notifications");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "notified_at",
                table: "inspection_notifications",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);
        }
    }
}
