import type { AgentEvent, ApplicantEvent, StaffEvent, Stamped } from '../../src/lib/shared/landing';

/** Every event the landing machine accepts. The server stamps `at` (ISO timestamp) on each. */
export type LandingEvent = Stamped<ApplicantEvent | StaffEvent | AgentEvent>;
export type LandingEventType = LandingEvent['type'];
export type LandingEventOf<T extends LandingEventType> = Extract<LandingEvent, { type: T }>;
