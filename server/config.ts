import { resolve } from 'node:path';
import { z } from 'zod';

/** Placeholder values that production must never run with. */
const DEMO_SECRETS = new Set(['', 'changeme', 'change-me', 'secret', 'password', 'demo']);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    ORIGIN: z.url().optional(),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
    DATA_DIR: z.string().min(1).default('data'),
    FERRETDB_BIN: z.string().min(1).default('.tools/bin/ferretdb'),
    REDIS_URL: z.url().optional(),
    /** When set, `GET /metrics` requires `Authorization: Bearer <token>`; otherwise it answers loopback only. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    CLOUDINARY_URL: z
      .string()
      .regex(/^cloudinary:\/\/[^:]+:[^@]+@.+$/, 'must look like cloudinary://<key>:<secret>@<cloud>')
      .optional(),
    EMAIL_FROM: z.string().min(3).default('Landing Portal <no-reply@landing.localhost>'),
    DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    /**
     * Reverse proxies in front of the portal that append the client's address to X-Forwarded-For.
     * 0 (default): the TCP peer is the client, X-Forwarded-For is ignored. Per-address limits
     * (sign-in, TOTP, invitations, verify) count whatever address this yields.
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    STUCK_AFTER_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 365)
      .default(48),
    /**
     * Where the officers' board reads: `memory` (an in-process read model; only when this process is
     * the database's one writer) or `database`. Default: `memory` on the embedded database, which
     * serves this process only, `database` with MONGODB_URI.
     */
    BOARD_READ_MODEL: z.enum(['memory', 'database']).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    const require = (key: 'ORIGIN' | 'MONGODB_URI' | 'RESEND_API_KEY', why: string) => {
      const value = env[key];
      if (value === undefined || DEMO_SECRETS.has(value.toLowerCase())) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is required in production (${why})` });
      }
    };
    require('ORIGIN', 'cookies and origin checks need the public URL');
    require('MONGODB_URI', 'the embedded database is for development only');
    require('RESEND_API_KEY', 'emails must really be sent');
    if (env.DEMO_PASSWORD !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_PASSWORD'],
        message: 'must not be set in production (demo accounts are never created there)',
      });
    }
  });

export type Config = z.infer<typeof envSchema> & {
  /** Absolute data directory for the embedded database and local files. */
  dataPath: string;
  /** True when staff demo accounts and shortcuts may exist. */
  demo: boolean;
  /** Where the board reads (`BOARD_READ_MODEL`, or its default). */
  boardSource: 'memory' | 'database';
};

/** Thrown when the environment is invalid; its message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once. Throws a ConfigError naming each invalid variable,
 * so the process can refuse to start with a clear message.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  return {
    ...config,
    dataPath: resolve(cwd, config.DATA_DIR),
    FERRETDB_BIN: resolve(cwd, config.FERRETDB_BIN),
    demo: config.NODE_ENV !== 'production',
    boardSource: config.BOARD_READ_MODEL ?? (config.MONGODB_URI ? 'database' : 'memory'),
  };
}
