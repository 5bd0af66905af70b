using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingNetwork.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PhysicianEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "pathway",
                table: "trainees",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<string>(
                name: "npi",
                table: "trainees",
                type: "character(10)",
                fixedLength: true,
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "requested_categories",
                table: "trainees",
                type: "text[]",
                nullable: false);

            migrationBuilder.AlterColumn<string>(
                name: "regulator",
                table: "practice_authorizations",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<Guid>(
                name: "license_document_id",
                table: "practice_authorizations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "practice_authorizations",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "status",
                table: "placements",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "topic",
                table: "classroom_entries",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<Guid>(
                name: "certificate_document_id",
                table: "classroom_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "regulator",
                table: "centers",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<int>(
                name: "trainee_slots",
                table: "centers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "role",
                table: "center_memberships",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "status",
                table: "cases",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "route",
                table: "cases",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "patient_token",
                table: "cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "cases",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "board_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trainee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    board = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    specialty = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recognized_under = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_board_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_board_certificates_trainees_trainee_id",
                        column: x => x.trainee_id,
                        principalTable: "trainees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    actor_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_events_asp_net_users_actor_user_id",
                        column: x => x.actor_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_events_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_documents_asp_net_users_owner_user_id",
                        column: x => x.owner_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "state_medical_licenses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trainee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_state_medical_licenses", x => x.id);
                    table.ForeignKey(
                        name: "fk_state_medical_licenses_trainees_trainee_id",
                        column: x => x.trainee_id,
                        principalTable: "trainees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_experience",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trainee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    supervisor_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    license = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_experience", x => x.id);
                    table.CheckConstraint("ck_work_experience_hours", "hours IS NULL OR hours > 0");
                    table.ForeignKey(
                        name: "fk_work_experience_asp_net_users_supervisor_user_id",
                        column: x => x.supervisor_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_experience_trainees_trainee_id",
                        column: x => x.trainee_id,
                        principalTable: "trainees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_practice_authorizations_license_document_id",
                table: "practice_authorizations",
                column: "license_document_id");

            migrationBuilder.CreateIndex(
                name: "ux_placements_one_open_per_center",
                table: "placements",
                columns: new[] { "trainee_id", "center_id" },
                unique: true,
                filter: "status IN ('Requested', 'Waitlisted', 'Accepted')");

            migrationBuilder.CreateIndex(
                name: "ix_classroom_entries_certificate_document_id",
                table: "classroom_entries",
                column: "certificate_document_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_centers_trainee_slots",
                table: "centers",
                sql: "trainee_slots >= 0");

            migrationBuilder.CreateIndex(
                name: "ix_cases_center_id_patient_token",
                table: "cases",
                columns: new[] { "center_id", "patient_token" });

            migrationBuilder.CreateIndex(
                name: "ix_board_certificates_trainee_id",
                table: "board_certificates",
                column: "trainee_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_events_actor_user_id",
                table: "case_events",
                column: "actor_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_events_case_id_at",
                table: "case_events",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_documents_owner_user_id",
                table: "documents",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_state_medical_licenses_trainee_id_state",
                table: "state_medical_licenses",
                columns: new[] { "trainee_id", "state" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_experience_supervisor_user_id",
                table: "work_experience",
                column: "supervisor_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_experience_trainee_id",
                table: "work_experience",
                column: "trainee_id");

            migrationBuilder.AddForeignKey(
                name: "fk_classroom_entries_documents_certificate_document_id",
                table: "classroom_entries",
                column: "certificate_document_id",
                principalTable: "documents",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_practice_authorizations_documents_license_document_id",
                table: "practice_authorizations",
                column: "license_document_id",
                principalTable: "documents",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_classroom_entries_documents_certificate_document_id",
                table: "classroom_entries");

            migrationBuilder.DropForeignKey(
                name: "fk_practice_authorizations_documents_license_document_id",
                table: "practice_authorizations");

            migrationBuilder.DropTable(
                name: "board_certificates");

            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "documents");

            migrationBuilder.DropTable(
                name: "state_medical_licenses");

            migrationBuilder.DropTable(
                name: "work_experience");

            migrationBuilder.DropIndex(
                name: "ix_practice_authorizations_license_document_id",
                table: "practice_authorizations");

            migrationBuilder.DropIndex(
                name: "ux_placements_one_open_per_center",
                table: "placements");

            migrationBuilder.DropIndex(
                name: "ix_classroom_entries_certificate_document_id",
                table: "classroom_entries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_centers_trainee_slots",
                table: "centers");

            migrationBuilder.DropIndex(
                name: "ix_cases_center_id_patient_token",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "npi",
                table: "trainees");

            migrationBuilder.DropColumn(
                name: "requested_categories",
                table: "trainees");

            migrationBuilder.DropColumn(
                name: "license_document_id",
                table: "practice_authorizations");

            migrationBuilder.DropColumn(
                name: "status",
                table: "practice_authorizations");

            migrationBuilder.DropColumn(
                name: "certificate_document_id",
                table: "classroom_entries");

            migrationBuilder.DropColumn(
                name: "trainee_slots",
                table: "centers");

            migrationBuilder.DropColumn(
                name: "note",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "patient_token",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "version",
                table: "cases");

            migrationBuilder.AlterColumn<string>(
                name: "pathway",
                table: "trainees",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AlterColumn<string>(
                name: "regulator",
                table: "practice_authorizations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AlterColumn<string>(
                name: "status",
                table: "placements",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AlterColumn<string>(
                name: "topic",
                table: "classroom_entries",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AlterColumn<string>(
                name: "regulator",
                table: "centers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AlterColumn<string>(
                name: "role",
                table: "center_memberships",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AlterColumn<string>(
                name: "status",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AlterColumn<string>(
                name: "route",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);
        }
    }
}
