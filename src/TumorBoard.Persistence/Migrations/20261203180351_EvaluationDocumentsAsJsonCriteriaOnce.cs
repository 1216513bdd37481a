using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationDocumentsAsJsonCriteriaOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing queries inside the evaluation documents or the recommendation payloads (the arm status the writers
            // compared has its own column since RecommendationArmStatusAndArmJobs): json keeps the text as written, which
            // a re-match's COPY no longer pays to convert. Rewrites both tables once (a table lock while it runs).
            // Therapy rows stop carrying a payload (the document holds them, nothing read it): the column becomes nullable.
            migrationBuilder.Sql("""
                ALTER TABLE recommendations ALTER COLUMN payload TYPE json USING payload::json, ALTER COLUMN payload DROP NOT NULL;
                ALTER TABLE evaluations ALTER COLUMN document TYPE json USING document::json;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE recommendations SET payload = '{}' WHERE payload IS NULL;
                ALTER TABLE recommendations ALTER COLUMN payload TYPE jsonb USING payload::jsonb, ALTER COLUMN payload SET NOT NULL;
                ALTER TABLE evaluations ALTER COLUMN document TYPE jsonb USING document::jsonb;
                """);
        }
    }
}
