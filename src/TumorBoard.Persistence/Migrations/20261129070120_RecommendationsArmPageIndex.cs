using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecommendationsArmPageIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_recommendations_trial_id_arm_id_patient_id",
                table: "recommendations",
                columns: new[] { "trial_id", "arm_id", "patient_id" },
                filter: "is_latest")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_recommendations_trial_id_arm_id_patient_id",
                table: "recommendations");
        }
    }
}
