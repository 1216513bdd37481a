using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecommendationArmStatusAndArmJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "arm_status",
                table: "recommendations",
                type: "text",
                nullable: true);

            // The latest rows are the ones the writers clear and an arm status change compares: they get the status their
            // payload recorded. Older rows keep it in the payload only (nothing reads it from the column).
            migrationBuilder.Sql("""
                UPDATE recommendations SET arm_status = payload ->> 'armStatus' WHERE is_latest AND trial_id IS NOT NULL;
                """);

            migrationBuilder.AddColumn<string>(
                name: "arm_id",
                table: "jobs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "arm_status",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "arm_id",
                table: "jobs");
        }
    }
}
