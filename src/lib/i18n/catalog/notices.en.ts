/** Emails sent when an officer decides on a case. */
export const noticesEn = {
  'notice.photoRejected.subject': 'Your PR card photo needs to be replaced',
  'notice.photoRejected.heading': 'Please upload a new photo',
  'notice.photoRejected.reason': 'An officer reviewed the photo for your permanent resident card and could not accept it: {reason}',
  'notice.photoRejected.next': 'Sign in to the Landing Portal to upload a new photo. Your other answers are saved.',
  'notice.confirmed.subject': 'You are now a permanent resident of Canada',
  'notice.confirmed.heading': 'Your permanent residence is confirmed',
  'notice.confirmed.body':
    'An officer confirmed your permanent residence on {prDate}. Your electronic Confirmation of Permanent Residence (eCOPR) is ready.',
  'notice.confirmed.download':
    'Sign in to download it. It can be downloaded for 30 days, until {downloadUntil}. Print it and sign it by hand.',
  'notice.continue': 'Open the Landing Portal',
  'staff.decision.PHOTO_APPROVED': 'Photo approved.',
  'staff.decision.PHOTO_REJECTED': 'Photo rejected ({reason}). {note}',
  'staff.decision.FLAG_RESOLVED': 'Flag “{flag}” resolved: {note}',
  'staff.decision.PR_CONFIRMED': 'Permanent residence confirmed on {prDate}; eCOPR {documentNumber} issued.',
  'notice.confirmed.action': 'Sign in to download your eCOPR',
};
