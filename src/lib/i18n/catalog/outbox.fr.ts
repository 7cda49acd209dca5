import type { Translation } from '../define';
import type { outboxEn } from './outbox.en';

export const outboxFr: Translation<typeof outboxEn> = {
  'staffNav.outbox': 'Courriels non livrés',
  'outbox.title': 'Courriels qui n’ont pas pu être livrés',
  'outbox.lead':
    'Chaque courriel est réessayé automatiquement pendant environ deux heures. Ceux-ci ont abandonné. Vérifiez l’adresse, puis renvoyez-les.',
  'outbox.empty': 'Tous les courriels ont été livrés.',
  'outbox.to': 'Destinataire',
  'outbox.subject': 'Objet',
  'outbox.kind': 'Type',
  'outbox.failedAt': 'Abandonné le',
  'outbox.error': 'Dernière erreur',
  'outbox.attempts': 'Tentatives',
  'outbox.retry': 'Renvoyer',
  'outbox.retried': 'Remis en file : il sera envoyé d’ici une minute.',
  'outbox.kind.invitation': 'Invitation',
  'outbox.kind.credentials': 'Nom d’utilisateur et mot de passe temporaire',
  'outbox.kind.photo_rejected': 'Photo refusée',
  'outbox.kind.pr_confirmed': 'RP confirmée',
  'outbox.kind.notice': 'Avis',
};
