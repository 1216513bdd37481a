using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TumorBoard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BoardWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "accepted_unreviewed",
                table: "sign_offs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "unreviewed_recommendation_ids",
                table: "sign_offs",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<Guid>(
                name: "carried_over_from_review_id",
                table: "reviews",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "arm_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    trial_id = table.Column<string>(type: "text", nullable: false),
                    arm_id = table.Column<string>(type: "text", nullable: false),
                    from_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    to_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_arm_status_changes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_arm_status_changes_changed_at",
                table: "arm_status_changes",
                column: "changed_at");

            migrationBuilder.CreateIndex(
                name: "ix_arm_status_changes_trial_id_arm_id_changed_at",
                table: "arm_status_changes",
                columns: new[] { "trial_id", "arm_id", "changed_at" });

            // An arm's status history is evidence of why a board's picture changed: append-only, like audit.
            migrationBuilder.Sql("""
                CREATE TRIGGER arm_status_changes_append_only BEFORE UPDATE OR DELETE ON arm_status_changes
                    FOR EACH ROW EXECUTE FUNCTION tumorboard_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS arm_status_changes_append_only ON arm_status_changes;");

            migrationBuilder.DropTable(
                name: "arm_status_changes");

            migrationBuilder.DropColumn(
                name: "accepted_unreviewed",
                table: "sign_offs");

            migrationBuilder.DropColumn(
                name: "unreviewed_recommendation_ids",
                table: "sign_offs");

            migrationBuilder.DropColumn(
                name: "carried_over_from_review_id",
                table: "reviews");
        }
    }
}
