/** The first letter of a name part, upper-cased (`d’Arcy` → `D`, `élodie` → `É`). */
function firstLetter(part: string): string {
  const letters = [...part.normalize('NFC')];
  return (letters.find((ch) => /\p{L}/u.test(ch)) ?? letters[0] ?? '').toLocaleUpperCase();
}

/**
 * The holder's initials as the public verification page shows them: one per word of the given
 * and family names, hyphenated parts kept together (`Zoë`, `Lefebvre-Tremblay` → `Z. L.-T.`).
 */
export function initialsOf(givenName: string, familyName: string): string {
  return `${givenName} ${familyName}`
    .trim()
    .split(/\s+/)
    .map((word) =>
      word
        .split('-')
        .filter((part) => part.length > 0)
        .map((part) => `${firstLetter(part)}.`)
        .join('-'),
    )
    .filter((word) => word.length > 0)
    .join(' ');
}
