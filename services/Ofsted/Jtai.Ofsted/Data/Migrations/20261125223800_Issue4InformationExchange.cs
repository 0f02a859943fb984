using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jtai.Ofsted.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue4InformationExchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annex_a_uploads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_number = table.Column<short>(type: "smallint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rows_stored = table.Column<int>(type: "integer", nullable: false),
                    rows_refused = table.Column<int>(type: "integer", nullable: false),
                    kept_valid_rows = table.Column<bool>(type: "boolean", nullable: false),
                    problems = table.Column<string>(type: "jsonb", nullable: true),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annex_a_uploads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_data_reads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    what = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_data_reads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "information_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    child_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    content_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_information_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "item_deliveries",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    last_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_item_deliveries", x => new { x.inspection_id, x.item_key, x.agency });
                });

            migrationBuilder.CreateTable(
                name: "selected_children",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    selected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    selected_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    child_known_to_police = table.Column<bool>(type: "boolean", nullable: true),
                    parents_or_carers_known_to_police = table.Column<bool>(type: "boolean", nullable: true),
                    police_answered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    police_answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    health_support_beyond_universal_services = table.Column<bool>(type: "boolean", nullable: true),
                    health_answered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    health_answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    for_audit = table.Column<bool>(type: "boolean", nullable: false),
                    for_audit_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_selected_children", x => new { x.inspection_id, x.child_id });
                });

            migrationBuilder.CreateTable(
                name: "annex_a_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    upload_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_number = table.Column<short>(type: "smallint", nullable: false),
                    row_number = table.Column<int>(type: "integer", nullable: false),
                    child_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ethnicity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    age = table.Column<short>(type: "smallint", nullable: false),
                    event_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    disability = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    fields = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annex_a_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_annex_a_rows_annex_a_upload_upload_id",
                        column: x => x.upload_id,
                        principalTable: "annex_a_uploads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annex_a_rows_inspection_id_child_id",
                table: "annex_a_rows",
                columns: new[] { "inspection_id", "child_id" });

            migrationBuilder.CreateIndex(
                name: "ix_annex_a_rows_upload_id",
                table: "annex_a_rows",
                column: "upload_id");

            migrationBuilder.CreateIndex(
                name: "ix_annex_a_uploads_current",
                table: "annex_a_uploads",
                columns: new[] { "inspection_id", "list_number" },
                unique: true,
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_annex_a_uploads_inspection_id_list_number_version",
                table: "annex_a_uploads",
                columns: new[] { "inspection_id", "list_number", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_child_data_reads_inspection_id_at",
                table: "child_data_reads",
                columns: new[] { "inspection_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_information_documents_inspection_id_kind_agency",
                table: "information_documents",
                columns: new[] { "inspection_id", "kind", "agency" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annex_a_rows");

            migrationBuilder.DropTable(
                name: "child_data_reads");

            migrationBuilder.DropTable(
                name: "information_documents");

            migrationBuilder.DropTable(
                name: "item_deliveries");

            migrationBuilder.DropTable(
                name: "selected_children");

            migrationBuilder.DropTable(
                name: "annex_a_uploads");
        }
    }
}
