/**
 * The French side of a domain's messages: exactly the English keys, so a missing (or stray)
 * translation is a type error, not a blank on screen. Each domain has `catalog/<domain>.en.ts`
 * and `catalog/<domain>.fr.ts` typed with this.
 */
export type Translation<E extends Record<string, string>> = { [K in keyof E]: string };

/** Replaces `{name}` placeholders. Unknown placeholders stay visible so they get noticed. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
