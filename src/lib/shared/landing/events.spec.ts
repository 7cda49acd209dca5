import { describe, expect, it } from 'vitest';
import { agentEventSchema, applicantEventSchema, eventProblem, staffEventSchema } from './events';

const problemOf = (schema: typeof applicantEventSchema | typeof staffEventSchema, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? null : eventProblem(result.error);
};

describe('event schemas', () => {
  it('never let an applicant send a staff or agent event', () => {
    const privileged = [
      { type: 'PHOTO_APPROVED' },
      { type: 'PHOTO_REJECTED', reason: 'glare' },
      { type: 'FLAG_RESOLVED', flag: 'outside_canada', note: 'ok' },
      { type: 'PR_CONFIRMED', documentNumber: 'A12345678', prDate: '2024-06-01' },
      { type: 'AGENT_JOINED', agentName: 'Sam' },
      { type: 'AGENT_LEFT' },
    ];
    for (const event of privileged) {
      expect(applicantEventSchema.safeParse(event).success, event.type).toBe(false);
      expect(staffEventSchema.safeParse(event).success || agentEventSchema.safeParse(event).success, event.type).toBe(true);
    }
    expect(staffEventSchema.safeParse({ type: 'SIGN', signature: 'x' }).success).toBe(false);
    expect(agentEventSchema.safeParse({ type: 'PHOTO_APPROVED' }).success).toBe(false);
  });

  it('refuses extra keys, including a client-sent timestamp', () => {
    expect(problemOf(applicantEventSchema, { type: 'ACKNOWLEDGE', at: '2030-01-01T00:00:00Z' })).toEqual({
      code: 'invalid_event',
      field: null,
    });
    expect(problemOf(applicantEventSchema, { type: 'EDIT', section: 'identity' })?.code).toBe('invalid_event');
  });

  it('reports domain problems with their code and field', () => {
    const address = { street: '1 Main St', city: 'Ottawa', province: 'QC', postalCode: 'K1A 0B1' };
    expect(problemOf(applicantEventSchema, { type: 'SUBMIT_ADDRESS', kind: 'residential', address })).toEqual({
      code: 'postal_code_province_mismatch',
      field: 'postalCode',
    });
    expect(problemOf(applicantEventSchema, { type: 'ANSWER_ENTRY_DATE', date: '2023-02-30' })).toEqual({
      code: 'date_invalid',
      field: 'date',
    });
    expect(problemOf(applicantEventSchema, { type: 'EXPLAIN_CHANGES', text: '  ' })).toEqual({
      code: 'explanation_required',
      field: 'text',
    });
    expect(problemOf(applicantEventSchema, { type: 'CONFIRM_IDENTITY', answer: 'maybe' })).toEqual({
      code: 'answer_invalid',
      field: 'answer',
    });
    expect(problemOf(staffEventSchema, { type: 'PHOTO_REJECTED', reason: 'other' })).toEqual({ code: 'note_required', field: 'note' });
  });

  it('normalises what it accepts', () => {
    const parsed = applicantEventSchema.parse({
      type: 'SUBMIT_ADDRESS',
      kind: 'mailing',
      address: { street: ' 1 Main St ', city: 'Ottawa', province: 'ON', postalCode: 'k1a0b1' },
    });
    expect(parsed).toEqual({
      type: 'SUBMIT_ADDRESS',
      kind: 'mailing',
      address: { street: '1 Main St', unit: null, city: 'Ottawa', province: 'ON', postalCode: 'K1A 0B1' },
    });
    expect(staffEventSchema.parse({ type: 'PHOTO_REJECTED', reason: 'other', note: ' Hat on. ' })).toEqual({
      type: 'PHOTO_REJECTED',
      reason: 'other',
      note: 'Hat on.',
    });
  });
});
