import type { EditableSection } from './steps';

/**
 * Phrases the assistant recognises in typed text, English and French. Patterns run on folded
 * text: lower case, accents stripped, curly apostrophes straight, punctuation at the ends removed.
 */

export const yesPattern =
  /^(?:yes|yeah|yep|yup|sure|of course|correct|right|that'?s right|that is right|that'?s me|that is me|it'?s me|it is me|absolutely|definitely|indeed|affirmative|ok|okay|agreed|i agree|i understand|i do|i am|oui|ouais|ouaip|bien sur|d'accord|dac|exact|exactement|c'est (?:bien )?moi|c'est exact|c'est ca|tout a fait|absolument|certainement|effectivement|je comprends|j'accepte|i'?m in canada|je suis au canada)\b/;

export const noPattern =
  /^(?:no|nope|nah|not|none|nothing|never|negative|incorrect|wrong|that'?s not me|that is not me|it'?s not me|i'?m not|i am not|non|nan|pas du tout|pas moi|aucun|aucune|rien|jamais|negatif|ce n'est pas moi|c'est pas moi|je ne suis pas|je suis pas)\b/;

/** Not an answer either way, even though it starts like one ("I'm not sure"). */
export const unsurePattern = /\b(?:not sure|don'?t know|no idea|je ne sais pas|je sais pas|pas sur|aucune idee)\b/;

export const statusPatterns = [
  /\b(?:application|file|case)(?:'s)? status\b/,
  /\bstatus of (?:my|the|our) (?:application|file|case)\b/,
  /\bwhere(?:'s| is) (?:my|our) (?:application|file|case)\b/,
  /\b(?:has|is) (?:my|our) (?:application|file|case) (?:been )?(?:approved|accepted|processed|ready)\b/,
  /\b(?:check|see|know) (?:the |my )?status\b/,
  /^(?:my )?status$/,
  /\b(?:statut|etat) de (?:ma|mon|notre|la|le) (?:demande|dossier)\b/,
  /\bou en est (?:ma|mon|notre|la|le) (?:demande|dossier)\b/,
  /\bsuivi de (?:ma|mon|notre) (?:demande|dossier)\b/,
  /\b(?:ma|notre) demande (?:a-t-elle|est-elle) (?:ete )?(?:approuvee|acceptee|traitee)\b/,
  /^(?:mon )?statut$/,
];

export const helpPatterns = [
  /\bhelp\b/,
  /\bagente?s?\b/,
  /\bhuman\b/,
  /\b(?:real|actual|live) person\b/,
  /\b(?:talk|speak|chat) (?:to|with) (?:someone|somebody|a person|a human|an officer|a representative|a real person|a live person)\b/,
  /\brepresentative\b/,
  /\bassistance\b/,
  /\b(?:aide|aidez|aider)\b/,
  /\bconseill(?:er|ere)\b/,
  /\b(?:parler|discuter|clavarder) (?:a|avec) (?:quelqu'un|une personne|un humain|une vraie personne)\b/,
  /\bhumain\b/,
  /\bsoutien\b/,
];

const french = String.raw`(?:french|francais)`;
const english = String.raw`(?:english|anglais)`;
const languageRequests = (name: string) => [
  new RegExp(String.raw`^(?:en |in )?${name}(?: please| svp| s'il vous plait| s'il te plait)?$`),
  new RegExp(String.raw`\b(?:parlez[- ]vous|parles[- ]tu|do you speak|can you speak|can we speak) (?:le |l')?${name}\b`),
  new RegExp(String.raw`\b(?:switch|change|continue|go|move|answer|write|talk|speak)(?: to| in)? ${name}\b`),
  new RegExp(String.raw`\b(?:passer|continuer|changer|parler|ecrire|repondre)(?: en| au| pour l'| pour le)? ${name}\b`),
  new RegExp(String.raw`\bje (?:prefere|voudrais|veux|aimerais)(?: parler| continuer| ecrire)?(?: en| le| l')? ?${name}\b`),
  new RegExp(String.raw`\bi(?:'d| would)? (?:prefer|want|like)(?: to (?:speak|talk|continue|write))?(?: in)? ${name}\b`),
];

export const languagePatterns = { fr: languageRequests(french), en: languageRequests(english) };

/** "Change language" without naming one: the other language is meant. */
export const otherLanguagePatterns = [
  { pattern: /\b(?:change|switch)(?: the)? language\b|\bother language\b/, phraseLang: 'en' },
  { pattern: /\bchanger (?:de|la) langue\b|\bautre langue\b/, phraseLang: 'fr' },
] as const;

export const editPatterns = [
  /\b(?:change|edit|modify|update|correct|fix|redo) (?:my|the|an?|that|this|an earlier|a previous|my previous)\b/,
  /\bgo back\b/,
  /\bi made a mistake\b/,
  /\b(?:modifier|changer|corriger|rectifier|mettre a jour) (?:mon|ma|mes|l'|le|la|les|une|un|cette|d')/,
  /\brevenir en arriere\b/,
  /\bje me suis trompee?\b/,
];

/** Which section an edit request names; the first match wins, so "mailing address" is not residential. */
export const sectionPatterns: [EditableSection, RegExp][] = [
  ['mailing', /\b(?:mailing|courrier|correspondance|adresse postale|postale)\b/],
  ['photo', /\b(?:photo|photos|picture|pic|image|selfie)\b/],
  ['residential', /\b(?:address|adresse|d'adresse|residential|residentielle|home|domicile|street|rue|postal code|code postal)\b/],
  ['presence', /\b(?:entry|arrival|arrived|date|entree|arrivee|presence|in canada|au canada)\b/],
  [
    'changes',
    /\b(?:marital|married|divorced|dependants?|dependents?|children|child|criminal|charges?|medical|health|declarations?|changes|etat civil|matrimonial|a charge|enfants?|criminel(?:le)?s?|accusations?|medica(?:l|le|ux)|sante)\b/,
  ],
];

export const leftCanadaPatterns = [
  /\bi(?: have|'ve)? left (?:canada|the country)\b/,
  /\bi(?:'m| am) (?:outside|out of) (?:canada|the country)\b/,
  /\bje suis (?:a l'exterieur du|hors du) (?:canada|pays)\b/,
  /\bi(?:'m| am) no longer in canada\b/,
  /\bj'ai quitte (?:le canada|le pays)\b/,
  /\bje ne suis plus au canada\b/,
];

export const backInCanadaPatterns = [/\b(?:i'?m|i am) back\b/, /\bback in canada\b/, /\bde retour\b/, /\bje suis (?:revenue?|rentree?)\b/];
