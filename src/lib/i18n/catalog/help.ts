import { defineMessages } from '../define';

/** Live help: what agents' messages and the help hand-offs look like in the transcript. */
export const help = defineMessages(
  {
    'conversation.agent.message': '{text}',
    'conversation.agent.messageWithLink': '{text} {link}',
    'conversation.agent.note': 'Internal note: {text}',
    'conversation.agent.referred': 'Referred to an officer: {text}',
    'conversation.agent.suggest.presence': '{agentName} suggests going back to your presence in Canada. You can accept to change it.',
    'conversation.agent.suggest.changes': '{agentName} suggests going back to your answers about changes since approval. You can accept to change them.',
    'conversation.agent.suggest.residential': '{agentName} suggests going back to your home address. You can accept to change it.',
    'conversation.agent.suggest.mailing': '{agentName} suggests going back to your mailing address. You can accept to change it.',
    'conversation.agent.suggest.photo': '{agentName} suggests replacing your photo. You can accept to upload a new one.',
    'conversation.help.transferred': 'Another member of our support team will be with you shortly.',
  },
  {
    'conversation.agent.message': '{text}',
    'conversation.agent.messageWithLink': '{text} {link}',
    'conversation.agent.note': 'Note interne : {text}',
    'conversation.agent.referred': 'Confié à un agent d’immigration : {text}',
    'conversation.agent.suggest.presence': '{agentName} vous suggère de revenir à votre présence au Canada. Vous pouvez accepter pour la modifier.',
    'conversation.agent.suggest.changes': '{agentName} vous suggère de revenir à vos réponses sur les changements depuis l’approbation. Vous pouvez accepter pour les modifier.',
    'conversation.agent.suggest.residential': '{agentName} vous suggère de revenir à votre adresse domiciliaire. Vous pouvez accepter pour la modifier.',
    'conversation.agent.suggest.mailing': '{agentName} vous suggère de revenir à votre adresse postale. Vous pouvez accepter pour la modifier.',
    'conversation.agent.suggest.photo': '{agentName} vous suggère de remplacer votre photo. Vous pouvez accepter pour en téléverser une nouvelle.',
    'conversation.help.transferred': 'Une autre personne de notre équipe de soutien sera avec vous sous peu.',
  },
);
