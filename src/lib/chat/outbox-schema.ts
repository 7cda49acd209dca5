import { z } from 'zod/mini';
import { clientEventId } from '$lib/shared/client-event-id';
import { applicantEventSchema } from '$lib/shared/landing/events';

/**
 * What a saved outbox must look like to be sent again. Its own module, loaded only when a tab has
 * something saved, so that the validation library stays off the page's first load.
 */
const message = z.object({
  key: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200)),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
const common = { clientEventId, echo: message, queuedAt: /* @__PURE__ */ z.string().check(z.maxLength(40)) };
export const pendingSchema = z.array(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('answer'), event: applicantEventSchema, ...common }),
    z.object({ kind: z.literal('text'), text: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(1000)), ...common }),
  ]),
);
