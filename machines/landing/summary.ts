import type { Address, EditableSection, Message } from '../../src/lib/shared/landing';
import { changeQuestions } from '../../src/lib/shared/landing';
import { fullNameOf } from '../../src/lib/shared/person-name';
import type { LandingContext, Person } from './context';

/** `12345678` → `••••-5678`; `1234567890` → `••-••••-7890`: enough to recognise, not to reuse. */
export function maskUci(uci: string): string {
  const digits = uci.replace(/\D/g, '');
  return `${digits.length > 8 ? '••-••••' : '••••'}-${digits.slice(-4)}`;
}

export const fullName = (person: Person) => fullNameOf(person);

/** An address as a message, so the unit reads "unit 4" in English and "app. 4" in French. */
export function addressMessage(address: Address): Message {
  const { street, city, province, postalCode } = address;
  return address.unit
    ? { key: 'conversation.address.withUnit', params: { street, unit: address.unit, city, province, postalCode } }
    : { key: 'conversation.address.line', params: { street, city, province, postalCode } };
}

const yesNoMessage = (answer: string | null): Message => ({
  key: answer === 'yes' ? 'conversation.summary.yes' : 'conversation.summary.no',
});

export interface ReviewItem {
  /** The section the "change" link opens, or null when it cannot be changed here. */
  section: EditableSection | null;
  labelKey: string;
  value: Message;
}

/** The review step's summary of every answer, in conversation order. */
export function reviewSummary(context: LandingContext): ReviewItem[] {
  const { person, presence, changes, mailing } = context;
  const items: ReviewItem[] = [
    {
      section: null,
      labelKey: 'conversation.summary.identity',
      value: {
        key: 'conversation.summary.person',
        params: { name: fullName(person), dateOfBirth: person.dateOfBirth, uci: maskUci(person.uci) },
      },
    },
    {
      section: 'presence',
      labelKey: 'conversation.summary.entryDate',
      value: { key: 'conversation.summary.text', params: { text: presence.entryDate ?? '' } },
    },
    { section: 'presence', labelKey: 'conversation.summary.presence', value: { key: 'conversation.summary.declaredPresent' } },
    ...changeQuestions.map((question) => ({
      section: 'changes' as const,
      labelKey: `conversation.summary.change.${question}`,
      value: yesNoMessage(changes.answers[question]),
    })),
  ];
  if (changes.explanation) {
    items.push({
      section: 'changes',
      labelKey: 'conversation.summary.explanation',
      value: { key: 'conversation.summary.text', params: { text: changes.explanation } },
    });
  }
  if (context.residentialAddress) {
    items.push({ section: 'residential', labelKey: 'conversation.summary.residential', value: addressMessage(context.residentialAddress) });
  }
  const mailingValue = mailing.address ? addressMessage(mailing.address) : { key: 'conversation.summary.sameAsResidential' };
  items.push({ section: 'mailing', labelKey: 'conversation.summary.mailing', value: mailingValue });
  items.push({ section: 'photo', labelKey: 'conversation.summary.photo', value: { key: 'conversation.summary.photoUploaded' } });
  return items;
}
