import { z } from 'zod';
import type { AckCallback } from './ack';

/** The one contract for Socket.IO events, imported by the server and the browser. */

export const pingPayload = z.strictObject({ clientTime: z.number().finite() });
export type PingPayload = z.infer<typeof pingPayload>;

export interface ClientEvents {
  'system:ping': (payload: PingPayload, ack: AckCallback<{ clientTime: number; serverTime: number }>) => void;
}

export interface ServerEvents {
  'system:notice': (notice: { code: string; message: string }) => void;
}
