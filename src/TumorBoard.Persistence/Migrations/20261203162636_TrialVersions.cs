using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TumorBoard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TrialVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "trial_id",
                table: "jobs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "trial_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    trial_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    document = table.Column<string>(type: "json", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    media_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    allow_unknown_genes = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trial_versions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_trial_versions_trial_id_version",
                table: "trial_versions",
                columns: new[] { "trial_id", "version" },
                unique: true);

            // Versions are kept: a stored version is never changed or removed (tumorboard_append_only is InitialSchema's).
            migrationBuilder.Sql("""
                CREATE TRIGGER trial_versions_append_only BEFORE UPDATE OR DELETE ON trial_versions
                    FOR EACH ROW EXECUTE FUNCTION tumorboard_append_only();
                CREATE TRIGGER trial_versions_no_truncate BEFORE TRUNCATE ON trial_versions
                    FOR EACH STATEMENT EXECUTE FUNCTION tumorboard_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trial_versions_no_truncate ON trial_versions; DROP TRIGGER IF EXISTS trial_versions_append_only ON trial_versions;");

            migrationBuilder.DropTable(
                name: "trial_versions");

            migrationBuilder.DropColumn(
                name: "trial_id",
                table: "jobs");
        }
    }
}
