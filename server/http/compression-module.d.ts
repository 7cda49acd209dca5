// The `compression` package ships no types; the portal uses only its middleware factory.
declare module 'compression' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  interface CompressionOptions {
    threshold?: number | string;
    brotli?: { params?: Record<number, number> };
  }
  export default function compression(
    options?: CompressionOptions,
  ): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
}
