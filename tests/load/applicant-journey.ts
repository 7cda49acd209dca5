import { randomUUID } from 'node:crypto';
import type { CaseUpdate } from '../../src/lib/shared/case.contract';
import type { ApplicantEventInput } from '../../src/lib/shared/landing/events';
import { HttpSession } from '../support/http-session';
import { ask, openSocket, waitFor, type BenchSocket, type BenchState } from './bench-state';
import { BENCH_PASSWORD, type SeededApplicant } from './seed';
import { jitter, sleep } from './stats';

const address = { street: '24 Sussex Dr', unit: null, city: 'Ottawa', province: 'ON' as const, postalCode: 'K1M 1M4' };

/** The whole conversation, in order; `photo` uploads the photo first and answers with its id. */
const script = (a: SeededApplicant): (ApplicantEventInput | 'photo')[] => [
  { type: 'ACKNOWLEDGE' },
  { type: 'CONFIRM_IDENTITY', answer: 'yes' },
  { type: 'ANSWER_IN_CANADA', answer: 'yes' },
  { type: 'ANSWER_ENTRY_DATE', date: '2024-03-05' },
  { type: 'DECLARE_PRESENCE' },
  ...(['marital', 'dependants', 'criminal', 'medical'] as const).map((question) => ({
    type: 'ANSWER_CHANGE' as const,
    question,
    answer: 'no' as const,
  })),
  { type: 'SUBMIT_ADDRESS', kind: 'residential', address },
  { type: 'MAILING_SAME_AS_RESIDENTIAL', same: true },
  'photo',
  { type: 'SIGN', signature: `${a.givenName} ${a.familyName}` },
];

export const STEPS_PER_JOURNEY = 14;

export interface JourneyOptions {
  url: string;
  /** The applicant's own address, as the load balancer reports it (`X-Forwarded-For`). */
  address: string;
  startAfterMs: number;
  thinkMs: number;
  /** Ask for a person after this many answers (null: never). */
  helpAfter: number | null;
  photo: Uint8Array<ArrayBuffer>;
  deadline: number;
  /** Called once the last answer is acknowledged (or the journey gave up). */
  stepsDone: () => void;
  /** Runs the final transcript check when the bench allows (after the measured load). */
  verify: (check: () => Promise<void>) => Promise<void>;
}

/**
 * One applicant: signs in over HTTP, opens a socket, walks the whole conversation at a human pace
 * (optionally stopping to chat with an agent), then, when the bench says so, checks the final
 * transcript against what it was acknowledged: every acked answer present exactly once, every entry
 * delivered live.
 */
export async function runJourney(state: BenchState, applicant: SeededApplicant, o: JourneyOptions) {
  await sleep(o.startAfterMs);
  const http = new HttpSession(o.url);
  const started = performance.now();
  const login = await http.request('/api/auth/login', {
    method: 'POST',
    json: { username: applicant.username, password: BENCH_PASSWORD },
    headers: { 'x-forwarded-for': o.address },
  });
  if (login.status !== 200) return state.error(`sign-in ${login.status}`);
  state.signIn.add(performance.now() - started);
  const socket = await openSocket(o.url, http.cookieHeader);
  state.connected++;
  const seen = new Set<number>();
  const agentSaid = new Set<string>();
  const ackedSeqs: number[] = [];
  let commits = 0;
  /** Each live case:update's `view.seq` → the case version it announced (the count of updates so far). */
  const versionAtSeq = new Map<number, number>();
  let help = 'none';
  const pokes = new Set<() => void>();
  const onChange = (poke: () => void) => (pokes.add(poke), () => pokes.delete(poke));
  const take = (update: CaseUpdate) => update.entries.forEach((e) => seen.add(e.seq));
  // With the Redis adapter a broadcast is published before it is delivered locally, so the ack can
  // overtake the commit's own case:update: wait for it, then key the commit by its version.
  const versionOf = async (seq: number) => {
    await waitFor(() => versionAtSeq.has(seq), onChange, 30_000, 'the commit’s own case:update did not arrive');
    return versionAtSeq.get(seq)!;
  };
  socket.on('case:update', (update) => {
    const at = performance.now();
    commits++;
    versionAtSeq.set(update.view.seq, commits);
    for (const entry of update.entries) {
      if (seen.has(entry.seq)) state.duplicated++;
      seen.add(entry.seq);
      if (entry.author !== 'agent') continue;
      const text = String(entry.message.params?.text ?? '');
      agentSaid.add(text);
      state.chatArrived(text, at);
    }
    help = update.view.help.status;
    for (const poke of [...pokes]) poke();
  });
  try {
    const first = await ask(socket, 'case:sync', { after: 0 });
    if (!first.ok) throw new Error(`sync refused: ${first.error.code}`);
    take(first.data);
    let answered = 0;
    for (const step of script(applicant)) {
      if (performance.now() > o.deadline) return state.error('journey unfinished at the deadline');
      await sleep(jitter(o.thinkMs));
      const event: ApplicantEventInput = step === 'photo' ? { type: 'PHOTO_UPLOADED', photoId: await uploadPhoto(http, o.photo) } : step;
      if (!(await answer(state, socket, event, versionOf, ackedSeqs))) return;
      if (++answered !== o.helpAfter) continue;
      await sleep(jitter(o.thinkMs));
      if (!(await answer(state, socket, { type: 'REQUEST_HELP' }, versionOf, ackedSeqs))) return;
      await askForHelp(state, socket, first.data.view.caseId, ackedSeqs, { help: () => help, agentSaid, onChange });
    }
    state.finished++;
    o.stepsDone();
    await o.verify(() => verifyTranscript(state, socket, seen, ackedSeqs));
  } catch (err) {
    state.error((err as Error).message.replace(/case-[0-9a-f-]+/g, 'case-…'));
  } finally {
    o.stepsDone();
    socket.disconnect();
  }
}

