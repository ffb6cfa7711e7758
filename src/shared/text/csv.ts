/** A CSV cell: text, a number, or empty. */
export type CsvCell = string | number | null | undefined;

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV Injection"),
 * so a quote like "=HYPERLINK(...)" from an article could act when the file is opened.
 */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * RFC 4180: a field holding a comma, quote, CR or LF is quoted, with quotes doubled. Text that
 * starts like a formula gets a leading apostrophe (a spreadsheet then shows it as text); numbers
 * are never guarded, so offsets stay numeric.
 */
function field(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_TRIGGERS.some((trigger) => cell.startsWith(trigger)) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (cells: readonly CsvCell[]) => `${cells.map(field).join(',')}\r\n`;

/** A whole CSV file: a UTF-8 byte-order mark (so Excel reads Cyrillic right), the header, the rows, CRLF endings. */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${line(header)}${rows.map(line).join('')}`;
}
