using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Orchestrator.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListKeysetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notice_summaries_failed",
                table: "notice_summaries");

            migrationBuilder.DropIndex(
                name: "ix_dead_letter_replays_replayed_at",
                table: "dead_letter_replays");

            migrationBuilder.DropIndex(
                name: "ix_complaints_inspection_id",
                table: "complaints");

            migrationBuilder.CreateIndex(
                name: "ix_notice_summaries_state_updated_at_delivery_id",
                table: "notice_summaries",
                columns: new[] { "state", "updated_at", "delivery_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dead_letter_replays_replayed_at_id",
                table: "dead_letter_replays",
                columns: new[] { "replayed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_inspection_id_submitted_at_id",
                table: "complaints",
                columns: new[] { "inspection_id", "submitted_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notice_summaries_state_updated_at_delivery_id",
                table: "notice_summaries");

            migrationBuilder.DropIndex(
                name: "ix_dead_letter_replays_replayed_at_id",
                table: "dead_letter_replays");

            migrationBuilder.DropIndex(
                name: "ix_complaints_inspection_id_submitted_at_id",
                table: "complaints");

            migrationBuilder.CreateIndex(
                name: "ix_notice_summaries_failed",
                table: "notice_summaries",
                column: "state",
                filter: "state = 'failed'");

            migrationBuilder.CreateIndex(
                name: "ix_dead_letter_replays_replayed_at",
                table: "dead_letter_replays",
                column: "replayed_at");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_inspection_id",
                table: "complaints",
                column: "inspection_id");
        }
    }
}
