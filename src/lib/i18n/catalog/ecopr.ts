import { defineMessages } from '../define';

/**
 * The electronic Confirmation of Permanent Residence: the PDF (`ecopr.pdf.*`, printed in both
 * languages at once), the confirmation in the conversation and by email (`ecopr.confirmed.*`,
 * `ecopr.email.*`, `ecopr.instructions.*`, also printed on the PDF) and the public
 * verification page (`verify.*`).
 */
export const ecopr = defineMessages(
  {
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
    'ecopr.expired':
      'The 30-day download period is over, so your eCOPR can no longer be downloaded here. To get a copy, contact IRCC.',
    'ecopr.keepCopy': 'Save the PDF and keep a copy in a safe place: you may need it to prove your status.',
    'ecopr.email.subject': 'Your permanent residence is confirmed: download your eCOPR',
    'ecopr.email.downloadUntil': 'Sign in to the portal to download your eCOPR. It is available until {date}.',
    'ecopr.email.instructions':
      'Then print it and sign it by hand, in ink. A parent or legal guardian signs for a child under 14.',
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
    'verify.demo':
      'The Landing Portal is a demonstration system. The documents it issues are specimens, not official IRCC documents.',
  },
  {
    'ecopr.pdf.title': 'Confirmation de résidence permanente',
    'ecopr.pdf.subtitle': 'Confirmation électronique (CRPe)',
    'ecopr.pdf.specimen': 'SPÉCIMEN — démonstration du Portail d’établissement',
    'ecopr.pdf.notOfficial':
      'Ce document n’est pas un document officiel d’Immigration, Réfugiés et Citoyenneté Canada (IRCC). Il n’a aucune valeur juridique et ne confère aucun statut.',
    'ecopr.pdf.familyName': 'Nom de famille',
    'ecopr.pdf.givenNames': 'Prénom(s)',
    'ecopr.pdf.dateOfBirth': 'Date de naissance',
    'ecopr.pdf.uci': 'Identificateur client unique (IUC)',
    'ecopr.pdf.applicationNumber': 'Numéro de demande',
    'ecopr.pdf.prDate': 'Date de résidence permanente',
    'ecopr.pdf.documentNumber': 'Numéro du document',
    'ecopr.pdf.statement': 'La personne nommée ci-dessus est devenue résidente permanente du Canada à la date indiquée.',
    'ecopr.pdf.signature': 'Signature du titulaire',
    'ecopr.pdf.signatureChild': 'Moins de 14 ans : un parent ou un tuteur légal signe.',
    'ecopr.pdf.verifyTitle': 'Vérifier ce document',
    'ecopr.pdf.verifyText':
      'Balayez le code ou ouvrez l’adresse indiquée dessous. La page n’affiche que les initiales du titulaire et la date de résidence permanente.',
    'ecopr.pdf.issued': 'Délivré le {date}',
    'ecopr.pdf.metadataTitle': 'Confirmation de résidence permanente (spécimen)',
    'ecopr.instructions.title': 'Ce que vous devez faire maintenant',
    'ecopr.instructions.print': 'Imprimez ce document.',
    'ecopr.instructions.sign': 'Signez-le à la main, à l’encre.',
    'ecopr.instructions.child': 'Un parent ou un tuteur légal signe pour un enfant de moins de 14 ans.',
    'ecopr.instructions.card': 'Votre carte de résident permanent (RP) sera envoyée par la poste à l’adresse suivante : {address}.',
    'ecopr.confirmed.title': 'Votre résidence permanente est confirmée',
    'ecopr.confirmed.text':
      'Votre statut de résident permanent du Canada a pris effet le {prDate}. Votre confirmation de résidence permanente électronique (CRPe) est prête.',
    'ecopr.download': 'Télécharger votre CRPe (PDF)',
    'ecopr.daysLeft.one': 'Vous pouvez la télécharger pendant encore {count} jour.',
    'ecopr.daysLeft.other': 'Vous pouvez la télécharger pendant encore {count} jours.',
    'ecopr.expired':
      'La période de téléchargement de 30 jours est terminée : votre CRPe ne peut plus être téléchargée ici. Pour en obtenir une copie, communiquez avec IRCC.',
    'ecopr.keepCopy':
      'Enregistrez le PDF et conservez-en une copie en lieu sûr : vous pourriez en avoir besoin pour prouver votre statut.',
    'ecopr.email.subject': 'Votre résidence permanente est confirmée : téléchargez votre CRPe',
    'ecopr.email.downloadUntil': 'Connectez-vous au portail pour télécharger votre CRPe. Elle est disponible jusqu’au {date}.',
    'ecopr.email.instructions':
      'Imprimez-la ensuite et signez-la à la main, à l’encre. Un parent ou un tuteur légal signe pour un enfant de moins de 14 ans.',
    'verify.title': 'Vérifier une confirmation de résidence permanente',
    'verify.lead':
      'Cette page vérifie si un numéro de document a été délivré par le Portail d’établissement. Comparez ce qu’elle affiche avec le document qui vous a été remis.',
    'verify.documentNumber': 'Numéro du document',
    'verify.checking': 'Vérification du numéro de document…',
    'verify.genuine.title': 'Document authentique',
    'verify.genuine.text': 'Le Portail d’établissement a délivré un document portant ce numéro, à la personne ci-dessous.',
    'verify.initials': 'Initiales du titulaire',
    'verify.prDate': 'Date de résidence permanente',
    'verify.notFound.title': 'Document introuvable',
    'verify.notFound.text':
      'Le Portail d’établissement n’a délivré aucun document portant ce numéro. Vérifiez qu’il correspond, caractère par caractère, au numéro imprimé sur le document.',
    'verify.rateLimited':
      'Trop de vérifications ont été faites à partir de votre connexion. Veuillez patienter quelques minutes, puis réessayer.',
    'verify.error': 'Le document ne peut pas être vérifié pour le moment. Veuillez réessayer dans un instant.',
    'verify.privacy': 'Pour protéger la vie privée du titulaire, aucun autre renseignement n’est affiché.',
    'verify.demo':
      'Le Portail d’établissement est un système de démonstration. Les documents qu’il délivre sont des spécimens, et non des documents officiels d’IRCC.',
  },
);
