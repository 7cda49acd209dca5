import type { StepId } from '$lib/shared/landing';

/**
 * Answer widgets that the first question never needs, loaded when the conversation reaches them
 * so that the first load stays small on a phone (README "Performance"). The address form, which
 * every applicant reaches a few answers in, is fetched as soon as the browser is idle; the others
 * (photo, review and signature, next steps, an agent's suggestion) when their step comes or when
 * the step before them is on screen.
 */
export const laterWidgets = {
  address: () => import('./AddressForm.svelte'),
  photo: () => import('./PhotoAnswer.svelte'),
  review: () => import('./ReviewAndSign.svelte'),
  nextSteps: () => import('./NextSteps.svelte'),
  agentSuggestion: () => import('./AgentSuggestion.svelte'),
};

/** The widget worth fetching ahead while the applicant reads the step before it. */
const ahead: Partial<Record<StepId, keyof typeof laterWidgets>> = {
  welcome: 'address',
  identity: 'address',
  presence: 'address',
  changes: 'address',
  residential: 'photo',
  mailing: 'photo',
  photo: 'review',
  photoRejected: 'review',
  review: 'nextSteps',
};

/** Fetches, when the browser is idle, the widget the step after `step` will need. */
export function prefetchAfter(step: StepId) {
  const next = ahead[step];
  if (!next) return;
  const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  idle(() => void laterWidgets[next]().catch(() => undefined));
}
