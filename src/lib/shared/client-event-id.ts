import { z } from 'zod/mini';

/**
 * The id a client gives every event it sends, so that a retry is recognised. Written with
 * `zod/mini` because the applicant's page checks it too (its saved outbox): see README "Performance".
 */
export const clientEventId = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'client_event_id_invalid'));
