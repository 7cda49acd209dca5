import { describe, expect, it } from 'vitest';
import { loadOutbox, newClientEventId, saveOutbox, type OutboxStorage, type PendingAnswer } from './outbox';

function memoryStorage(): OutboxStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const answer: PendingAnswer = {
  kind: 'answer',
  clientEventId: newClientEventId(),
  event: { type: 'ANSWER_CHANGE', question: 'marital', answer: 'no' },
  echo: { key: 'conversation.option.no' },
  queuedAt: '2026-01-05T10:00:00.000Z',
};
const text: PendingAnswer = {
  kind: 'text',
  clientEventId: newClientEventId(),
  text: 'Je préfère le français',
  echo: { key: 'conversation.echo.text', params: { text: 'Je préfère le français' } },
  queuedAt: '2026-01-05T10:00:01.000Z',
};

describe('the outbox of unacknowledged answers', () => {
  it('keeps answers and free text, in order, across a reload', async () => {
    const storage = memoryStorage();
    saveOutbox(storage, 'landing.outbox.u1', [answer, text]);
    expect(await loadOutbox(storage, 'landing.outbox.u1')).toEqual([answer, text]);
    expect(await loadOutbox(storage, 'landing.outbox.someone-else')).toEqual([]);
  });

  it('removes the key once everything is acknowledged', async () => {
    const storage = memoryStorage();
    saveOutbox(storage, 'k', [answer]);
    saveOutbox(storage, 'k', []);
    expect(storage.items.has('k')).toBe(false);
  });

  it('drops what it cannot trust rather than sending it: bad JSON, a staff event, a bad id', async () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    expect(await loadOutbox(storage, 'k')).toEqual([]);
    storage.setItem('k', JSON.stringify([{ ...answer, event: { type: 'PR_CONFIRMED', documentNumber: 'X1234', prDate: '2024-01-01' } }]));
    expect(await loadOutbox(storage, 'k')).toEqual([]);
    storage.setItem('k', JSON.stringify([{ ...text, clientEventId: 'no spaces allowed' }]));
    expect(await loadOutbox(storage, 'k')).toEqual([]);
  });

  it('keeps working in memory when storage is full or blocked', async () => {
    const full: OutboxStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => saveOutbox(full, 'k', [answer])).not.toThrow();
    expect(await loadOutbox(undefined, 'k')).toEqual([]);
  });
});
