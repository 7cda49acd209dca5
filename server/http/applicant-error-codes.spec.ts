import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { rejectionCodes } from '../../machines/landing.machine';
import { explainFailure } from '../../src/lib/api';
import { photoFailureKey, refusalKey } from '../../src/lib/chat/refusal-text';
import { applicantMessages, hasMessage, translate, translateKey, type MessageKey } from '../../src/lib/i18n/messages.server';
import { fixerRefusals } from '../../src/lib/photo/photo-fixer';
import { errorCodes } from '../../src/lib/shared/ack';
import { loginBody, passwordChangeBody } from '../../src/lib/shared/auth.schemas';
import { answerPayload, languagePayload, syncPayload, textPayload } from '../../src/lib/shared/case.contract';
import { readPayload, typingPayload } from '../../src/lib/shared/help.contract';
import { pingPayload } from '../../src/lib/shared/socket-contract';
import { photoRejectionCodes } from '../photos/photo-rules';

/**
 * Every error code the applicant's routes and socket events can return, found in the code itself
 * (code lists, the zod schemas' own messages, the reasons the applicant's services throw), must
 * reach the applicant as a sentence in both languages, never as the server's English.
 */

const CODE = /^[a-z]+(?:_[a-z]+)+$|^[a-z]+$/;

/** The codes a zod schema reports: the messages given to its checks, walked through the whole schema. */
function schemaCodes(schema: z.ZodType): Set<string> {
  const codes = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return Object.values(node).forEach(walk);
    if (typeof def.error === 'function') {
      try {
        const message = (def.error as (issue: object) => unknown)({});
        if (typeof message === 'string' && CODE.test(message) && message.includes('_')) codes.add(message);
      } catch {
        // a message built from the issue: not a code
      }
    }
    for (const value of Object.values(def)) (Array.isArray(value) ? value : [value]).forEach(walk);
  };
  walk(schema);
  return codes;
}

/** `reason: '<code>'` and `{ <field>: '<code>' }` literals in the sources of the applicant's services and routes. */
function thrownReasons(): Set<string> {
  const dirs = ['server/cases', 'server/ecopr', 'server/photos', 'server/sockets'];
  const files = [
    ...dirs.flatMap((dir) => readdirSync(dir).map((name) => join(dir, name))),
    'server/routes/photos.ts',
    'server/routes/ecopr.ts',
  ];
  const reasons = new Set<string>();
  for (const file of files.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
    const source = readFileSync(file, 'utf8');
    for (const [, code] of source.matchAll(/\breason: '([a-z_]+)'/g)) reasons.add(code!);
    for (const [, code] of source.matchAll(/'\(payload\)': '([a-z_]+)'/g)) reasons.add(code!);
  }
  return reasons;
}

/** `{ photo: '<code>' }` literals: photo refusals the applicant's services throw besides the content checks. */
function thrownPhotoReasons(): string[] {
  const source = ['server/cases/photo.service.ts', 'server/routes/photos.ts'].map((file) => readFileSync(file, 'utf8')).join('\n');
  return [...source.matchAll(/\bphoto: '([a-z_]+)'/g)].map((m) => m[1]!);
}

/** The password problems the server can answer, from the `PasswordProblem` union. */
function passwordProblems(): string[] {
  const union = /export type PasswordProblem = ([^;]+);/.exec(readFileSync('server/auth/password.ts', 'utf8'))![1]!;
  return [...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
}

function expectBothLanguages(key: string, what: string) {
  expect(hasMessage(key), `${what}: no message ${key}`).toBe(true);
  for (const lang of ['en', 'fr'] as const) {
    expect(translateKey(lang, key).trim(), `${what} in ${lang}`).not.toBe(key);
    // The applicant's page loads only the applicant's strings: the sentence must be among them.
    expect(applicantMessages(lang)[key], `${what}: ${key} is not in the applicant's ${lang} strings`).toBeTruthy();
  }
}

describe('every error an applicant can meet is translated', () => {
  it('finds the lists it walks (a broken walk would pass anything)', () => {
    expect(schemaCodes(textPayload)).toEqual(new Set(['client_event_id_invalid', 'text_required', 'text_too_long']));
    expect(schemaCodes(answerPayload).size).toBeGreaterThanOrEqual(15);
    expect(thrownReasons()).toContain('photo_not_found');
    expect(thrownPhotoReasons()).toContain('not_now');
    expect(passwordProblems()).toContain('common');
  });

  it('error codes of every HTTP answer and socket ack', () => {
    for (const code of errorCodes) {
      // The conversation's own wording where it has one (e.g. rate_limited), else the API's.
      expect([`conversation.error.${code}`, `api.error.${code}`], code).toContain(refusalKey(code));
      expectBothLanguages(refusalKey(code), code);
    }
  });

  it('photo refusals, from the server and from the page', () => {
    for (const reason of photoRejectionCodes) {
      const key = photoFailureKey({ status: reason === 'too_large' ? 413 : 422, code: 'validation_failed', reason });
      expect(key).toBe(`photo.rejected.${reason}`);
      expectBothLanguages(key, reason);
    }
    for (const refusal of fixerRefusals) expectBothLanguages(`photo.rejected.${refusal}`, refusal);
    for (const reason of thrownPhotoReasons()) expectBothLanguages(photoFailureKey({ status: 422, code: 'event_refused', reason }), reason);
    expectBothLanguages(photoFailureKey({ status: 0, code: null, reason: null }), 'upload dropped');
  });

  it('refusals of the conversation: the machine, the event schemas, the socket payloads and the services', () => {
    const payloads = [answerPayload, textPayload, syncPayload, languagePayload, pingPayload, typingPayload, readPayload];
    const codes = new Set([...rejectionCodes, ...payloads.flatMap((schema) => [...schemaCodes(schema)]), ...thrownReasons()]);
    const missing = [...codes].filter((code) => refusalKey(code) === 'conversation.error.invalid_event' && code !== 'invalid_event');
    expect(missing).toEqual([]);
    for (const code of codes) expectBothLanguages(refusalKey(code), code);
  });

  it('sign-in and password change, field by field', () => {
    const t = (lang: 'en' | 'fr') => (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
    const cases: [string, string][] = [
      ...Object.entries({ ...loginBody.shape, ...passwordChangeBody.shape }).flatMap(([field, schema]) =>
        [...schemaCodes(schema)].map((code) => [field, code] as [string, string]),
      ),
      ...(['required'] as const).flatMap((code) =>
        ['username', 'password', 'currentPassword', 'newPassword'].map((field) => [field, code] as [string, string]),
      ),
      ...passwordProblems().map((code) => ['newPassword', code] as [string, string]),
    ];
    for (const [field, code] of cases) {
      for (const lang of ['en', 'fr'] as const) {
        const shown = explainFailure(
          { ok: false, status: 422, code: 'validation_failed', message: 'English for developers', fields: { [field]: code } },
          t(lang),
        ).fields[field];
        expect(shown, `${field}.${code} in ${lang}`).not.toBe(translate(lang, 'field.invalid'));
      }
    }
  });
});
