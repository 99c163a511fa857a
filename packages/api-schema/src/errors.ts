import { z } from 'zod';

/**
 * The body of every error answer: `{error: {code, message, field?}}`. `field` names the request field a
 * 400 is about (and the clashing field of some 409s); `message` is written for people.
 */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ examples: ['invalid_input', 'not_found', 'unauthenticated'] }),
      message: z.string(),
      field: z.string().optional(),
      /** A CSV import's bad cells, every one (`row` counts like a spreadsheet: the header is row 1). */
      rows: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })).optional(),
      /** A JSON import's problems, every one, each at its path (`shared.stakeholders.<id>.influence`). */
      problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** An error answer's body. */
export type ErrorBody = z.infer<typeof errorBody>;
