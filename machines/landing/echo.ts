import type { AgentEvent, ApplicantEvent, Message, StaffEvent } from '../../src/lib/shared/landing';
import type { LandingContext } from './context';
import { addressMessage } from './summary';

/**
 * The applicant's answer as it appears in the transcript, as a message key (never text), so the
 * transcript reads well in either language after a switch. Call it with the context *before*
 * the event is applied (a second photo echoes "my new photo").
 */
export function answerEcho(event: ApplicantEvent, context: LandingContext): Message {
  switch (event.type) {
    case 'CONFIRM_IDENTITY':
      return { key: `conversation.echo.identity.${event.answer}` };
    case 'ANSWER_IN_CANADA':
    case 'ANSWER_CHANGE':
      return { key: `conversation.echo.${event.answer}` };
    case 'ANSWER_ENTRY_DATE':
      return { key: 'conversation.echo.entryDate', params: { date: event.date } };
    case 'EXPLAIN_CHANGES':
      return { key: 'conversation.echo.text', params: { text: event.text } };
    case 'SUBMIT_ADDRESS':
      return addressMessage(event.address);
    case 'MAILING_SAME_AS_RESIDENTIAL':
      return { key: event.same ? 'conversation.echo.mailingSame' : 'conversation.echo.mailingDifferent' };
    case 'PHOTO_UPLOADED':
      return { key: context.photo.id ? 'conversation.echo.photoReplaced' : 'conversation.echo.photoUploaded' };
    case 'EDIT':
      return { key: `conversation.echo.edit.${event.section}` };
    case 'SIGN':
      return { key: 'conversation.echo.signed', params: { signature: event.signature } };
    default:
      return { key: `conversation.echo.${echoKeys[event.type]}` };
  }
}

const echoKeys = {
  ACKNOWLEDGE: 'acknowledge',
  DECLARE_PRESENCE: 'declarePresence',
  REPORT_LEFT_CANADA: 'leftCanada',
  BACK_IN_CANADA: 'backInCanada',
  REQUEST_HELP: 'requestHelp',
  CANCEL_HELP: 'cancelHelp',
} as const;

/** What the applicant's transcript says when staff or an agent acted, or null when nothing. */
export function eventNotice(event: StaffEvent | AgentEvent): Message | null {
  switch (event.type) {
    case 'AGENT_JOINED':
      return { key: 'conversation.notice.agentJoined', params: { agentName: event.agentName } };
    case 'AGENT_LEFT':
      return { key: 'conversation.notice.agentLeft' };
    case 'PHOTO_APPROVED':
      return { key: 'conversation.notice.photoApproved' };
    case 'PR_CONFIRMED':
      return { key: 'conversation.notice.confirmed' };
    default:
      return null;
  }
}
