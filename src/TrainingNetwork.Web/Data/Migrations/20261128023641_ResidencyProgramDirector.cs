using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingNetwork.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResidencyProgramDirector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "residency_program_director",
                table: "center_memberships",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "residency_program_director",
                table: "center_memberships");
        }
    }
}
