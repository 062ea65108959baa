using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cl37.Bot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FsrsMemoryAndExamDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Box",
                table: "ReviewStates");

            migrationBuilder.AddColumn<double>(
                name: "Difficulty",
                table: "ReviewStates",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastReviewUtc",
                table: "ReviewStates",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));

            migrationBuilder.AddColumn<double>(
                name: "Stability",
                table: "ReviewStates",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExamDate",
                table: "Groups",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExamDeckId",
                table: "Groups",
                type: "character varying(64)",
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
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }
    }
}
