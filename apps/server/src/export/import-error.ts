import type { CsvProblem, ImportProblem } from '@quorum/deal-model';
import { ApiError, type ErrorBody } from '../errors/index.ts';

/**
 * 400 `invalid_import`: an import was refused as a whole. The body names every problem: `rows` (a CSV's bad
 * cells, by spreadsheet row and column) or `problems` (a JSON's, by path); `field` is the first one's.
 */
export class ImportError extends ApiError {
  override name = 'ImportError';

  constructor(
    message: string,
    readonly details: { rows?: CsvProblem[]; problems?: ImportProblem[]; field?: string },
  ) {
    super(400, 'invalid_import', message, { field: details.field });
  }

  /** A CSV whose cells are wrong: every one, in one answer. */
  static csv(rows: CsvProblem[]): ImportError {
    const count = rows.length === 1 ? 'One cell' : `${rows.length} cells`;
    return new ImportError(`${count} of the CSV cannot be imported; nothing was imported.`, {
      rows,
      field: rows[0]?.column,
    });
  }

  /** A JSON export whose content is wrong: every problem, by path. */
  static json(problems: ImportProblem[]): ImportError {
    const count = problems.length === 1 ? 'One value' : `${problems.length} values`;
    return new ImportError(`${count} of the file cannot be imported; nothing was imported.`, {
      problems,
      field: problems[0]?.path,
    });
  }

  override toJSON(): ErrorBody {
    const body = super.toJSON();
    const { rows, problems } = this.details;
    return { error: { ...body.error, ...(rows ? { rows } : {}), ...(problems ? { problems } : {}) } } as ErrorBody;
  }
}
