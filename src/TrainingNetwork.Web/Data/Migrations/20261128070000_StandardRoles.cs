using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingNetwork.Web.Data.Migrations
{
    /// <summary>The five roles (Security/Roles.cs) exist in every database, not only where the demo network is seeded.</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261128070000_StandardRoles")]
    public partial class StandardRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO "AspNetRoles" (id, name, normalized_name, concurrency_stamp)
                SELECT gen_random_uuid()::text, role, upper(role), gen_random_uuid()::text
                FROM unnest(ARRAY['Trainee', 'Preceptor', 'CenterCoordinator', 'Staff', 'Admin']) AS role
                ON CONFLICT (normalized_name) DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
