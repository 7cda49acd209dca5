import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { boardQuery } from '../../src/lib/shared/board.contract';
import { stepFlowQuery } from '../../src/lib/shared/step-flow';
import type { AppEnv } from '../http/app-env';
import { clientIp, identityOf, requireRole } from '../http/identity';
import { valid } from '../http/validate';
import type { Services } from '../services';

const csvColumns = [
  'caseId',
  'personName',
  'applicationNumber',
  'uci',
  'step',
  'stepEnteredAt',
  'lastActivityAt',
  'flags',
  'helpStatus',
  'photoStatus',
  'lang',
] as const;

/** A CSV cell: quoted, quotes doubled, and formula-looking text defused for spreadsheets. */
function cell(value: unknown): string {
  let text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** `/api/board`: the officers' live board and its chart over time (officers and admins). */
export function boardRoutes(s: Services) {
  return new Hono<AppEnv>()
    .use(requireRole(s.auth, ['officer', 'admin']))
    .get('/', valid('query', boardQuery), async (c) => c.json(await s.board.page(c.req.valid('query'))))
    .get('/flow', valid('query', stepFlowQuery), async (c) => c.json(await s.stepFlow.report(c.req.valid('query'))))
    .get('/export.csv', valid('query', boardQuery), async (c) => {
      const query = c.req.valid('query');
      await s.audit.record({
        action: 'board.exported',
        actor: { id: identityOf(c).user.id, role: identityOf(c).user.role, name: identityOf(c).user.username },
        ip: clientIp(c),
        details: { step: query.step ?? null, flag: query.flag ?? null, stuck: Boolean(query.stuck), q: query.q ?? null },
      });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="landing-board-${new Date().toISOString().slice(0, 10)}.csv"`);
      return stream(c, async (out) => {
        await out.write(`${csvColumns.join(',')}\r\n`);
        for await (const row of s.board.rows(query)) await out.write(`${csvColumns.map((k) => cell(row[k])).join(',')}\r\n`);
      });
    });
}
