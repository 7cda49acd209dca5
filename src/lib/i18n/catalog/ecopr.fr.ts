import type { Translation } from '../define';
import type { ecoprEn } from './ecopr.en';

export const ecoprFr: Translation<typeof ecoprEn> = {
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
  'ecopr.keepCopy': 'Enregistrez le PDF et conservez-en une copie en lieu sûr : vous pourriez en avoir besoin pour prouver votre statut.',
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
};
