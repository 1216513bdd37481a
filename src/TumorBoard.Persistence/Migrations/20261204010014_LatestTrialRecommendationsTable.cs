using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LatestTrialRecommendationsTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The latest rows move out of recommendations (docs/performance.md, issue 16 session 6): clearing a patient's
            // latest flags was a non-HOT UPDATE of every previous wide row, about half of PostgreSQL's work in a full
            // re-evaluation. Now a new evaluation deletes the patient's narrow rows and inserts its own, and
            // recommendations is insert-only. The counting triggers leave recommendations first (their functions read
            // is_latest, which goes).
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS recommendations_arm_counts_delete ON recommendations;
                DROP TRIGGER IF EXISTS recommendations_arm_counts_update ON recommendations;
                DROP TRIGGER IF EXISTS recommendations_arm_counts_insert ON recommendations;
                """);

            migrationBuilder.CreateTable(
                name: "latest_trial_recommendations",
                columns: table => new
                {
                    recommendation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trial_id = table.Column<string>(type: "text", nullable: false),
                    arm_id = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    arm_status = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_latest_trial_recommendations", x => x.recommendation_id);
                });

            // The latest trial rows of existing deployments, before the flag that marks them goes. Rows without an arm or
            // a status were never listed nor counted (the triggers and every reader skipped them).
            migrationBuilder.Sql("""
                INSERT INTO latest_trial_recommendations (recommendation_id, patient_id, trial_id, arm_id, status, arm_status)
                SELECT id, patient_id, trial_id, arm_id, status, arm_status FROM recommendations
                WHERE is_latest AND trial_id IS NOT NULL AND arm_id IS NOT NULL AND status IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_latest_trial_recommendations_patient_id",
                table: "latest_trial_recommendations",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_latest_trial_recommendations_trial_id_arm_id_patient_id",
                table: "latest_trial_recommendations",
                columns: new[] { "trial_id", "arm_id", "patient_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "status", "recommendation_id" });

            migrationBuilder.DropIndex(
                name: "ix_recommendations_patient_id",
                table: "recommendations");

            migrationBuilder.DropIndex(
                name: "ix_recommendations_trial_id_arm_id_patient_id",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "is_latest",
                table: "recommendations");

            // The arm totals' delta triggers (ArmListCounts) now watch the narrow table: every row there is a latest one.
            // The totals are recounted from the rows just moved (the same set the old triggers counted), and
            // recommendations refuses UPDATE, DELETE and TRUNCATE like the other history tables (tumorboard_append_only
            // is InitialSchema's).
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION tumorboard_arm_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO arm_list_counts (trial_id, arm_id, status, delta)
                    SELECT trial_id, arm_id, status, count(*) FROM added GROUP BY trial_id, arm_id, status;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION tumorboard_arm_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO arm_list_counts (trial_id, arm_id, status, delta)
                    SELECT trial_id, arm_id, status, sum(delta) FROM (
                        SELECT trial_id, arm_id, status, -1 AS delta FROM removed
                        UNION ALL
                        SELECT trial_id, arm_id, status, 1 FROM added) AS changed
                    GROUP BY trial_id, arm_id, status HAVING sum(delta) <> 0;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION tumorboard_arm_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO arm_list_counts (trial_id, arm_id, status, delta)
                    SELECT trial_id, arm_id, status, -count(*) FROM removed GROUP BY trial_id, arm_id, status;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER latest_trial_recommendations_arm_counts_insert AFTER INSERT ON latest_trial_recommendations
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tumorboard_arm_counts_insert();
                CREATE TRIGGER latest_trial_recommendations_arm_counts_update AFTER UPDATE ON latest_trial_recommendations
                    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tumorboard_arm_counts_update();
                CREATE TRIGGER latest_trial_recommendations_arm_counts_delete AFTER DELETE ON latest_trial_recommendations
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tumorboard_arm_counts_delete();

                DELETE FROM arm_list_counts;
                INSERT INTO arm_list_counts (trial_id, arm_id, status, delta)
                SELECT trial_id, arm_id, status, count(*) FROM latest_trial_recommendations GROUP BY trial_id, arm_id, status;

                CREATE TRIGGER recommendations_append_only BEFORE UPDATE OR DELETE ON recommendations
                    FOR EACH ROW EXECUTE FUNCTION tumorboard_append_only();
                CREATE TRIGGER recommendations_no_truncate BEFORE TRUNCATE ON recommendations
                    FOR EACH STATEMENT EXECUTE FUNCTION tumorboard_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS recommendations_no_truncate ON recommendations;
                DROP TRIGGER IF EXISTS recommendations_append_only ON recommendations;
                DROP TRIGGER IF EXISTS latest_trial_recommendations_arm_counts_delete ON latest_trial_recommendations;
                DROP TRIGGER IF EXISTS latest_trial_recommendations_arm_counts_update ON latest_trial_recommendations;
                DROP TRIGGER IF EXISTS latest_trial_recommendations_arm_counts_insert ON latest_trial_recommendations;
                """);

            migrationBuilder.AddColumn<bool>(
                name: "is_latest",
                table: "recommendations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Every kind's latest rows are those of the patients' latest evaluations (the flag marked exactly those).
            migrationBuilder.Sql("""
                UPDATE recommendations r SET is_latest = true FROM patients p WHERE r.evaluation_id = p.latest_evaluation_id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_patient_id",
                table: "recommendations",
                column: "patient_id",
                filter: "is_latest");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_trial_id_arm_id_patient_id",
                table: "recommendations",
                columns: new[] { "trial_id", "arm_id", "patient_id" },
                filter: "is_latest AND trial_id IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "id" });

            // ArmListCountDeltasLz4Documents' triggers, back on recommendations, and the totals recounted from its flags.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION tumorboard_arm_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO arm_list_counts (trial_id, arm_id, status, delta)
                    SELECT trial_id, arm_id, status, count(*) FROM added
                    WHERE is_latest AND trial_id IS NOT NULL AND arm_id IS NOT NULL AND status IS NOT NULL
                    GROUP BY trial_id, arm_id, status;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION tumorboard_arm_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO arm_list_counts (trial_id, arm_id, status, delta)
                    SELECT trial_id, arm_id, status, sum(delta) FROM (
                        SELECT trial_id, arm_id, status, -1 AS delta FROM removed WHERE is_latest
                        UNION ALL
                        SELECT trial_id, arm_id, status, 1 FROM added WHERE is_latest) AS changed
                    WHERE trial_id IS NOT NULL AND arm_id IS NOT NULL AND status IS NOT NULL
                    GROUP BY trial_id, arm_id, status HAVING sum(delta) <> 0;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION tumorboard_arm_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO arm_list_counts (trial_id, arm_id, status, delta)
                    SELECT trial_id, arm_id, status, -count(*) FROM removed
                    WHERE is_latest AND trial_id IS NOT NULL AND arm_id IS NOT NULL AND status IS NOT NULL
                    GROUP BY trial_id, arm_id, status;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER recommendations_arm_counts_insert AFTER INSERT ON recommendations
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tumorboard_arm_counts_insert();
                CREATE TRIGGER recommendations_arm_counts_update AFTER UPDATE ON recommendations
                    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tumorboard_arm_counts_update();
                CREATE TRIGGER recommendations_arm_counts_delete AFTER DELETE ON recommendations
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tumorboard_arm_counts_delete();

                DELETE FROM arm_list_counts;
                INSERT INTO arm_list_counts (trial_id, arm_id, status, delta)
                SELECT trial_id, arm_id, status, count(*) FROM recommendations
                WHERE is_latest AND trial_id IS NOT NULL AND arm_id IS NOT NULL AND status IS NOT NULL
                GROUP BY trial_id, arm_id, status;
                """);

            migrationBuilder.DropTable(
                name: "latest_trial_recommendations");
        }
    }
}
