import { createActor, type AnyStateNode } from 'xstate';
import { createTestModel, getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { describeState, landingMachine, type LandingEvent, type LandingSnapshot } from './landing.machine';
import { montreal, ottawa, person } from '../tests/fixtures/landing.fixtures';
import { caseFlags, changeQuestions, editableSections } from '../src/lib/shared/landing';
import { anyChangeDeclared, missing } from './landing/context';

/** Every event with a valid payload, so the traversal can take every transition. */
const at = '2024-06-01T12:00:00.000Z';
const events: LandingEvent[] = (
  [
    { type: 'ACKNOWLEDGE' },
    { type: 'CONFIRM_IDENTITY', answer: 'yes' },
    { type: 'CONFIRM_IDENTITY', answer: 'no' },
    { type: 'ANSWER_IN_CANADA', answer: 'yes' },
    { type: 'ANSWER_IN_CANADA', answer: 'no' },
    { type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' },
    { type: 'DECLARE_PRESENCE' },
    ...changeQuestions.flatMap((question) => [
      { type: 'ANSWER_CHANGE', question, answer: 'yes' },
      { type: 'ANSWER_CHANGE', question, answer: 'no' },
    ]),
    { type: 'EXPLAIN_CHANGES', text: 'Married in May.' },
    { type: 'SUBMIT_ADDRESS', kind: 'residential', address: ottawa },
    { type: 'SUBMIT_ADDRESS', kind: 'mailing', address: montreal },
    { type: 'MAILING_SAME_AS_RESIDENTIAL', same: true },
    { type: 'MAILING_SAME_AS_RESIDENTIAL', same: false },
    { type: 'PHOTO_UPLOADED', photoId: 'photo-1' },
    ...editableSections.map((section) => ({ type: 'EDIT', section })),
    { type: 'SIGN', signature: 'Zoë Lévesque-Tremblay' },
    { type: 'REPORT_LEFT_CANADA' },
    { type: 'BACK_IN_CANADA' },
    { type: 'REQUEST_HELP' },
    { type: 'CANCEL_HELP' },
    { type: 'PHOTO_APPROVED' },
    { type: 'PHOTO_REJECTED', reason: 'too_dark' },
    ...caseFlags.map((flag) => ({ type: 'FLAG_RESOLVED', flag, note: 'Checked.' })),
    { type: 'PR_CONFIRMED', documentNumber: 'A12345678', prDate: '2024-06-01' },
    { type: 'AGENT_JOINED', agentName: 'Sam' },
    { type: 'AGENT_LEFT' },
    { type: 'REFERRED', agentName: 'Sam', note: 'Please check.' },
  ] as Omit<LandingEvent, 'at'>[]
).map((event) => ({ ...event, at }) as LandingEvent);

/** The parts of a snapshot that change what can happen next; timestamps and free text do not. */
const serializeState = (snapshot: LandingSnapshot) => {
  const { context } = snapshot;
  const gaps = Object.entries(missing)
    .filter(([, isMissing]) => isMissing(context))
    .map(([part]) => part);
  return JSON.stringify([
    snapshot.value,
    [...context.flags].sort(),
    context.photo.status,
    context.editing,
    gaps,
    anyChangeDeclared(context),
  ]);
};

const helpEvents = new Set(['REQUEST_HELP', 'CANCEL_HELP', 'AGENT_JOINED', 'AGENT_LEFT']);

/** The help region is independent of the flow: explore it while the flow waits, not at every step. */
const helpFilter = (snapshot: LandingSnapshot, event: LandingEvent) => snapshot.matches({ help: 'none' }) || helpEvents.has(event.type);

/**
 * A referral can come at any step and only adds a flag: explore it once (a submitted case ready to
 * confirm), and from the referred case only its resolution, so the graph does not double.
 */
const filterEvents = (snapshot: LandingSnapshot, event: LandingEvent) => {
  const { context } = snapshot;
  if (event.type === 'REFERRED')
    return snapshot.matches({ flow: 'submitted', help: 'none' }) && context.photo.status === 'approved' && context.flags.length === 0;
  if (context.flags.includes('referred')) return event.type === 'FLAG_RESOLVED';
  return helpFilter(snapshot, event);
};

const traversal = { input: { person }, events, filterEvents, serializeState };

/** Every state node (the transient `routing` state never rests, so no snapshot can show it). */
function stateNodes(node: AnyStateNode = landingMachine.root): AnyStateNode[] {
  const children = Object.values(node.states) as AnyStateNode[];
  return [node, ...children.flatMap((child) => stateNodes(child))];
}
const restingNodes = stateNodes().filter((node) => node.always === undefined || node.always.length === 0);
const activeIn = (snapshot: LandingSnapshot, node: AnyStateNode) =>
  node.path.length === 0 || snapshot.matches(node.path.join('.') as Parameters<LandingSnapshot['matches']>[0]);

describe('landing machine graph', () => {
  const paths = getShortestPaths(landingMachine, traversal);

  it('reaches every state node', () => {
    const reached = new Set(paths.flatMap((path) => restingNodes.filter((node) => activeIn(path.state, node)).map((node) => node.id)));
    expect([...reached].sort()).toEqual(restingNodes.map((node) => node.id).sort());
    expect(restingNodes.length).toBeGreaterThan(20);
  });

  it('takes every transition of every state node at least once', () => {
    const adjacency = getAdjacencyMap(landingMachine, traversal);
    const edges = Object.values(adjacency).flatMap(({ state, transitions }) =>
      (Object.values(transitions) as { event: LandingEvent; state: LandingSnapshot }[]).map((edge) => ({ from: state, ...edge })),
    );
    const untaken: string[] = [];
    for (const node of stateNodes()) {
      for (const [eventType, definitions] of node.transitions) {
        for (const definition of definitions) {
          const targets = (definition.target ?? []).filter((target: AnyStateNode) => restingNodes.includes(target));
          const taken = edges.some(
            (edge) =>
              edge.event.type === eventType &&
              activeIn(edge.from, node) &&
              serializeState(edge.state) !== serializeState(edge.from) &&
              targets.every((target) => activeIn(edge.state, target)),
          );
          const label = (definition.target ?? []).map((target: AnyStateNode) => target.id).join(',') || '(self)';
          if (!taken) untaken.push(`${node.id} --${eventType}--> ${label}`);
        }
      }
    }
    expect(untaken).toEqual([]);
  });

  it('describes every resting flow state from the dialogue script', () => {
    for (const path of paths) {
      const view = describeState(path.state);
      expect(view.promptKey).toMatch(/^conversation\./);
      expect(view.stepNumber === null || (view.stepNumber >= 1 && view.stepNumber <= view.totalSteps)).toBe(true);
    }
  });

  it('replays shortest paths through a JSON persist/restore after each step, visiting every resting flow state', async () => {
    const model = createTestModel(landingMachine, traversal);
    const byEnd = new Map(model.getShortestPaths().map((path) => [JSON.stringify(path.state.value), path]));
    const visited = new Set<string>();
    for (const path of byEnd.values()) {
      let actor = createActor(landingMachine, { input: { person } }).start();
      const sendThroughStorage = ({ event, state }: { event: LandingEvent; state: LandingSnapshot }) => {
        actor.send(event);
        const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
        actor.stop();
        actor = createActor(landingMachine, { snapshot: persisted, input: { person } }).start();
        expect(serializeState(actor.getSnapshot())).toBe(serializeState(state));
        visited.add(describeState(actor.getSnapshot()).stateId);
      };
      await model.testPath(path, { events: Object.fromEntries(events.map((event) => [event.type, sendThroughStorage])) });
      actor.stop();
    }
    const flowLeaves = restingNodes.filter((node) => node.path[0] === 'flow' && Object.keys(node.states).length === 0);
    expect([...visited].sort()).toEqual(flowLeaves.map((node) => node.path.slice(1).join('.')).sort());
  });
});
