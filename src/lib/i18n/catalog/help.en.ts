/** Live help: what agents' messages and the help hand-offs look like in the transcript. */
export const helpEn = {
  'conversation.agent.message': '{text}',
  'conversation.agent.messageWithLink': '{text} {link}',
  'conversation.agent.note': 'Internal note: {text}',
  'conversation.agent.suggest.presence': '{agentName} suggests going back to your presence in Canada. You can accept to change it.',
  'conversation.agent.suggest.changes':
    '{agentName} suggests going back to your answers about changes since approval. You can accept to change them.',
  'conversation.agent.suggest.residential': '{agentName} suggests going back to your home address. You can accept to change it.',
  'conversation.agent.suggest.mailing': '{agentName} suggests going back to your mailing address. You can accept to change it.',
  'conversation.agent.suggest.photo': '{agentName} suggests replacing your photo. You can accept to upload a new one.',
  'conversation.help.transferred': 'Another member of our support team will be with you shortly.',
  // What the applicant's chat shows of the agent (moved from agent.ts: the applicant's area carries them).
  'agent.typing': '{name} is typing…',
  'agentChat.withYou': '{name} is with you',
  'agentChat.read': 'Read',
  'agentChat.accept': 'Accept',
  'agentChat.acceptLabel': 'Accept: go back to {section}',
  'agentChat.accepted': 'Accepted',
  'agentChat.acceptLater': 'You can make this change from the review step, once you reach it.',
  'agentChat.newTab': '(opens in a new tab)',
  'conversation.agent.referred': 'Referred to an officer: {text}',
};
