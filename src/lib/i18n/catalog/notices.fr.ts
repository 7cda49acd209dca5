import type { Translation } from '../define';
import type { noticesEn } from './notices.en';

export const noticesFr: Translation<typeof noticesEn> = {
  'notice.photoRejected.subject': 'La photo de votre carte RP doit être remplacée',
  'notice.photoRejected.heading': 'Veuillez téléverser une nouvelle photo',
  'notice.photoRejected.reason': 'Un agent a examiné la photo de votre carte de résident permanent et n’a pas pu l’accepter : {reason}',
  'notice.photoRejected.next':
    'Connectez-vous au Portail d’établissement pour téléverser une nouvelle photo. Vos autres réponses sont enregistrées.',
  'notice.confirmed.subject': 'Vous êtes maintenant résident permanent du Canada',
  'notice.confirmed.heading': 'Votre résidence permanente est confirmée',
  'notice.confirmed.body':
    'Un agent a confirmé votre résidence permanente le {prDate}. Votre confirmation de résidence permanente électronique (CRPe) est prête.',
  'notice.confirmed.download':
    'Connectez-vous pour la télécharger. Elle peut être téléchargée pendant 30 jours, jusqu’au {downloadUntil}. Imprimez-la et signez-la à la main.',
  'notice.continue': 'Ouvrir le Portail d’établissement',
  'staff.decision.PHOTO_APPROVED': 'Photo approuvée.',
  'staff.decision.PHOTO_REJECTED': 'Photo refusée ({reason}). {note}',
  'staff.decision.FLAG_RESOLVED': 'Signalement « {flag} » résolu : {note}',
  'staff.decision.PR_CONFIRMED': 'Résidence permanente confirmée le {prDate}; CRPe {documentNumber} délivrée.',
  'notice.confirmed.action': 'Se connecter pour télécharger votre CRPe',
};
