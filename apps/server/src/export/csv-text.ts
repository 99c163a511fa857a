import { type CsvProblem, type CsvRow, csvColumn } from '@quorum/deal-model';
import Papa from 'papaparse';

/** CSV text (RFC 4180, a header row, CRLF line ends) of `rows` in `columns`' order. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  return Papa.unparse({ fields: [...columns], data: rows.map((row) => columns.map((column) => row[column] ?? '')) });
}

/**
 * Parses CSV text with a header row into rows keyed by column (headers read with deal-model's `csvColumn`, so
 * `Reports to` is `reportsTo`); blank lines are skipped. Malformed lines (an unclosed quote, a row with more
 * cells than the header) are problems of their row.
 */
export function parseCsv(text: string): { rows: CsvRow[]; problems: CsvProblem[] } {
  const result = Papa.parse<CsvRow>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: csvColumn,
  });
  // A row with fewer cells than the header just leaves the rest blank (as spreadsheets write them).
  const errors = result.errors.filter((error) => error.code !== 'TooFewFields');
  const problems: CsvProblem[] = errors.map((error) => ({
    // Papa counts data rows from 0; a spreadsheet counts the header as row 1.
    row: (error.row ?? 0) + 2,
    column: '',
    message: error.message,
  }));
  if (!result.meta.fields?.includes('name')) {
    problems.unshift({ row: 1, column: 'name', message: 'The header row needs a name column.' });
  }
  return { rows: result.data, problems };
}
