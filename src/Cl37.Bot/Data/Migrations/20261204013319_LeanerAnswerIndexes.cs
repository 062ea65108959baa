using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cl37.Bot.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeanerAnswerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ScoreTotals_GroupId_Period_Points_Correct",
                table: "ScoreTotals");

            migrationBuilder.DropIndex(
                name: "IX_ReviewStates_PersonId_DueUtc",
                table: "ReviewStates");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ScoreTotals_GroupId_Period_Points_Correct",
                table: "ScoreTotals",
                columns: new[] { "GroupId", "Period", "Points", "Correct" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewStates_PersonId_DueUtc",
                table: "ReviewStates",
                columns: new[] { "PersonId", "DueUtc" });
        }
    }
}
