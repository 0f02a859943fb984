using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jtai.Hmicfrs.Data.Migrations
{
    /// <inheritdoc />
    public partial class AreaIntelligence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "area_intelligence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    shared_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    local_area_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    local_area_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    programme = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    what = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    observed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agencies = table.Column<List<string>>(type: "text[]", nullable: false),
                    shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_area_intelligence", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intelligence_reads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    local_area_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reader_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reader_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reader_inspectorate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reader_roles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    records = table.Column<int>(type: "integer", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intelligence_reads", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_area_intelligence_local_area_code_observed_on",
                table: "area_intelligence",
                columns: new[] { "local_area_code", "observed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_intelligence_reads_local_area_code_read_at",
                table: "intelligence_reads",
                columns: new[] { "local_area_code", "read_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "area_intelligence");

            migrationBuilder.DropTable(
                name: "intelligence_reads");
        }
    }
}
