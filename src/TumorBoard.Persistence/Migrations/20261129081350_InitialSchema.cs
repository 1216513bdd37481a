using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TumorBoard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "arm_statuses",
                columns: table => new
                {
                    trial_id = table.Column<string>(type: "text", nullable: false),
                    arm_id = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    updated_by = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_arm_statuses", x => new { x.trial_id, x.arm_id });
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    entity_id = table.Column<string>(type: "text", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "patients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sex = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    tumor_oncotree_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    tumor_name = table.Column<string>(type: "text", nullable: true),
                    latest_evaluation_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patients", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clinical_markers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    marker = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    effective_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinical_markers", x => x.id);
                    table.ForeignKey(
                        name: "fk_clinical_markers_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conditions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    system = table.Column<string>(type: "text", nullable: true),
                    code = table.Column<string>(type: "text", nullable: true),
                    display = table.Column<string>(type: "text", nullable: true),
                    body_site = table.Column<string>(type: "text", nullable: true),
                    oncotree_code = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conditions", x => x.id);
                    table.ForeignKey(
                        name: "fk_conditions_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    knowledge_base_version = table.Column<string>(type: "text", nullable: false),
                    knowledge_base_hash = table.Column<string>(type: "text", nullable: false),
                    trials_version = table.Column<string>(type: "text", nullable: false),
                    trials_hash = table.Column<string>(type: "text", nullable: false),
                    report_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    previous_evaluation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluations_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ingested_bundles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    content_type = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    raw_body = table.Column<string>(type: "text", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: true),
                    warnings = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingested_bundles", x => x.id);
                    table.ForeignKey(
                        name: "fk_ingested_bundles_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patient_identifiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    system = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_identifiers", x => x.id);
                    table.ForeignKey(
                        name: "fk_patient_identifiers_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prior_therapies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    drugs = table.Column<List<string>>(type: "text[]", nullable: false),
                    start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prior_therapies", x => x.id);
                    table.ForeignKey(
                        name: "fk_prior_therapies_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "specimens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fhir_id = table.Column<string>(type: "text", nullable: true),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    role_reason = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: true),
                    site = table.Column<string>(type: "text", nullable: true),
                    collected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_specimens", x => x.id);
                    table.ForeignKey(
                        name: "fk_specimens_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recommendations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    rule_id = table.Column<string>(type: "text", nullable: true),
                    trial_id = table.Column<string>(type: "text", nullable: true),
                    arm_id = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: true),
                    is_latest = table.Column<bool>(type: "boolean", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recommendations", x => x.id);
                    table.ForeignKey(
                        name: "fk_recommendations_evaluations_evaluation_id",
                        column: x => x.evaluation_id,
                        principalTable: "evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sign_offs",
                columns: table => new
                {
                    evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    comment = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_offs", x => x.evaluation_id);
                    table.ForeignKey(
                        name: "fk_sign_offs_evaluations_evaluation_id",
                        column: x => x.evaluation_id,
                        principalTable: "evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bundle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    specimen_id = table.Column<Guid>(type: "uuid", nullable: true),
                    identifier_system = table.Column<string>(type: "text", nullable: false),
                    identifier_value = table.Column<string>(type: "text", nullable: false),
                    identifier_is_derived = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    effective_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    fhir_json = table.Column<string>(type: "text", nullable: false),
                    panel_genes = table.Column<List<string>>(type: "text[]", nullable: true),
                    lab_annotations_json = table.Column<string>(type: "jsonb", nullable: false),
                    warnings = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_reports_ingested_bundles_bundle_id",
                        column: x => x.bundle_id,
                        principalTable: "ingested_bundles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reports_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_reports_specimens_specimen_id",
                        column: x => x.specimen_id,
                        principalTable: "specimens",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recommendation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    comment = table.Column<string>(type: "text", nullable: true),
                    drugs = table.Column<List<string>>(type: "text[]", nullable: true),
                    reviewer = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_reviews_recommendations_recommendation_id",
                        column: x => x.recommendation_id,
                        principalTable: "recommendations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "alterations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    gene = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    protein_change = table.Column<string>(type: "text", nullable: true),
                    protein_json = table.Column<string>(type: "jsonb", nullable: true),
                    coding_change = table.Column<string>(type: "text", nullable: true),
                    transcript = table.Column<string>(type: "text", nullable: true),
                    copy_number = table.Column<decimal>(type: "numeric(9,3)", precision: 9, scale: 3, nullable: true),
                    cna_call = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    fusion_genes = table.Column<List<string>>(type: "text[]", nullable: true),
                    value = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true),
                    vaf = table.Column<decimal>(type: "numeric(7,5)", precision: 7, scale: 5, nullable: true),
                    origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    interpreted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alterations", x => x.id);
                    table.ForeignKey(
                        name: "fk_alterations_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    content_hash = table.Column<string>(type: "text", nullable: false),
                    fhir_json = table.Column<string>(type: "text", nullable: false),
                    bundle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_versions_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alterations_gene_key",
                table: "alterations",
                columns: new[] { "gene", "key" });

            migrationBuilder.CreateIndex(
                name: "ix_alterations_patient_id",
                table: "alterations",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_alterations_report_id",
                table: "alterations",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_patient_id_id",
                table: "audit_events",
                columns: new[] { "patient_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_clinical_markers_patient_id",
                table: "clinical_markers",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_conditions_patient_id",
                table: "conditions",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_evaluations_patient_id_evaluated_at",
                table: "evaluations",
                columns: new[] { "patient_id", "evaluated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ingested_bundles_patient_id",
                table: "ingested_bundles",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_patient_identifiers_patient_id",
                table: "patient_identifiers",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_patient_identifiers_system_value",
                table: "patient_identifiers",
                columns: new[] { "system", "value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_prior_therapies_patient_id",
                table: "prior_therapies",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_evaluation_id",
                table: "recommendations",
                column: "evaluation_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_patient_id",
                table: "recommendations",
                column: "patient_id",
                filter: "is_latest");

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

            migrationBuilder.CreateIndex(
                name: "ix_report_versions_report_id_version",
                table: "report_versions",
                columns: new[] { "report_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_bundle_id",
                table: "reports",
                column: "bundle_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_identifier_system_identifier_value",
                table: "reports",
                columns: new[] { "identifier_system", "identifier_value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_patient_id",
                table: "reports",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_specimen_id",
                table: "reports",
                column: "specimen_id");

            migrationBuilder.CreateIndex(
                name: "ix_reviews_evaluation_id_at",
                table: "reviews",
                columns: new[] { "evaluation_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_reviews_recommendation_id",
                table: "reviews",
                column: "recommendation_id");

            migrationBuilder.CreateIndex(
                name: "ix_specimens_patient_id",
                table: "specimens",
                column: "patient_id");

            // Audit, reviews, sign-offs and evaluations are append-only, enforced by the database
            // itself so no code path (or ad-hoc SQL by the application role) can rewrite history.
            migrationBuilder.Sql("""
                CREATE FUNCTION tumorboard_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                    FOR EACH ROW EXECUTE FUNCTION tumorboard_append_only();
                CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
                    FOR EACH STATEMENT EXECUTE FUNCTION tumorboard_append_only();
                CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE ON reviews
                    FOR EACH ROW EXECUTE FUNCTION tumorboard_append_only();
                CREATE TRIGGER sign_offs_append_only BEFORE UPDATE OR DELETE ON sign_offs
                    FOR EACH ROW EXECUTE FUNCTION tumorboard_append_only();
                CREATE TRIGGER evaluations_immutable BEFORE UPDATE ON evaluations
                    FOR EACH ROW EXECUTE FUNCTION tumorboard_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS evaluations_immutable ON evaluations;
                DROP TRIGGER IF EXISTS sign_offs_append_only ON sign_offs;
                DROP TRIGGER IF EXISTS reviews_append_only ON reviews;
                DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
                DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events;
                DROP FUNCTION IF EXISTS tumorboard_append_only();
                """);

            migrationBuilder.DropTable(
                name: "alterations");

            migrationBuilder.DropTable(
                name: "arm_statuses");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "clinical_markers");

            migrationBuilder.DropTable(
                name: "conditions");

            migrationBuilder.DropTable(
                name: "patient_identifiers");

            migrationBuilder.DropTable(
                name: "prior_therapies");

            migrationBuilder.DropTable(
                name: "report_versions");

            migrationBuilder.DropTable(
                name: "reviews");

            migrationBuilder.DropTable(
                name: "sign_offs");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropTable(
                name: "recommendations");

            migrationBuilder.DropTable(
                name: "ingested_bundles");

            migrationBuilder.DropTable(
                name: "specimens");

            migrationBuilder.DropTable(
                name: "evaluations");

            migrationBuilder.DropTable(
                name: "patients");
        }
    }
}