async function uploadPhoto(http: HttpSession, photo: Uint8Array<ArrayBuffer>): Promise<string> {
  const res = await http.request('/api/photos', { method: 'PUT', body: photo, headers: { 'content-type': 'application/octet-stream' } });
  if (res.status !== 201) throw new Error(`photo upload ${res.status}`);
  return res.data.photoId as string;
}

/** Sends one answer; on success records its ack latency and the commit dashboards must see. */
async function answer(
  state: BenchState,
  socket: BenchSocket,
  event: ApplicantEventInput,
  versionOf: (seq: number) => Promise<number>,
  ackedSeqs: number[],
): Promise<boolean> {
  const sent = performance.now();
  const ack = await ask(socket, 'case:answer', { clientEventId: randomUUID(), event });
  const ackAt = performance.now();
  if (!ack.ok) {
    state.error(`answer ${event.type} refused: ${ack.error.code}`);
    return false;
  }
  ackedSeqs.push(...ack.data.entries.filter((e) => e.author === 'applicant').map((e) => e.seq));
  state.answered({ caseId: ack.data.view.caseId, version: await versionOf(ack.data.view.seq), ackAt }, ackAt - sent);
  return true;
}

interface HelpWatch {
  help: () => string;
  agentSaid: Set<string>;
  onChange: (poke: () => void) => () => void;
}

/** The applicant has just asked for help: waits for an agent, answers their two messages, waits until they leave. */
async function askForHelp(state: BenchState, socket: BenchSocket, caseId: string, ackedSeqs: number[], watch: HelpWatch) {
  await waitFor(() => watch.help() === 'agentJoined', watch.onChange, 90_000, 'no agent joined within 90 s');
  for (let turn = 0; turn < 2; turn++) {
    await waitFor(() => watch.agentSaid.has(`g-${caseId}-${turn}`), watch.onChange, 30_000, 'the agent’s message did not arrive');
    await sleep(jitter(1500));
    const token = `a-${caseId}-${turn}`;
    state.chatSent.set(token, performance.now());
    const ack = await ask(socket, 'case:text', { clientEventId: randomUUID(), text: token });
    if (!ack.ok) throw new Error(`chat text refused: ${ack.error.code}`);
    ackedSeqs.push(...ack.data.entries.filter((e) => e.author === 'applicant').map((e) => e.seq));
  }
  await waitFor(() => watch.help() === 'none', watch.onChange, 30_000, 'the agent did not leave');
}

/** A fresh full sync: every acked answer exactly once, and nothing the socket missed live. */
async function verifyTranscript(state: BenchState, socket: BenchSocket, seen: Set<number>, ackedSeqs: number[]) {
  const full = await ask(socket, 'case:sync', { after: 0 });
  if (!full.ok) throw new Error(`final sync refused: ${full.error.code}`);
  const bySeq = new Map(full.data.entries.map((e) => [e.seq, e]));
  for (const seq of ackedSeqs) if (bySeq.get(seq)?.author !== 'applicant') state.lost++;
  const applicantEntries = full.data.entries.filter((e) => e.author === 'applicant').length;
  if (applicantEntries > ackedSeqs.length) state.duplicated += applicantEntries - ackedSeqs.length;
  for (const seq of bySeq.keys()) if (!seen.has(seq)) state.lost++;
}
