import type { Connection } from 'mongoose';
import type { Histogram } from 'prom-client';
import type { Logger } from '../logger';

/** A command slower than this is logged with its collection and the shape of its filter. */
const SLOW_MS = 1000;
/** Commands in flight remembered for their collection; beyond this the oldest are dropped. */
const MAX_IN_FLIGHT = 10_000;

interface Started {
  collection: string;
  filterKeys: string;
}

/**
 * Times every command the driver sends (its command monitoring) into `histogram`, labelled by
 * command, collection and the fields its filter names (`_id`, `caseId,clientEventId`: a handful
 * of shapes, fixed by the code), and logs the slow ones. This is what shows which queries the database
 * spends its time on (on FerretDB 1.x: any filter that is not `_id` reads the whole collection).
 */
export function timeDatabaseCommands(db: Connection, histogram: Histogram<'command' | 'collection' | 'filter'>, logger?: Logger) {
  // Events flow only when the client was created with `monitorCommands: true` (connectMongoose).
  const client = db.getClient();
  const inFlight = new Map<number, Started>();
  client.on('commandStarted', (event) => {
    if (inFlight.size >= MAX_IN_FLIGHT) inFlight.delete(inFlight.keys().next().value!);
    const target = event.command[event.commandName];
    const filter = (event.command.filter ?? event.command.q ?? event.command.query ?? event.command.updates?.[0]?.q) as
      Record<string, unknown> | undefined;
    inFlight.set(event.requestId, {
      collection: typeof target === 'string' ? target : '-',
      filterKeys: filter ? Object.keys(filter).sort().join(',') : '',
    });
  });
  const finished = (event: { requestId: number; commandName: string; duration: number }, failed: boolean) => {
    const started = inFlight.get(event.requestId);
    inFlight.delete(event.requestId);
    const collection = started?.collection ?? '-';
    histogram.observe({ command: event.commandName, collection, filter: started?.filterKeys ?? '' }, event.duration / 1000);
    if (event.duration >= SLOW_MS)
      logger?.warn(
        { command: event.commandName, collection, filter: started?.filterKeys, ms: Math.round(event.duration), failed },
        'slow database command',
      );
  };
  client.on('commandSucceeded', (event) => finished(event, false));
  client.on('commandFailed', (event) => finished(event, true));
}
