using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SpecimenPurityAndPatientLevelSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "trial_id",
                table: "subscriptions",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AddColumn<decimal>(
                name: "purity",
                table: "specimens",
                type: "numeric(7,6)",
                precision: 7,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "purity_source",
                table: "specimens",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_specimens_purity",
                table: "specimens",
                sql: "purity IS NULL OR (purity >= 0 AND purity <= 1)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_specimens_purity",
                table: "specimens");

            migrationBuilder.DropColumn(
                name: "purity",
                table: "specimens");

            migrationBuilder.DropColumn(
                name: "purity_source",
                table: "specimens");

            migrationBuilder.AlterColumn<string>(
                name: "trial_id",
                table: "subscriptions",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128,
                oldNullable: true);
        }
    }
}
