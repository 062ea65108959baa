using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cl37.Bot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QuestionVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "QuestionVersion",
                table: "Answers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            // Ids were positions in a deck (deck/mcq/3). Only the deck tells which question each
            // position holds now, so the rows are marked here and QuestionIdUpgrade maps them to the
            // stable ids at the first start, once, when the decks are loaded.
            foreach (var table in new[] { "Answers", "Posts", "ReviewStates" })
                migrationBuilder.Sql($"""UPDATE "{table}" SET "QuestionId" = 'positional:' || "QuestionId";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "QuestionVersion",
                table: "Answers");

            foreach (var table in new[] { "Answers", "Posts", "ReviewStates" })
                migrationBuilder.Sql($"""UPDATE "{table}" SET "QuestionId" = substr("QuestionId", 12) WHERE "QuestionId" LIKE 'positional:%';""");
        }
    }
}
