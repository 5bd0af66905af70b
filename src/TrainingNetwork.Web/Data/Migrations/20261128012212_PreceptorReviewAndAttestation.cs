using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingNetwork.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PreceptorReviewAndAttestation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_checked_at",
                table: "practice_authorizations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "first_checked_by_user_id",
                table: "practice_authorizations",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "practice_authorizations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "verification",
                table: "practice_authorizations",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "verified_at",
                table: "practice_authorizations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "verified_by_user_id",
                table: "practice_authorizations",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address",
                table: "centers",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "attestations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trainee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signer_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    concurring_faculty_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    statement_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    statement_text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    signer_printed_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signer_credentials = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signer_license = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    meaning = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signer_time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    evidence_snapshot = table.Column<string>(type: "text", nullable: false),
                    evidence_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    verification_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    withdraws_attestation_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attestations", x => x.id);
                    table.ForeignKey(
                        name: "fk_attestations_asp_net_users_concurring_faculty_user_id",
                        column: x => x.concurring_faculty_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attestations_asp_net_users_signer_user_id",
                        column: x => x.signer_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attestations_attestations_withdraws_attestation_id",
                        column: x => x.withdraws_attestation_id,
                        principalTable: "attestations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attestations_trainees_trainee_id",
                        column: x => x.trainee_id,
                        principalTable: "trainees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attestation_packets",
                columns: table => new
                {
                    attestation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    generated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attestation_packets", x => x.attestation_id);
                    table.ForeignKey(
                        name: "fk_attestation_packets_attestations_attestation_id",
                        column: x => x.attestation_id,
                        principalTable: "attestations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attestation_packets_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_practice_authorizations_verification",
                table: "practice_authorizations",
                column: "verification");

            migrationBuilder.CreateIndex(
                name: "ix_attestation_packets_document_id",
                table: "attestation_packets",
                column: "document_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attestation_packets_sha256",
                table: "attestation_packets",
                column: "sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attestations_concurring_faculty_user_id",
                table: "attestations",
                column: "concurring_faculty_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_attestations_signer_user_id",
                table: "attestations",
                column: "signer_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_attestations_trainee_id",
                table: "attestations",
                column: "trainee_id");

            migrationBuilder.CreateIndex(
                name: "ix_attestations_verification_code",
                table: "attestations",
                column: "verification_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attestations_withdraws_attestation_id",
                table: "attestations",
                column: "withdraws_attestation_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attestation_packets");

            migrationBuilder.DropTable(
                name: "attestations");

            migrationBuilder.DropIndex(
                name: "ix_practice_authorizations_verification",
                table: "practice_authorizations");

            migrationBuilder.DropColumn(
                name: "first_checked_at",
                table: "practice_authorizations");

            migrationBuilder.DropColumn(
                name: "first_checked_by_user_id",
                table: "practice_authorizations");

            migrationBuilder.DropColumn(
                name: "rejection_reason",
                table: "practice_authorizations");

            migrationBuilder.DropColumn(
                name: "verification",
                table: "practice_authorizations");

            migrationBuilder.DropColumn(
                name: "verified_at",
                table: "practice_authorizations");

            migrationBuilder.DropColumn(
                name: "verified_by_user_id",
                table: "practice_authorizations");

            migrationBuilder.DropColumn(
                name: "address",
                table: "centers");
        }
    }
}
