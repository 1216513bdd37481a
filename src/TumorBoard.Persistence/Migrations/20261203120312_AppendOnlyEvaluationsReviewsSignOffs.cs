using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AppendOnlyEvaluationsReviewsSignOffs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // InitialSchema refused UPDATE/DELETE on reviews and sign-offs, UPDATE on evaluations and all
            // three on audit_events. Append-only means all three everywhere: DELETE on evaluations and
            // TRUNCATE (a statement trigger; row triggers do not see it) on evaluations, reviews, sign_offs.
            migrationBuilder.Sql("""
                CREATE TRIGGER evaluations_no_delete BEFORE DELETE ON evaluations
                    FOR EACH ROW EXECUTE FUNCTION tumorboard_append_only();
                CREATE TRIGGER evaluations_no_truncate BEFORE TRUNCATE ON evaluations
                    FOR EACH STATEMENT EXECUTE FUNCTION tumorboard_append_only();
                CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON reviews
                    FOR EACH STATEMENT EXECUTE FUNCTION tumorboard_append_only();
                CREATE TRIGGER sign_offs_no_truncate BEFORE TRUNCATE ON sign_offs
                    FOR EACH STATEMENT EXECUTE FUNCTION tumorboard_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS sign_offs_no_truncate ON sign_offs;
                DROP TRIGGER IF EXISTS reviews_no_truncate ON reviews;
                DROP TRIGGER IF EXISTS evaluations_no_truncate ON evaluations;
                DROP TRIGGER IF EXISTS evaluations_no_delete ON evaluations;
                """);
        }
    }
}
