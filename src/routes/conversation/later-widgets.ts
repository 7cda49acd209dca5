import type { StepId } from '$lib/shared/landing';

/**
 * Answer widgets that the first question never needs, loaded when the conversation reaches them
 * so that the first load stays small on a phone (README "Performance"). The date and explanation
 * fields and the address form, which every applicant reaches a few answers in, are fetched as soon
 * as the browser is idle; the others (photo, review and signature, next steps, an agent's
 * suggestion) when their step comes or when the step before them is on screen. In the transcript,
 * an agent's message and the eCOPR card are fetched when the first one is shown, and the bubble of
 * an answer still on its way (the outbox) as soon as the browser is idle, as are the controls shown
 * once help is asked for.
 */
export const laterWidgets = {
  date: () => import('./DateAnswer.svelte'),
  explanation: () => import('./ExplanationAnswer.svelte'),
  address: () => import('./AddressForm.svelte'),
  photo: () => import('./PhotoAnswer.svelte'),
  review: () => import('./ReviewAndSign.svelte'),
  nextSteps: () => import('./NextSteps.svelte'),
  agentSuggestion: () => import('./AgentSuggestion.svelte'),
  agentMessage: () => import('$lib/components/AgentMessage.svelte'),
  ecopr: () => import('./EcoprDownload.svelte'),
  pendingAnswer: () => import('./PendingBubble.svelte'),
  helpControls: () => import('./HelpControls.svelte'),
};

type Widget = keyof typeof laterWidgets;
const firstSteps: Widget[] = ['date', 'explanation', 'address'];

/** The widgets worth fetching ahead while the applicant reads the step before them. */
const ahead: Partial<Record<StepId, Widget[]>> = {
  welcome: firstSteps,
  identity: firstSteps,
  presence: firstSteps,
  changes: ['address'],
  residential: ['photo'],
  mailing: ['photo'],
  photo: ['review'],
  photoRejected: ['review'],
  review: ['nextSteps'],
};

/** Fetches `widgets` when the browser is idle. */
export function prefetchWhenIdle(widgets: Widget[]) {
  const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  idle(() => widgets.forEach((widget) => void laterWidgets[widget]().catch(() => undefined)));
}

/** Fetches, when the browser is idle, the widgets the steps after `step` will need. */
export function prefetchAfter(step: StepId) {
  const next = ahead[step];
  if (next) prefetchWhenIdle(next);
}
