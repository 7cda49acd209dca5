/**
 * A person's name as IRCC records it. A person may have one name only: it is the family name,
 * and the given name is empty. Every screen, email and document writes names through these.
 */
export interface PersonName {
  givenName: string;
  familyName: string;
}

/** "Given Family", or the one name alone. */
export function fullNameOf(person: PersonName): string {
  return [person.givenName, person.familyName]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

/** What a greeting calls the person: the given name, or their one name. */
export function greetingNameOf(person: PersonName): string {
  return person.givenName.trim() || person.familyName.trim();
}
