using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cl37.Bot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SeveralPostsADay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_ChannelId_ScheduledDate",
                table: "Posts");

            migrationBuilder.AddColumn<string>(
                name: "LaterTimesOfDay",
                table: "Schedules",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScheduledSlot",
                table: "Posts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Posts_ChannelId_ScheduledDate_ScheduledSlot",
                table: "Posts",
                columns: new[] { "ChannelId", "ScheduledDate", "ScheduledSlot" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_ChannelId_ScheduledDate_ScheduledSlot",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "LaterTimesOfDay",
                table: "Schedules");

            migrationBuilder.DropColumn(
                name: "ScheduledSlot",
                table: "Posts");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_ChannelId_ScheduledDate",
                table: "Posts",
                columns: new[] { "ChannelId", "ScheduledDate" },
                unique: true);
        }
    }
}
