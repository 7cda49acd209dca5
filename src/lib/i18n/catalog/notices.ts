import { defineMessages } from '../define';

/** Emails sent when an officer decides on a case. */
export const notices = defineMessages(
  {
    'notice.photoRejected.subject': 'Your PR card photo needs to be replaced',
    'notice.photoRejected.heading': 'Please upload a new photo',
    'notice.photoRejected.reason': 'An officer reviewed the photo for your permanent resident card and could not accept it: {reason}',
    'notice.photoRejected.next': 'Sign in to the Landing Portal to upload a new photo. Your other answers are saved.',
    'notice.confirmed.subject': 'You are now a permanent resident of Canada',
    'notice.confirmed.heading': 'Your permanent residence is confirmed',
    'notice.confirmed.body': 'An officer confirmed your permanent residence on {prDate}. Your electronic Confirmation of Permanent Residence (eCOPR) is ready.',
    'notice.confirmed.download': 'Sign in to download it. It can be downloaded for 30 days, until {downloadUntil}. Print it and sign it by hand.',
    'notice.continue': 'Open the Landing Portal',
    'notice.confirmed.action': 'Sign in to download your eCOPR',
    'staff.decision.PHOTO_APPROVED': 'Photo approved.',
    'staff.decision.PHOTO_REJECTED': 'Photo rejected ({reason}). {note}',
    'staff.decision.FLAG_RESOLVED': 'Flag “{flag}” resolved: {note}',
    'staff.decision.PR_CONFIRMED': 'Permanent residence confirmed on {prDate}; eCOPR {documentNumber} issued.',
  },
  {
    'notice.photoRejected.subject': 'La photo de votre carte RP doit être remplacée',
    'notice.photoRejected.heading': 'Veuillez téléverser une nouvelle photo',
    'notice.photoRejected.reason': 'Un agent a examiné la photo de votre carte de résident permanent et n’a pas pu l’accepter : {reason}',
    'notice.photoRejected.next': 'Connectez-vous au Portail d’établissement pour téléverser une nouvelle photo. Vos autres réponses sont enregistrées.',
    'notice.confirmed.subject': 'Vous êtes maintenant résident permanent du Canada',
    'notice.confirmed.heading': 'Votre résidence permanente est confirmée',
    'notice.confirmed.body': 'Un agent a confirmé votre résidence permanente le {prDate}. Votre confirmation de résidence permanente électronique (CRPe) est prête.',
    'notice.confirmed.download': 'Connectez-vous pour la télécharger. Elle peut être téléchargée pendant 30 jours, jusqu’au {downloadUntil}. Imprimez-la et signez-la à la main.',
    'notice.continue': 'Ouvrir le Portail d’établissement',
    'notice.confirmed.action': 'Se connecter pour télécharger votre CRPe',
    'staff.decision.PHOTO_APPROVED': 'Photo approuvée.',
    'staff.decision.PHOTO_REJECTED': 'Photo refusée ({reason}). {note}',
    'staff.decision.FLAG_RESOLVED': 'Signalement « {flag} » résolu : {note}',
    'staff.decision.PR_CONFIRMED': 'Résidence permanente confirmée le {prDate}; CRPe {documentNumber} délivrée.',
  },
);
