using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReportContentHashVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every row stored before this migration was hashed from Firely's serialisation: version 1
            // (docs/adr/0005-report-content-hash-versions.md). New rows always set the column.
            migrationBuilder.AddColumn<int>(
                name: "content_hash_version",
                table: "reports",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "content_hash_version",
                table: "report_versions",
                type: "integer",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "content_hash_version",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "content_hash_version",
                table: "report_versions");
        }
    }
}
