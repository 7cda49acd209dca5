/** How long the applicant can download their eCOPR from the portal after it is issued. */
export const ECOPR_DOWNLOAD_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The end of the download window for an eCOPR issued at `issuedAt`. */
export const downloadUntilFor = (issuedAt: Date): Date => new Date(issuedAt.getTime() + ECOPR_DOWNLOAD_DAYS * DAY_MS);

/** Whole days left to download, rounded up (29.2 days → 30); 0 once the window is over. */
export const downloadDaysLeft = (downloadUntil: Date, now: Date): number =>
  Math.max(0, Math.ceil((downloadUntil.getTime() - now.getTime()) / DAY_MS));

/** True while the PDF may still be downloaded. */
export const canDownload = (downloadUntil: Date, now: Date): boolean => now.getTime() < downloadUntil.getTime();

/** Where the confirmation email sends the applicant (through sign-in): the conversation, at the eCOPR card. */
export const ECOPR_IN_CONVERSATION = '/conversation#ecopr';
