using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingNetwork.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseMonthTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_month_tallies",
                columns: table => new
                {
                    center_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    logged = table.Column<int>(type: "integer", nullable: false),
                    approved = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_month_tallies", x => new { x.center_id, x.agent, x.month });
                    table.ForeignKey(
                        name: "fk_case_month_tallies_centers_center_id",
                        column: x => x.center_id,
                        principalTable: "centers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_month_tallies_month",
                table: "case_month_tallies",
                column: "month");

            // Every case written, moved to another center, agent or month, approved, un-approved or deleted adjusts the
            // tallies in its own transaction; the upsert and the row lock keep concurrent writers exact.
            migrationBuilder.Sql("""
                -- Room on each page for the row's next versions: tally updates stay on their page (no index change).
                ALTER TABLE case_month_tallies SET (fillfactor = 50);

                CREATE FUNCTION case_month_tallies_track() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        UPDATE case_month_tallies
                        SET logged = logged - 1, approved = approved - (OLD.status = 'Approved')::int
                        WHERE center_id = OLD.center_id AND agent = OLD.radiopharmaceutical
                          AND month = date_trunc('month', OLD.administered_on)::date;
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        INSERT INTO case_month_tallies AS t (center_id, agent, month, logged, approved)
                        VALUES (NEW.center_id, NEW.radiopharmaceutical, date_trunc('month', NEW.administered_on)::date,
                                1, (NEW.status = 'Approved')::int)
                        ON CONFLICT (center_id, agent, month)
                        DO UPDATE SET logged = t.logged + 1, approved = t.approved + excluded.approved;
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER cases_tally_months
                AFTER INSERT OR DELETE OR UPDATE OF center_id, radiopharmaceutical, administered_on, status ON cases
                FOR EACH ROW EXECUTE FUNCTION case_month_tallies_track();

                INSERT INTO case_month_tallies (center_id, agent, month, logged, approved)
                SELECT center_id, radiopharmaceutical, date_trunc('month', administered_on)::date,
                       count(*), count(*) FILTER (WHERE status = 'Approved')
                FROM cases
                GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER cases_tally_months ON cases;
                DROP FUNCTION case_month_tallies_track();
                """);

            migrationBuilder.DropTable(
                name: "case_month_tallies");
        }
    }
}
