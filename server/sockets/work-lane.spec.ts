import { describe, expect, it } from 'vitest';
import { WorkLane } from './work-lane';

const gate = () => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe('WorkLane', () => {
  it('runs tasks in arrival order, one at a time, and refuses at once past its bound', async () => {
    const lane = new WorkLane(1, 2);
    const first = gate();
    const order: string[] = [];
    const a = lane.offer(async () => {
      await first.opened;
      order.push('a');
    });
    const b = lane.offer(async () => void order.push('b'));
    const c = lane.offer(async () => void order.push('c'));
    expect(lane.offer(async () => void order.push('d'))).toBeNull();
    expect(lane.pending).toBe(3);
    first.open();
    await Promise.all([a, b, c]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(lane.pending).toBe(0);
    await expect(lane.offer(async () => 'again')).resolves.toBe('again');
  });

  it('frees the slot of a task that failed, and drops waiting tasks on cancel', async () => {
    const lane = new WorkLane(1, 4);
    const hold = gate();
    const failing = lane.offer(async () => {
      await hold.opened;
      throw new Error('boom');
    });
    const waiting = lane.offer(async () => 'never');
    lane.cancelWaiting(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    hold.open();
    await expect(failing).rejects.toThrow('boom');
    expect(lane.pending).toBe(0);
  });
});
