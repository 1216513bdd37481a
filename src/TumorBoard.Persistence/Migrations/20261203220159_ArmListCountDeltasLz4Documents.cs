using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ArmListCountDeltasLz4Documents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_recommendations_trial_id_arm_id_patient_id",
                table: "recommendations");

            migrationBuilder.DropIndex(
                name: "ix_recommendations_trial_id_arm_id_status",
                table: "recommendations");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_trial_id_arm_id_patient_id",
                table: "recommendations",
                columns: new[] { "trial_id", "arm_id", "patient_id" },
                filter: "is_latest AND trial_id IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "id" });

            // Arm list totals without counting (ArmListCounts): statement-level triggers append each statement's net change
            // per (trial, arm, status) of latest trial rows, in the writer's transaction, whoever writes (EF inserts at
            // ingestion, the re-match's COPY, the latest-flag clear). Insert-only, so concurrent writers never wait on a
            // shared counter row; readers sum an arm's few rows and fold them when they grow. Seeded from the rows there are.
            migrationBuilder.Sql("""
                CREATE TABLE arm_list_counts (
                    trial_id text NOT NULL,
                    arm_id text NOT NULL,
                    status text NOT NULL,
                    delta integer NOT NULL
                );
                CREATE INDEX ix_arm_list_counts_trial_id_arm_id_status ON arm_list_counts (trial_id, arm_id, status) INCLUDE (delta);

                CREATE FUNCTION tumorboard_arm_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO arm_list_counts (trial_id, arm_id, status, delta)
                    SELECT trial_id, arm_id, status, count(*) FROM added
                    WHERE is_latest AND trial_id IS NOT NULL AND arm_id IS NOT NULL AND status IS NOT NULL
                    GROUP BY trial_id, arm_id, status;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION tumorboard_arm_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
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

                CREATE FUNCTION tumorboard_arm_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
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

                INSERT INTO arm_list_counts (trial_id, arm_id, status, delta)
                SELECT trial_id, arm_id, status, count(*) FROM recommendations
                WHERE is_latest AND trial_id IS NOT NULL AND arm_id IS NOT NULL AND status IS NOT NULL
                GROUP BY trial_id, arm_id, status;
                """);

            // lz4 instead of pglz for what TOAST compresses: an evaluation document is about 13 KB of JSON, and pglz
            // compressing it was half of a re-match's COPY (docs/performance.md, issue 16 session 5); lz4 compresses it to
            // about the same size three times faster. Applies to values written from now on; a server built without lz4
            // keeps pglz.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    ALTER TABLE evaluations ALTER COLUMN document SET COMPRESSION lz4;
                    ALTER TABLE recommendations ALTER COLUMN payload SET COMPRESSION lz4;
                EXCEPTION WHEN feature_not_supported THEN
                    RAISE NOTICE 'lz4 is not available on this server: documents keep pglz compression';
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE evaluations ALTER COLUMN document SET COMPRESSION default;
                ALTER TABLE recommendations ALTER COLUMN payload SET COMPRESSION default;
                DROP TRIGGER IF EXISTS recommendations_arm_counts_delete ON recommendations;
                DROP TRIGGER IF EXISTS recommendations_arm_counts_update ON recommendations;
                DROP TRIGGER IF EXISTS recommendations_arm_counts_insert ON recommendations;
                DROP FUNCTION IF EXISTS tumorboard_arm_counts_delete();
                DROP FUNCTION IF EXISTS tumorboard_arm_counts_update();
                DROP FUNCTION IF EXISTS tumorboard_arm_counts_insert();
                DROP TABLE IF EXISTS arm_list_counts;
                """);

            migrationBuilder.DropIndex(
                name: "ix_recommendations_trial_id_arm_id_patient_id",
                table: "recommendations");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_trial_id_arm_id_patient_id",
                table: "recommendations",
                columns: new[] { "trial_id", "arm_id", "patient_id" },
                filter: "is_latest")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_trial_id_arm_id_status",
                table: "recommendations",
                columns: new[] { "trial_id", "arm_id", "status" },
                filter: "is_latest");
        }
    }
}
