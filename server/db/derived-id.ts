import { createHash, randomInt } from 'node:crypto';
import { Types } from 'mongoose';

const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * A UUID (version 8, RFC 9562) derived from `key`: the same thing written twice, by a retry, a
 * resumed import or a second process, gets the same `_id`, and the second insert fails cleanly.
 */
export function derivedUuid(key: string): string {
  const hex = sha256(key).slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * An ObjectId derived from `key`, for collections whose `_id`s are ObjectIds (outbox, audit log).
 * Like a generated one it starts with a time, `at` (to the millisecond, then `rank`), so ids sort in
 * the order things happened: pass a time that is stored with what the id stands for (a person's
 * `invitationSentAt`), so that writing it again gives the same id.
 */
export function derivedObjectId(key: string, at: Date, rank = 0): Types.ObjectId {
  return new Types.ObjectId(timePrefix(at) + (rank % 256).toString(16).padStart(2, '0') + sha256(key).slice(0, 10));
}

let sequence = randomInt(2 ** 39);

/**
 * An ObjectId for something new, made at `at` (the portal's clock): the same time prefix as
 * `derivedObjectId` (after its ranks in that millisecond), then a counter, so ids this process makes
 * in one millisecond keep the order they were made in.
 */
export function clockObjectId(at: Date): Types.ObjectId {
  sequence = (sequence + 1) % 2 ** 40;
  return new Types.ObjectId(timePrefix(at) + 'ff' + sequence.toString(16).padStart(10, '0'));
}

/** Seconds then milliseconds of `at`, in hex: 12 characters that sort as the times do. */
function timePrefix(at: Date): string {
  const ms = at.getTime();
  return (
    Math.floor(ms / 1000)
      .toString(16)
      .padStart(8, '0') + (ms % 1000).toString(16).padStart(4, '0')
  );
}
