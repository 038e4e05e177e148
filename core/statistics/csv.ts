/**
 * A report as CSV for a spreadsheet (issue 16): UTF-8 with a byte-order mark (so Excel reads the
 * Chinese headers), CRLF line ends, RFC 4180 quoting. A cell that a spreadsheet would take for a
 * formula (starting with = + - @ or a tab/CR) is written with a leading apostrophe, so a business
 * title or note can never run as one (CSV injection); numbers are written as they are.
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of `rows` (the first is usually the header). */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
