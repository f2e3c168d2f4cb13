using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nämndportal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Stored files' bytes uncompressed in TOAST (STORAGE EXTERNAL): a range read (the reader's pdf.js, ReadFileBlobRangeAsync)
    /// then fetches only the chunks of its slice, where a compressed value is decompressed up to the slice's end for every
    /// range. Files stored before keep their compressed form until written again; PDFs compress little anyway.
    /// </summary>
    public partial class FileBlobContentExternalStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE file_blobs ALTER COLUMN content SET STORAGE EXTERNAL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE file_blobs ALTER COLUMN content SET STORAGE EXTENDED;");
        }
    }
}
