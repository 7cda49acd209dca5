import type { Translation } from '../define';
import type { helpEn } from './help.en';

export const helpFr: Translation<typeof helpEn> = {
  'conversation.agent.message': '{text}',
  'conversation.agent.messageWithLink': '{text} {link}',
  'conversation.agent.note': 'Note interne : {text}',
  'conversation.agent.suggest.presence':
    '{agentName} vous suggère de revenir à votre présence au Canada. Vous pouvez accepter pour la modifier.',
  'conversation.agent.suggest.changes':
    '{agentName} vous suggère de revenir à vos réponses sur les changements depuis l’approbation. Vous pouvez accepter pour les modifier.',
  'conversation.agent.suggest.residential':
    '{agentName} vous suggère de revenir à votre adresse domiciliaire. Vous pouvez accepter pour la modifier.',
  'conversation.agent.suggest.mailing':
    '{agentName} vous suggère de revenir à votre adresse postale. Vous pouvez accepter pour la modifier.',
  'conversation.agent.suggest.photo':
    '{agentName} vous suggère de remplacer votre photo. Vous pouvez accepter pour en téléverser une nouvelle.',
  'conversation.help.transferred': 'Une autre personne de notre équipe de soutien sera avec vous sous peu.',
  // What the applicant's chat shows of the agent (moved from agent.ts: the applicant's area carries them).
  'agent.typing': '{name} est en train d’écrire…',
  'agentChat.withYou': '{name} est avec vous',
  'agentChat.read': 'Lu',
  'agentChat.accept': 'Accepter',
  'agentChat.acceptLabel': 'Accepter : revenir à {section}',
  'agentChat.accepted': 'Accepté',
  'agentChat.acceptLater': 'Vous pourrez faire ce changement à l’étape de vérification, lorsque vous y serez.',
  'agentChat.newTab': '(s’ouvre dans un nouvel onglet)',
  'conversation.agent.referred': 'Confié à un agent d’immigration : {text}',
};
