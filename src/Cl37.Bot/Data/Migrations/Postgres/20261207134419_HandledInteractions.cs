using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cl37.Bot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HandledInteractions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HandledInteractions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandledInteractions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HandledInteractions_ExpiresUtc",
                table: "HandledInteractions",
                column: "ExpiresUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HandledInteractions");
        }
    }
}
