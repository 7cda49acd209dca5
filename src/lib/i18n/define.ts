/**
 * Declares one domain's messages in both languages. The French side must have exactly the
 * English keys, so a missing translation is a type error, not a blank on screen.
 */
export function defineMessages<const E extends Record<string, string>>(en: E, fr: { [K in keyof E]: string }) {
  return { en, fr };
}

/** Replaces `{name}` placeholders. Unknown placeholders stay visible so they get noticed. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
