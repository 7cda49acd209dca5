import { z } from 'zod/mini';
import { isRealDate } from './dates';

/**
 * A real calendar date written `YYYY-MM-DD`. Apart from the date helpers so that a page using only
 * those (the date answer) does not load the validation library with them.
 */
export const isoDateSchema = /* @__PURE__ */ z.string({ error: 'date_invalid' }).check(z.refine(isRealDate, 'date_invalid'));
