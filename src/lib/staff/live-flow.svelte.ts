import { api, type ApiFailure } from '$lib/api';
import type { BoardPatch, BoardStep } from '$lib/shared/board.contract';
import { addToFlow, flowSlot, stepFlow, type StepFlow } from '$lib/shared/step-flow';

/** The officer's time zone, as the browser knows it (the board's other times are local too). */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/Toronto';

/**
 * The board's chart over time as this tab shows it: loaded for one step (or all), then moved by
 * every `board:patch` that changes a case's step, in the officer's own days and hours. A new day
 * (midnight while the board is open) loads the chart again.
 */
export class LiveFlow {
  flow = $state.raw<StepFlow | null>(null);
  failure = $state.raw<ApiFailure | null>(null);
  #step = $state<BoardStep | null>(null);
  #request = 0;

  constructor(private readonly timeZone = localTimeZone()) {}

  get step(): BoardStep | null {
    return this.#step;
  }

  async load(step: BoardStep | null): Promise<void> {
    this.#step = step;
    const request = ++this.#request;
    const result = await api.get<unknown>(`/api/board/flow?tz=${encodeURIComponent(this.timeZone)}${step ? `&step=${step}` : ''}`);
    if (request !== this.#request) return;
    if (!result.ok) {
      this.failure = result;
      return;
    }
    const parsed = stepFlow.safeParse(result.data);
    this.failure = parsed.success ? null : { ok: false, status: 200, code: 'internal', message: 'Unexpected chart data.', fields: {} };
    if (parsed.success) this.flow = parsed.data;
  }

  /** Loads the chart again when `now` is past the day it shows; true when it does. */
  checkDay(now: number): boolean {
    if (!this.flow || flowSlot(now, this.flow.timeZone).date === this.flow.today) return false;
    void this.load(this.#step);
    return true;
  }

  /** A board patch (already the newest version of its case): a step change counts where it happened. */
  apply({ row, previousStep }: BoardPatch): void {
    const flow = this.flow;
    if (previousStep === row.step) return;
    if (!flow) {
      if (this.failure) void this.load(this.#step);
      return;
    }
    if (this.checkDay(Date.now())) return;
    const next = structuredClone(flow);
    addToFlow(next, Date.parse(row.stepEnteredAt), { entered: { [row.step]: 1 }, left: previousStep ? { [previousStep]: 1 } : {} });
    this.flow = next;
  }
}
