import { randomUUID } from 'node:crypto';
import { ask, openSocket, waitFor, type BenchSocket, type BenchState } from './bench-state';
import { signInStaff, type SeededStaff } from './seed';
import { jitter, sleep } from './stats';

/** An officer's live board: records when each case version's `board:patch` arrives. */
export async function openDashboard(state: BenchState, index: number, url: string, officer: SeededStaff): Promise<BenchSocket> {
  const http = await signInStaff(url, officer);
  const socket = await openSocket(url, http.cookieHeader);
  socket.on('board:patch', (patch) => state.boardPatchArrived(index, patch.row.caseId, patch.row.version, performance.now()));
  return socket;
}

/**
 * A support agent: watches the board patches every agent gets for help requests, takes the oldest
 * waiting one (exactly one agent wins each; the others get `conflict`), sends two
 * messages, each after the applicant's reply to the previous one, then leaves. Repeats until `stop()`.
 */
export async function runAgent(state: BenchState, url: string, agent: SeededStaff, running: () => boolean) {
  const http = await signInStaff(url, agent);
  const socket = await openSocket(url, http.cookieHeader);
  const heard = new Set<string>();
  const waiting = new Map<string, number>(); // caseId → version, oldest request first
  socket.on('board:patch', ({ row }) => {
    if (row.helpStatus === 'requested') waiting.set(row.caseId, row.version);
    else waiting.delete(row.caseId);
  });
  const pokes = new Set<() => void>();
  socket.on('staff:case-update', (update) => {
    const at = performance.now();
    for (const entry of update.entries) {
      if (entry.author !== 'applicant') continue;
      const text = String(entry.message.params?.text ?? '');
      heard.add(text);
      state.chatArrived(text, at);
    }
    for (const poke of [...pokes]) poke();
  });
  const onChange = (poke: () => void) => (pokes.add(poke), () => pokes.delete(poke));
  try {
    while (running()) {
      const caseId = waiting.keys().next().value;
      if (!caseId) {
        await sleep(200);
        continue;
      }
      waiting.delete(caseId);
      const joined = await ask(socket, 'agent:join', { caseId });
      if (!joined.ok) {
        if (joined.error.code !== 'conflict') state.error(`agent:join refused: ${joined.error.code}`);
        continue;
      }
      try {
        for (let turn = 0; turn < 2; turn++) {
          await sleep(jitter(1500));
          const token = `g-${caseId}-${turn}`;
          state.chatSent.set(token, performance.now());
          const sent = await ask(socket, 'agent:message', { caseId, clientEventId: randomUUID(), text: token });
          if (!sent.ok) throw new Error(`agent:message refused: ${sent.error.code}`);
          await waitFor(() => heard.has(`a-${caseId}-${turn}`), onChange, 30_000, 'the applicant’s reply did not arrive');
        }
      } catch (err) {
        state.error((err as Error).message);
      }
      const left = await ask(socket, 'agent:leave', { caseId, outcome: 'resolved' });
      if (!left.ok) state.error(`agent:leave refused: ${left.error.code}`);
    }
  } finally {
    socket.disconnect();
  }
}
