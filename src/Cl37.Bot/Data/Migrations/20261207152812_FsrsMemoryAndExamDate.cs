using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cl37.Bot.Data.Migrations
{
    /// <inheritdoc />
    public partial class FsrsMemoryAndExamDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite drops a column in place (3.35+); EF Core's table rebuild would run outside the
            // migration's transaction.
            migrationBuilder.Sql("""ALTER TABLE "ReviewStates" DROP COLUMN "Box";""");

            migrationBuilder.AddColumn<double>(
                name: "Difficulty",
                table: "ReviewStates",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastReviewUtc",
                table: "ReviewStates",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<double>(
                name: "Stability",
                table: "ReviewStates",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExamDate",
                table: "Groups",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExamDeckId",
                table: "Groups",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Difficulty",
                table: "ReviewStates");

            migrationBuilder.DropColumn(
                name: "LastReviewUtc",
                table: "ReviewStates");

            migrationBuilder.DropColumn(
                name: "Stability",
                table: "ReviewStates");

            migrationBuilder.DropColumn(
                name: "ExamDate",
                table: "Groups");

            migrationBuilder.DropColumn(
                name: "ExamDeckId",
                table: "Groups");

            migrationBuilder.AddColumn<int>(
                name: "Box",
                table: "ReviewStates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }
    }
}
