using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jtai.Cqc.Data.Migrations
{
    /// <inheritdoc />
    public partial class InspectionListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_inspections_fieldwork_start_inspection_id",
                table: "inspections",
                columns: new[] { "fieldwork_start", "inspection_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inspections_fieldwork_start_inspection_id",
                table: "inspections");
        }
    }
}
