import type { SeededRandom } from './seeded-random';

/** One hostile payload: what it is (for the report) and the value sent. */
export interface HostilePayload {
  kind: string;
  value: unknown;
}

const MEGABYTE = 1024 * 1024;
let megabyte: string | undefined;
/** A 1 MB string (built once). */
export const megabyteString = () => (megabyte ??= 'A'.repeat(MEGABYTE));

/**
 * Nesting too deep for `JSON.stringify` (it recurses): a marker that `toJsonText` writes out as
 * text, `depth` arrays (or objects) deep.
 */
export class DeepJson {
  constructor(
    readonly depth: number,
    readonly shape: 'array' | 'object' = 'array',
  ) {}

  get text(): string {
    const { depth, shape } = this;
    return shape === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  }
}

export const nested = (depth: number, shape: 'array' | 'object' = 'array') => new DeepJson(depth, shape);

/** Nesting built as a real value (shallow enough for any encoder). */
export function nestedValue(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** JSON text of a payload, `DeepJson` markers written out in place. */
export function toJsonText(value: unknown): string {
  const deep: DeepJson[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof DeepJson ? `\u0000deep${deep.push(v) - 1}\u0000` : v)) ?? 'null';
  return text.replace(/"\\u0000deep(\d+)\\u0000"/g, (_m, i: string) => deep[Number(i)]!.text);
}

/** Own properties named like the prototype chain, as JSON.parse would produce them. */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

export const prototypeKeys = ['__proto__', 'constructor', 'prototype'] as const;

/** Strings that are unpleasant to store or render: never sent where they could be valid (see `weirdTexts`). */
export const weirdTexts = [
  'nul \u0000 byte',
  'lone surrogate \ud800 here',
  'rtl \u202e override \u202c',
  '<script>alert(1)</script>',
  '{"$gt": ""}',
  "'; db.dropDatabase(); //",
  '${jndi:ldap://127.0.0.1/x}',
  '\u{1F600}'.repeat(50),
  'zalgo a\u0301\u0302\u0303\u0304\u0305\u0306',
  '\r\n\tSet-Cookie: injected=1',
  '=cmd|"/c calc"!A1',
  'a.b.c$d',
];

/** Replacement values of every JSON type; a field only ever gets one of a different type than its own. */
function replacements(): [string, unknown][] {
  return [
    ['number', 42],
    ['negative', -1],
    ['float', 1.5],
    ['huge-number', 1e308],
    ['unsafe-integer', Number.MAX_SAFE_INTEGER + 2],
    ['true', true],
    ['false', false],
    ['null', null],
    ['empty-array', []],
    ['empty-object', {}],
    ['array', ['a', 1, null]],
    ['mongo-operator', { $gt: '' }],
    ['mongo-ne', { $ne: null }],
    ['proto-object', withOwnKey({}, '__proto__', { polluted: 'yes', role: 'admin' })],
    ['10k-string', 'x'.repeat(10_000)],
    ['nested-10000', nested(10_000)],
    ['nested-objects-1000', nestedValue(1_000)],
    ['array-5000', Array.from({ length: 5_000 }, (_, i) => `item${i}`)],
  ];
}

const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * `count` hostile variants of a valid-shaped `base` payload. Every variant breaks the schema of a
 * strict object with the given `required` keys: a required field missing, a field of the wrong type
 * or far too long, an unknown key (prototype-named ones included), or the whole payload replaced.
 * `big` adds the 1 MB string and a 100,000-item array (past every body limit).
 */
export function hostileVariants(
  base: Record<string, unknown>,
  required: readonly string[],
  rng: SeededRandom,
  count: number,
  big = true,
): HostilePayload[] {
  const keys = Object.keys(base);
  const out: HostilePayload[] = [];
  const generators: (() => HostilePayload | null)[] = [
    () => {
      const key = required.length ? rng.pick(required) : null;
      if (!key) return null;
      const { [key]: _dropped, ...rest } = base;
      return { kind: `missing:${key}`, value: rest };
    },
    () => {
      const key = keys.length ? rng.pick(keys) : null;
      if (!key) return null;
      const [name, value] = rng.pick(
        replacements().filter(([, v]) => kindOf(v) !== kindOf(base[key]) || (typeof v === 'string' && v.length > 5_000)),
      );
      return { kind: `type:${key}:${name}`, value: { ...base, [key]: value } };
    },
    () => {
      const key = rng.pick([...prototypeKeys, '$where', 'a.b', '', 'role', 'userId', 'caseId', 'isAdmin']);
      // A key the payload already has gets an object: never a same-typed, possibly valid, value.
      const value =
        key in base
          ? { polluted: 'yes' }
          : rng.pick<unknown>([{ polluted: 'yes' }, withOwnKey({}, 'prototype', { polluted: 'yes' }), 'admin', true, rng.pick(weirdTexts)]);
      return { kind: `extra:${key || '(empty)'}`, value: withOwnKey(base, key, value) };
    },
    () => {
      const [name, value] = rng.pick<[string, unknown]>([
        ['null', null],
        ['array', []],
        ['string', 'hello'],
        ['number', 7],
        ['boolean', true],
        ['wrapped', [base]],
        ['nested-10000', nested(10_000)],
        ['nested-objects-2000', nested(2_000, 'object')],
      ]);
      return { kind: `whole:${name}`, value };
    },
  ];
  if (big) {
    generators.push(() => {
      const key = keys.length ? rng.pick(keys) : 'padding';
      return rng.chance(0.5)
        ? { kind: `1mb-string:${key}`, value: { ...base, [key]: megabyteString() } }
        : { kind: `huge-array:${key}`, value: { ...base, [key]: Array.from({ length: 100_000 }, (_, i) => i) } };
    });
  }
  while (out.length < count) {
    const generator = big && out.length % 12 === 11 ? generators[generators.length - 1]! : rng.pick(generators.slice(0, 4));
    const variant = generator();
    if (variant) out.push(variant);
  }
  return out;
}
