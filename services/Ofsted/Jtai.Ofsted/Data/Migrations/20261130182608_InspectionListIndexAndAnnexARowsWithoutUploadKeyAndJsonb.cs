using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Ofsted.Data.Migrations
{
    /// <inheritdoc />
    public partial class InspectionListIndexAndAnnexARowsWithoutUploadKeyAndJsonb : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_annex_a_rows_annex_a_upload_upload_id",
                table: "annex_a_rows");

            migrationBuilder.DropIndex(
                name: "ix_annex_a_rows_inspection_id_child_id",
                table: "annex_a_rows");

            migrationBuilder.DropIndex(
                name: "ix_annex_a_rows_upload_id",
                table: "annex_a_rows");

            migrationBuilder.AlterColumn<string>(
                name: "fields",
                table: "annex_a_rows",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_fieldwork_start_inspection_id",
                table: "inspections",
                columns: new[] { "fieldwork_start", "inspection_id" });

            migrationBuilder.CreateIndex(
                name: "ix_annex_a_rows_upload_id_row_number",
                table: "annex_a_rows",
                columns: new[] { "upload_id", "row_number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inspections_fieldwork_start_inspection_id",
                table: "inspections");

            migrationBuilder.DropIndex(
                name: "ix_annex_a_rows_upload_id_row_number",
                table: "annex_a_rows");

            migrationBuilder.AlterColumn<string>(
                name: "fields",
                table: "annex_a_rows",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.CreateIndex(
                name: "ix_annex_a_rows_inspection_id_child_id",
                table: "annex_a_rows",
                columns: new[] { "inspection_id", "child_id" });

            migrationBuilder.CreateIndex(
                name: "ix_annex_a_rows_upload_id",
                table: "annex_a_rows",
                column: "upload_id");

            migrationBuilder.AddForeignKey(
                name: "fk_annex_a_rows_annex_a_upload_upload_id",
                table: "annex_a_rows",
                column: "upload_id",
                principalTable: "annex_a_uploads",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
