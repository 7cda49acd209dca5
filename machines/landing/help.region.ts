import { landingSetup } from './setup';

/**
 * The `help` region, beside the flow: asking for a person never interrupts the conversation.
 * `none` → `requested` (the applicant may cancel) → `agentJoined` → back to `none` when the agent leaves.
 */
export const helpRegion = landingSetup.createStateConfig({
  initial: 'none',
  states: {
    none: { on: { REQUEST_HELP: { target: 'requested', actions: 'requestHelp' } } },
    requested: {
      on: {
        CANCEL_HELP: { target: 'none', actions: 'clearHelp' },
        AGENT_JOINED: { target: 'agentJoined', actions: 'agentJoined' },
      },
    },
    agentJoined: { on: { AGENT_LEFT: { target: 'none', actions: 'clearHelp' } } },
  },
});
