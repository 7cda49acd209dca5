// The window is shared with the page, which shows the days left (src/lib/shared/ecopr-window.ts).
export { ECOPR_DOWNLOAD_DAYS, canDownload, downloadDaysLeft, downloadUntilFor } from '../../src/lib/shared/ecopr-window';
