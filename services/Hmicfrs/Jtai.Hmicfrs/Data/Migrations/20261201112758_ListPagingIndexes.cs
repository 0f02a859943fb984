using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Hmicfrs.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListPagingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_follow_ups_local_area_code",
                table: "follow_ups");

            migrationBuilder.CreateIndex(
                name: "ix_intelligence_reads_read_at_id",
                table: "intelligence_reads",
                columns: new[] { "read_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_local_area_code_opened_at_id",
                table: "follow_ups",
                columns: new[] { "local_area_code", "opened_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_opened_at_id",
                table: "follow_ups",
                columns: new[] { "opened_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_records_inspection_id_gathered_at_id",
                table: "evidence_records",
                columns: new[] { "inspection_id", "gathered_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_intelligence_reads_read_at_id",
                table: "intelligence_reads");

            migrationBuilder.DropIndex(
                name: "ix_follow_ups_local_area_code_opened_at_id",
                table: "follow_ups");

            migrationBuilder.DropIndex(
                name: "ix_follow_ups_opened_at_id",
                table: "follow_ups");

            migrationBuilder.DropIndex(
                name: "ix_evidence_records_inspection_id_gathered_at_id",
                table: "evidence_records");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_local_area_code",
                table: "follow_ups",
                column: "local_area_code");
        }
    }
}
