using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingNetwork.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrailReviewsAndSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "signer_credentials",
                table: "attestations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    subject_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    subject_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    before_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    after_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    previous_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.sequence);
                    table.CheckConstraint("ck_audit_entries_sequence_positive", "sequence > 0");
                });

            migrationBuilder.CreateTable(
                name: "packet_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    attestation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trainee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    reviewer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decision = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    engine_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_packet_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_packet_reviews_asp_net_users_reviewer_user_id",
                        column: x => x.reviewer_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_packet_reviews_attestations_attestation_id",
                        column: x => x.attestation_id,
                        principalTable: "attestations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_packet_reviews_trainees_trainee_id",
                        column: x => x.trainee_id,
                        principalTable: "trainees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "readiness_summaries",
                columns: table => new
                {
                    trainee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    engine_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stage = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ready = table.Column<bool>(type: "boolean", nullable: false),
                    ready_since = table.Column<DateOnly>(type: "date", nullable: true),
                    needs_review = table.Column<bool>(type: "boolean", nullable: false),
                    counted_cases = table.Column<int>(type: "integer", nullable: false),
                    unmet_findings = table.Column<int>(type: "integer", nullable: false),
                    category_statuses = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readiness_summaries", x => x.trainee_id);
                    table.ForeignKey(
                        name: "fk_readiness_summaries_trainees_trainee_id",
                        column: x => x.trainee_id,
                        principalTable: "trainees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_point_closures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    attestation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trainee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    point_key = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    category = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    reason_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    justification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    staff_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    staff_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_point_closures", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_point_closures_asp_net_users_staff_user_id",
                        column: x => x.staff_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_review_point_closures_attestations_attestation_id",
                        column: x => x.attestation_id,
                        principalTable: "attestations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_review_point_closures_trainees_trainee_id",
                        column: x => x.trainee_id,
                        principalTable: "trainees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_subject_type_subject_id",
                table: "audit_entries",
                columns: new[] { "subject_type", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_packet_reviews_attestation_id_decided_at",
                table: "packet_reviews",
                columns: new[] { "attestation_id", "decided_at" });

            migrationBuilder.CreateIndex(
                name: "ix_packet_reviews_reviewer_user_id",
                table: "packet_reviews",
                column: "reviewer_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_packet_reviews_trainee_id",
                table: "packet_reviews",
                column: "trainee_id");

            migrationBuilder.CreateIndex(
                name: "ix_readiness_summaries_evaluated_on",
                table: "readiness_summaries",
                column: "evaluated_on");

            migrationBuilder.CreateIndex(
                name: "ix_readiness_summaries_stage",
                table: "readiness_summaries",
                column: "stage");

            migrationBuilder.CreateIndex(
                name: "ix_review_point_closures_attestation_id_point_key",
                table: "review_point_closures",
                columns: new[] { "attestation_id", "point_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_point_closures_staff_user_id",
                table: "review_point_closures",
                column: "staff_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_point_closures_trainee_id",
                table: "review_point_closures",
                column: "trainee_id");

            // The audit trail is append-only in the database too: UPDATE, DELETE and TRUNCATE are refused while triggers are on.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER audit_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_entries_no_truncate ON audit_entries;
                DROP TRIGGER audit_entries_no_update_or_delete ON audit_entries;
                DROP FUNCTION audit_entries_append_only();
                """);

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "packet_reviews");

            migrationBuilder.DropTable(
                name: "readiness_summaries");

            migrationBuilder.DropTable(
                name: "review_point_closures");

            migrationBuilder.AlterColumn<string>(
                name: "signer_credentials",
                table: "attestations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);
        }
    }
}
