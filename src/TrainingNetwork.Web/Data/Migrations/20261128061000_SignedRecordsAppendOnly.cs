using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingNetwork.Web.Data.Migrations
{
    /// <summary>
    /// Signed records are append-only in the database too, like the audit trail: a withdrawal, a review decision or a
    /// closure is a new row, never an edit. (Cases are not: editing an approved case sends it back for a new sign-off,
    /// and its history of events is what is kept.)
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261128061000_SignedRecordsAppendOnly")]
    public partial class SignedRecordsAppendOnly : Migration
    {
        private static readonly string[] AppendOnlyTables = ["attestations", "attestation_packets", "packet_reviews", "review_point_closures", "case_events"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION signed_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
            foreach (var table in AppendOnlyTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_no_update_or_delete BEFORE UPDATE OR DELETE ON {table}
                        FOR EACH ROW EXECUTE FUNCTION signed_records_append_only();
                    CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION signed_records_append_only();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in AppendOnlyTables)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER {table}_no_truncate ON {table};
                    DROP TRIGGER {table}_no_update_or_delete ON {table};
                    """);
            }

            migrationBuilder.Sql("""
                DROP FUNCTION signed_records_append_only();
                """);
        }
    }
}
