import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { limiter, Samples, sleep } from './stats';

export interface SocketBaselines {
  ack: Samples;
  broadcast: Samples;
  relay: Samples;
}

interface Shape {
  applicants: number;
  dashboards: number;
  agents: number;
  /** Payloads of the portal's size: an answer's ack, a board patch, a case update. */
  ackReply: unknown;
  boardPatch: unknown;
  caseUpdate: unknown;
}

const root = resolve(import.meta.dirname, '../..');

/**
 * The transport alone, measured idle before the load: a bare Socket.IO server (its own process)
 * with as many sockets as the run will have. `ack`: an event's ack round trip. `broadcast`: as the
 * portal does for a commit, emit to the dashboards' and agents' rooms, then ack the requester; the
 * latency is each dashboard's receipt minus the requester's ack. `relay`: one socket's event
 * delivered to another socket's room (a chat message without the database).
 */
export async function measureSocketBaselines(
  shape: Shape,
  rounds = { acks: 2000, broadcasts: 300, relays: 300 },
): Promise<SocketBaselines> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'tests/load/bare-socket-server.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((done, fail) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on (\d+)/.exec(chunk.toString());
      if (match) done(Number(match[1]));
    });
    server.once('exit', (code) => fail(new Error(`the bare Socket.IO server exited with ${code}`)));
  });
  const open = limiter(50);
  const connect = (room?: string) =>
    open(async () => {
      const socket = connectSocket(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false, forceNew: true });
      await new Promise<void>((done, fail) => {
        socket.once('connect', () => done());
        socket.once('connect_error', fail);
      });
      if (room) await socket.emitWithAck('join', room);
      return socket;
    });
  const applicants = await Promise.all(Array.from({ length: shape.applicants }, (_, i) => connect(`case:${i}`)));
  const dashboards = await Promise.all(Array.from({ length: shape.dashboards }, () => connect('staff')));
  const agents = await Promise.all(Array.from({ length: shape.agents }, () => connect('agents')));
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const result: SocketBaselines = { ack: new Samples(), broadcast: new Samples(), relay: new Samples() };
  try {
    const inFlight = limiter(20);
    await Promise.all(
      Array.from({ length: rounds.acks }, () =>
        inFlight(async () => {
          const sent = performance.now();
          await pick(applicants).emitWithAck('echo', { clientEventId: 'baseline-event-id', reply: shape.ackReply });
          result.ack.add(performance.now() - sent);
        }),
      ),
    );
    const arrivals: number[][] = dashboards.map(() => []);
    dashboards.forEach((socket, d) => socket.on('board:patch', () => arrivals[d]!.push(performance.now())));
    const acks: number[] = [];
    for (let round = 0; round < rounds.broadcasts; round++) {
      await pick(applicants).emitWithAck('broadcast', { rooms: ['staff', 'agents'], event: 'board:patch', payload: shape.boardPatch });
      acks.push(performance.now());
      await sleep(10);
    }
    await sleep(200);
    for (const list of arrivals) list.forEach((at, round) => result.broadcast.add(at - acks[round]!));
    for (let round = 0; round < rounds.relays; round++) {
      const i = Math.floor(Math.random() * applicants.length);
      const arrived = new Promise<number>((done) => applicants[i]!.once('case:update', () => done(performance.now())));
      const sent = performance.now();
      pick([...agents, ...dashboards]).emit(
        'broadcast',
        { rooms: [`case:${i}`], event: 'case:update', payload: shape.caseUpdate },
        () => undefined,
      );
      result.relay.add((await arrived) - sent);
    }
  } finally {
    for (const socket of [...applicants, ...dashboards, ...agents] as Socket[]) socket.disconnect();
    server.kill('SIGTERM');
  }
  return result;
}
