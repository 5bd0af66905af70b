using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingNetwork.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CapacityWaitlistJurisdictions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "intended_licensee_state",
                table: "trainees",
                type: "character(2)",
                fixedLength: true,
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rule_set_override",
                table: "trainees",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rule_set_override_justification",
                table: "trainees",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "cases_still_needed",
                table: "readiness_summaries",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "rule_set",
                table: "readiness_summaries",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Nrc2019");

            migrationBuilder.AddColumn<string>(
                name: "category",
                table: "placements",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "G3");

            migrationBuilder.AddColumn<int>(
                name: "max_trainees_per_administration",
                table: "centers",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "center_category_capacities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    center_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    trainee_slots = table.Column<int>(type: "integer", nullable: false),
                    preceptor_cases_per_month = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_center_category_capacities", x => x.id);
                    table.CheckConstraint("ck_center_category_capacities_category", "category IN ('G1', 'G2', 'G3')");
                    table.CheckConstraint("ck_center_category_capacities_preceptor_cases", "preceptor_cases_per_month >= 0");
                    table.CheckConstraint("ck_center_category_capacities_slots", "trainee_slots >= 0");
                    table.ForeignKey(
                        name: "fk_center_category_capacities_centers_center_id",
                        column: x => x.center_id,
                        principalTable: "centers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "jurisdiction_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    regulator = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    rule_set = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jurisdiction_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "waitlist_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trainee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    home_state = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    region = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    offered_center_id = table.Column<Guid>(type: "uuid", nullable: true),
                    offered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    offer_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    passed_center_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_waitlist_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_waitlist_entries_centers_offered_center_id",
                        column: x => x.offered_center_id,
                        principalTable: "centers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_waitlist_entries_trainees_trainee_id",
                        column: x => x.trainee_id,
                        principalTable: "trainees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_trainees_intended_licensee_state",
                table: "trainees",
                column: "intended_licensee_state");

            migrationBuilder.CreateIndex(
                name: "ix_trainees_practice_state",
                table: "trainees",
                column: "practice_state");

            migrationBuilder.AddCheckConstraint(
                name: "ck_centers_max_trainees_per_administration",
                table: "centers",
                sql: "max_trainees_per_administration >= 1");

            migrationBuilder.CreateIndex(
                name: "ix_center_category_capacities_center_id_category",
                table: "center_category_capacities",
                columns: new[] { "center_id", "category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_jurisdiction_rules_state_effective_from",
                table: "jurisdiction_rules",
                columns: new[] { "state", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_entries_offered_center_id",
                table: "waitlist_entries",
                column: "offered_center_id");

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_entries_status_region_category_queued_at",
                table: "waitlist_entries",
                columns: new[] { "status", "region", "category", "queued_at" });

            migrationBuilder.CreateIndex(
                name: "ux_waitlist_entries_one_active_per_category",
                table: "waitlist_entries",
                columns: new[] { "trainee_id", "category" },
                unique: true,
                filter: "status IN ('Waiting', 'Offered')");

            // The jurisdiction rules of JurisdictionSeed (au-rules.md §8) in every database; Admin keeps them current.
            migrationBuilder.Sql("""
                INSERT INTO jurisdiction_rules (id, state, regulator, rule_set, effective_from, note)
                SELECT gen_random_uuid(), v.state, v.regulator, v.rule_set, v.effective_from, v.note
                FROM (VALUES
                    ('AK', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('AK', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('AL', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('AL', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('AR', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('AR', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('AZ', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('AZ', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('CA', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('CA', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('CO', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('CO', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('CT', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('CT', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('CT', 'AgreementState', 'Nrc2019', DATE '2025-09-30', 'Seeded from au-rules.md §8: Connecticut became an Agreement State on 2025-09-30 (90 FR 46469).'),
                    ('DC', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('DC', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('DE', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('DE', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('FL', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('FL', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('GA', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('GA', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('GU', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('GU', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('HI', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('HI', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('IA', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('IA', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('ID', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('ID', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('IL', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('IL', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('IN', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('IN', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('KS', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('KS', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('KY', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('KY', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('LA', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('LA', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('MA', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('MA', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('MD', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('MD', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('ME', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('ME', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('MI', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('MI', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('MN', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('MN', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('MO', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('MO', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('MS', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('MS', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('MT', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('MT', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('NC', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('NC', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('ND', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('ND', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('NE', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('NE', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('NH', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('NH', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('NJ', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('NJ', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('NM', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('NM', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('NV', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('NV', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('NY', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('NY', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('OH', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('OH', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('OK', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('OK', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('OR', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('OR', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('PA', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('PA', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('PR', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('PR', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('RI', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('RI', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('SC', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('SC', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('SD', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('SD', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('TN', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('TN', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('TX', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('TX', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('UT', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('UT', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('VA', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('VA', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('VI', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('VI', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('VT', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('VT', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('WA', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('WA', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('WI', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('WI', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.'),
                    ('WV', 'Nrc', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('WV', 'Nrc', 'Nrc2019', DATE '2019-01-14', 'Seeded from au-rules.md §8: NRC-regulated; NRC''s text as amended by 83 FR 33046 from 2019-01-14.'),
                    ('WY', 'AgreementState', 'Legacy2005', DATE '2005-04-29', 'Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).'),
                    ('WY', 'AgreementState', 'Nrc2019', DATE '2022-01-14', 'Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state''s rule.')
                ) AS v (state, regulator, rule_set, effective_from, note);
                """);

            // Summaries gain the cases still needed and the rule set: the sweep re-evaluates them all.
            migrationBuilder.Sql("UPDATE readiness_summaries SET evaluated_on = DATE '2000-01-01';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "center_category_capacities");

            migrationBuilder.DropTable(
                name: "jurisdiction_rules");

            migrationBuilder.DropTable(
                name: "waitlist_entries");

            migrationBuilder.DropIndex(
                name: "ix_trainees_intended_licensee_state",
                table: "trainees");

            migrationBuilder.DropIndex(
                name: "ix_trainees_practice_state",
                table: "trainees");

            migrationBuilder.DropCheckConstraint(
                name: "ck_centers_max_trainees_per_administration",
                table: "centers");

            migrationBuilder.DropColumn(
                name: "intended_licensee_state",
                table: "trainees");

            migrationBuilder.DropColumn(
                name: "rule_set_override",
                table: "trainees");

            migrationBuilder.DropColumn(
                name: "rule_set_override_justification",
                table: "trainees");

            migrationBuilder.DropColumn(
                name: "cases_still_needed",
                table: "readiness_summaries");

            migrationBuilder.DropColumn(
                name: "rule_set",
                table: "readiness_summaries");

            migrationBuilder.DropColumn(
                name: "category",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "max_trainees_per_administration",
                table: "centers");
        }
    }
}
