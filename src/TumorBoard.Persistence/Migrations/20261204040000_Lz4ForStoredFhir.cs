using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Lz4ForStoredFhir : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // lz4 instead of pglz for the stored FHIR text, as migration ArmListCountDeltasLz4Documents did for evaluation
            // documents: compressing a 14 KB raw bundle and its reports' JSON with pglz was about a sixth of PostgreSQL's CPU per
            // ingested bundle (docs/performance.md, issue 12 session 7). Applies to values written from now on; a server
            // built without lz4 keeps pglz.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    ALTER TABLE ingested_bundles ALTER COLUMN raw_body SET COMPRESSION lz4;
                    ALTER TABLE reports ALTER COLUMN fhir_json SET COMPRESSION lz4;
                    ALTER TABLE report_versions ALTER COLUMN fhir_json SET COMPRESSION lz4;
                    ALTER TABLE trial_versions ALTER COLUMN document SET COMPRESSION lz4;
                    ALTER TABLE outbox_messages ALTER COLUMN body SET COMPRESSION lz4;
                EXCEPTION WHEN feature_not_supported THEN
                    RAISE NOTICE 'lz4 is not available on this server: stored FHIR keeps pglz compression';
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE ingested_bundles ALTER COLUMN raw_body SET COMPRESSION default;
                ALTER TABLE reports ALTER COLUMN fhir_json SET COMPRESSION default;
                ALTER TABLE report_versions ALTER COLUMN fhir_json SET COMPRESSION default;
                ALTER TABLE trial_versions ALTER COLUMN document SET COMPRESSION default;
                ALTER TABLE outbox_messages ALTER COLUMN body SET COMPRESSION default;
                """);
        }
    }
}
