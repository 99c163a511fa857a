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
    }),
  })
  .meta({ id: 'Error' });

/** An error answer's body. */
export type ErrorBody = z.infer<typeof errorBody>;
