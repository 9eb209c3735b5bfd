/**
 * Aligns rows of cells into columns separated by two spaces; the last column is not padded.
 *
 * @param rows - the rows, a header first if wanted; short rows are fine
 * @param indent - put before each line
 * @returns one line per row, without trailing spaces
 */
export function formatTable(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  return rows.map((row) => {
    const cells = row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)));
    return `${indent}${cells.join('  ')}`.trimEnd();
  });
}
