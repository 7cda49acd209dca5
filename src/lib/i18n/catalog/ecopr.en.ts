/**
 * The electronic Confirmation of Permanent Residence: the PDF (`ecopr.pdf.*`, printed in both
 * languages at once), the confirmation in the conversation and by email (`ecopr.confirmed.*`,
 * `ecopr.email.*`, `ecopr.instructions.*`, also printed on the PDF) and the public
 * verification page (`verify.*`).
 */
export const ecoprEn = {
  'ecopr.pdf.title': 'Confirmation of Permanent Residence',
  'ecopr.pdf.subtitle': 'Electronic confirmation (eCOPR)',
  'ecopr.pdf.specimen': 'SPECIMEN — Landing Portal demonstration',
  'ecopr.pdf.notOfficial':
    'This is not an official document of Immigration, Refugees and Citizenship Canada (IRCC). It has no legal value and gives no status.',
  'ecopr.pdf.familyName': 'Family name',
  'ecopr.pdf.givenNames': 'Given name(s)',
  'ecopr.pdf.dateOfBirth': 'Date of birth',
  'ecopr.pdf.uci': 'Unique client identifier (UCI)',
  'ecopr.pdf.applicationNumber': 'Application number',
  'ecopr.pdf.prDate': 'Date of permanent residence',
  'ecopr.pdf.documentNumber': 'Document number',
  'ecopr.pdf.statement': 'The person named above became a permanent resident of Canada on the date shown.',
  'ecopr.pdf.signature': 'Signature of the holder',
  'ecopr.pdf.signatureChild': 'Under 14: a parent or legal guardian signs.',
  'ecopr.pdf.verifyTitle': 'Verify this document',
  'ecopr.pdf.verifyText':
    'Scan the code or open the address below it. The page shows only the holder’s initials and the date of permanent residence.',
  'ecopr.pdf.issued': 'Issued on {date}',
  'ecopr.pdf.metadataTitle': 'Confirmation of Permanent Residence (specimen)',
  'ecopr.instructions.title': 'What to do now',
  'ecopr.instructions.print': 'Print this document.',
  'ecopr.instructions.sign': 'Sign it by hand, in ink.',
  'ecopr.instructions.child': 'A parent or legal guardian signs for a child under 14.',
  'ecopr.instructions.card': 'Your permanent resident (PR) card will be mailed to {address}.',
  'ecopr.confirmed.title': 'Your permanent residence is confirmed',
  'ecopr.confirmed.text':
    'You became a permanent resident of Canada on {prDate}. Your electronic Confirmation of Permanent Residence (eCOPR) is ready.',
  'ecopr.download': 'Download your eCOPR (PDF)',
  'ecopr.daysLeft.one': 'You can download it for {count} more day.',
  'ecopr.daysLeft.other': 'You can download it for {count} more days.',
  'ecopr.expired': 'The 30-day download period is over, so your eCOPR can no longer be downloaded here. To get a copy, contact IRCC.',
  'ecopr.keepCopy': 'Save the PDF and keep a copy in a safe place: you may need it to prove your status.',
  'ecopr.email.subject': 'Your permanent residence is confirmed: download your eCOPR',
  'ecopr.email.downloadUntil': 'Sign in to the portal to download your eCOPR. It is available until {date}.',
  'ecopr.email.instructions': 'Then print it and sign it by hand, in ink. A parent or legal guardian signs for a child under 14.',
  'verify.title': 'Verify a Confirmation of Permanent Residence',
  'verify.lead':
    'This page checks whether a document number was issued by the Landing Portal. Compare what it shows with the document you were given.',
  'verify.documentNumber': 'Document number',
  'verify.checking': 'Checking the document number…',
  'verify.genuine.title': 'Genuine document',
  'verify.genuine.text': 'The Landing Portal issued a document with this number, to the person below.',
  'verify.initials': 'Holder’s initials',
  'verify.prDate': 'Date of permanent residence',
  'verify.notFound.title': 'Document not found',
  'verify.notFound.text':
    'The Landing Portal did not issue any document with this number. Check that it matches the number printed on the document, letter by letter.',
  'verify.rateLimited': 'Too many checks were made from your connection. Please wait a few minutes, then try again.',
  'verify.error': 'The document could not be checked right now. Please try again in a moment.',
  'verify.privacy': 'To protect the holder’s privacy, no other information is shown.',
  'verify.demo': 'The Landing Portal is a demonstration system. The documents it issues are specimens, not official IRCC documents.',
};
