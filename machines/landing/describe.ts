import type { SnapshotFrom } from 'xstate';
import type { CaseFlag, EditableSection, Message, StepId, StepInput } from '../../src/lib/shared/landing';
import { TOTAL_STEPS } from '../../src/lib/shared/landing';
import type { landingMachine } from '../landing.machine';
import { greetingNameOf } from '../../src/lib/shared/person-name';
import type { HelpStatus, LandingContext } from './context';
import type { StepMeta } from './meta';
import { fullName, maskUci } from './summary';

export type LandingSnapshot = SnapshotFrom<typeof landingMachine>;

/** What the UI shows and the server writes to the transcript for the current question. */
export interface StepView {
  /** The resting state inside `flow`, e.g. `presence.entryDate`. */
  stateId: string;
  step: StepId;
  stepNumber: number | null;
  totalSteps: number;
  /** Messages before the question (privacy notice, guidance, the officer's reason). */
  notes: Message[];
  /** Messages after the question (what else can be done). */
  after: Message[];
  promptKey: string;
  params: Record<string, string | number>;
  /** Options the machine accepts now (the help option disappears once help is asked for). */
  input: StepInput;
  editing: EditableSection | null;
  flags: CaseFlag[];
  help: { status: HelpStatus; agentName: string | null };
  done: boolean;
}

const FLOW = 'landing.flow.';

function promptParams(context: LandingContext): Record<string, string | number> {
  const { person, confirmation } = context;
  return {
    givenName: greetingNameOf(person),
    name: fullName(person),
    dateOfBirth: person.dateOfBirth,
    uci: maskUci(person.uci),
    ...(confirmation ?? {}),
  };
}

function photoRejectionNotes(context: LandingContext, noteKeys: string[], params: Message['params']): Message[] {
  const rejection = context.photo.rejection;
  const [intro, ...rest] = noteKeys.map((key) => ({ key, params }));
  const reason: Message[] = rejection ? [{ key: `conversation.photoReason.${rejection.reason}` }] : [];
  const note: Message[] = rejection?.note ? [{ key: 'conversation.photoRejected.officerNote', params: { note: rejection.note } }] : [];
  return [...(intro ? [intro] : []), ...reason, ...note, ...rest];
}

/** The active flow state's dialogue script with its parameters, ready to translate and render. */
export function describeState(snapshot: LandingSnapshot): StepView {
  const entry = Object.entries(snapshot.getMeta()).find(([id, meta]) => id.startsWith(FLOW) && meta);
  if (!entry || !entry[1]) throw new Error(`landing: no dialogue script for ${JSON.stringify(snapshot.value)}`);
  const [id, meta] = entry as [string, StepMeta];
  const { context } = snapshot;
  const params = promptParams(context);
  const helpStatus = (snapshot.value as { help: HelpStatus }).help;
  const options = meta.input.options?.filter((option) => option.event.type !== 'REQUEST_HELP' || helpStatus === 'none');
  const notes =
    meta.step === 'photoRejected' ? photoRejectionNotes(context, meta.noteKeys, params) : meta.noteKeys.map((key) => ({ key, params }));
  return {
    stateId: id.slice(FLOW.length),
    step: meta.step,
    stepNumber: meta.stepNumber,
    totalSteps: TOTAL_STEPS,
    notes,
    after: meta.afterKeys.map((key) => ({ key, params })),
    promptKey: meta.promptKey,
    params,
    input: options ? { ...meta.input, options } : { ...meta.input },
    editing: context.editing,
    flags: [...context.flags],
    help: { status: helpStatus, agentName: context.help.agentName },
    done: snapshot.matches({ flow: 'confirmed' }),
  };
}
